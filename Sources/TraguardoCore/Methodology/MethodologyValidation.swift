/// A problem found in a methodology, in Italian for the person editing it.
public struct MethodologyIssue: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable { case error = "errore", warning = "avviso" }
    public var severity: Severity
    /// Dotted path of the offending rule ("organisational.dimensions").
    public var path: String
    public var message: String

    public init(_ severity: Severity, _ path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }
}

extension Methodology {
    /// Checks the methodology is usable and coherent. Errors make scores meaningless; warnings are for the editor.
    public func validate() -> [MethodologyIssue] {
        var out: [MethodologyIssue] = []
        func err(_ p: String, _ m: String) { out.append(.init(.error, p, m)) }
        func warn(_ p: String, _ m: String) { out.append(.init(.warning, p, m)) }
        let n = { (x: Double) in ScoreFormat.compact(x) }

        if id.trimmingCharacters(in: .whitespaces).isEmpty { err("id", "Identificativo della metodologia mancante.") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { err("name", "Nome della metodologia mancante.") }
        if source.trimmingCharacters(in: .whitespaces).isEmpty {
            err("source", "Fonte della metodologia mancante: indicare il documento (SMVP, delibera) da cui deriva.")
        }
        if version < 1 { err("version", "La versione deve essere un numero intero positivo.") }
        if !(1990...2100).contains(validFrom) { warn("validFrom", "Anno di validità \(validFrom) non plausibile.") }

        let hb = indicators.higherBetter
        if let cap = hb.cap, cap <= 0 { err("indicators.higherBetter.cap", "Il tetto del punteggio deve essere maggiore di 0.") }
        if let cap = hb.cap, let floor = hb.floor, floor > cap {
            err("indicators.higherBetter.floor", "La soglia minima (\(n(floor))%) supera il tetto (\(n(cap))%).")
        }
        for (a, b) in zip(hb.bands, hb.bands.dropFirst()) {
            if b.from <= a.from {
                err("indicators.higherBetter.bands", "Le fasce devono avere soglie crescenti (\(n(a.from))% e poi \(n(b.from))%).")
            }
            if b.score < a.score {
                warn(
                    "indicators.higherBetter.bands",
                    "Il punteggio delle fasce diminuisce da \(n(a.score)) a \(n(b.score)): il punteggio non sarebbe crescente.")
            }
        }
        for b in hb.bands where b.score < 0 || b.score > (hb.cap ?? .infinity) {
            err("indicators.higherBetter.bands", "Punteggio di fascia \(n(b.score)) fuori dall'intervallo 0–\(n(hb.cap ?? 100)).")
        }
        if indicators.date.monthsToZero <= 0 {
            err("indicators.date.monthsToZero", "I mesi di ritardo che azzerano il punteggio devono essere più di 0.")
        }
        if let zero = indicators.zeroBelow, !(0...100).contains(zero) {
            err("indicators.zeroBelow", "La soglia sotto cui un indicatore vale 0 deve essere tra 0 e 100.")
        }
        if let zero = objectives.zeroBelow, !(0...100).contains(zero) {
            err("objectives.zeroBelow", "La soglia sotto cui un obiettivo vale 0 deve essere tra 0 e 100.")
        }
        let objectiveBands = objectives.bands.map(\.from)
        if Set(objectiveBands).count != objectiveBands.count {
            err("objectives.bands", "Due fasce hanno la stessa soglia: ogni soglia deve comparire una volta.")
        }
        for b in objectives.bands where b.score < 0 || b.from < 0 {
            err("objectives.bands", "Fascia «da \(n(b.from)) → \(n(b.score))»: soglie e punteggi non possono essere negativi.")
        }
        checkDuplicates(reportingGroups.map(\.key), "reportingGroups", &out)
        for g in reportingGroups {
            if g.name.trimmingCharacters(in: .whitespaces).isEmpty { err("reportingGroups.\(g.key).name", "Nome del raggruppamento mancante.") }
            if g.unitKeys.isEmpty && g.objectiveKeys.isEmpty {
                err("reportingGroups.\(g.key)", "Il raggruppamento «\(g.name)» non indica né unità né obiettivi.")
            }
        }
        if indicators.date.daysToZero <= 0 {
            err("indicators.date.daysToZero", "I giorni di ritardo che azzerano il punteggio devono essere più di 0.")
        }
        if let max = indicators.date.maxDelay, max <= 0 {
            err("indicators.date.maxDelay", "Il ritardo massimo oltre il quale il punteggio è zero deve essere più di 0 (oppure non indicato).")
        }
        if !(0...100).contains(indicators.date.achievedWithoutDateScore) {
            err("indicators.date.achievedWithoutDateScore", "Il punteggio per «raggiunto senza data» deve essere tra 0 e 100.")
        }

        if objectives.sources.isEmpty {
            err("objectives.sources", "Nessuna fonte di punteggio per gli obiettivi (indicatori, punteggio diretto o grado da stato).")
        }
        checkDuplicates(objectives.statusGrades.map(\.status), "objectives.statusGrades", &out)
        for g in objectives.statusGrades where !(0...100).contains(g.score) {
            err("objectives.statusGrades", "Il grado per lo stato «\(g.status.label)» (\(n(g.score))) deve essere tra 0 e 100.")
        }
        for r in objectives.statusChecks where r.min > r.max {
            err(
                "objectives.statusChecks",
                "Intervallo non valido per lo stato «\(r.status.label)»: minimo \(n(r.min)) maggiore del massimo \(n(r.max)).")
        }
        checkDuplicates(statuses.map(\.status), "statuses", &out)
        for t in statuses where t.counting == .fixed {
            if let v = t.value {
                if !(0...100).contains(v) { err("statuses", "Il valore fisso per «\(t.status.label)» (\(n(v))) deve essere tra 0 e 100.") }
            } else {
                err("statuses", "Valore fisso mancante per lo stato «\(t.status.label)».")
            }
        }
        if !(0...6).contains(rounding.decimals) { err("rounding.decimals", "I decimali di arrotondamento devono essere tra 0 e 6.") }
        if !(0...6).contains(nucleo.validatedDecimals) {
            err("nucleo.validatedDecimals", "I decimali del punteggio validato devono essere tra 0 e 6.")
        }
        if !nucleo.reasonRequired {
            warn(
                "nucleo.reasonRequired",
                "La motivazione del Nucleo non è obbligatoria: un punteggio validato diverso dal calcolato resterebbe senza spiegazione.")
        }

        if let w = weights {
            if w.tolerance < 0 { err("weights.tolerance", "La tolleranza sui pesi non può essere negativa.") }
            for (p, v) in [
                ("expectedPerUnit", w.expectedPerUnit), ("expectedPerPerson", w.expectedPerPerson), ("expectedPerObjective", w.expectedPerObjective),
            ] {
                if let v, v <= 0 { err("weights.\(p)", "La somma attesa dei pesi deve essere maggiore di 0.") }
            }
        }
        if let org = organisational { validateOrganisational(org, &out) }
        for s in individualSchemes { validateScheme(s, &out) }
        checkDuplicates(individualSchemes.map(\.key), "individualSchemes", &out)
        return out
    }

    private func validateOrganisational(_ org: OrganisationalPerformance, _ out: inout [MethodologyIssue]) {
        let n = { (x: Double) in ScoreFormat.compact(x) }
        if org.totalPoints <= 0 {
            out.append(.init(.error, "organisational.totalPoints", "Il totale dei punti della performance organizzativa deve essere maggiore di 0."))
        }
        let sum = org.dimensions.reduce(0) { $0 + $1.weight }
        if !org.dimensions.isEmpty && Swift.abs(sum - 100) > 0.01 {
            out.append(.init(.error, "organisational.dimensions", "I pesi delle dimensioni sommano a \(n(sum)), non a 100."))
        }
        checkDuplicates(org.dimensions.map(\.key), "organisational.dimensions", &out)
        for d in org.dimensions {
            if d.weight < 0 { out.append(.init(.error, "organisational.dimensions", "Peso negativo per la dimensione «\(d.name)».")) }
            if d.source == .indicators && d.indicators.isEmpty {
                out.append(.init(.error, "organisational.dimensions", "La dimensione «\(d.name)» si basa su indicatori ma non ne ha."))
            }
            for i in d.indicators where i.threshold == nil && i.comparator != .negative && i.comparator != .positive {
                out.append(.init(.error, "organisational.dimensions", "Soglia mancante per l'indicatore «\(i.name)» (\(i.comparator.symbol))."))
            }
            checkDuplicates(d.indicators.map(\.key), "organisational.dimensions.\(d.key).indicators", &out)
        }
    }

    private func validateScheme(_ s: IndividualScheme, _ out: inout [MethodologyIssue]) {
        let n = { (x: Double) in ScoreFormat.compact(x) }
        let path = "individualSchemes.\(s.key)"
        let sum = s.components.reduce(0) { $0 + $1.maxPoints }
        if Swift.abs(sum - s.totalPoints) > 0.01 {
            out.append(.init(.error, path, "Le componenti della scheda «\(s.name)» sommano a \(n(sum)) punti, non a \(n(s.totalPoints))."))
        }
        for c in s.components {
            if c.kind == .criteria {
                let cs = c.criteria.reduce(0) { $0 + $1.maxPoints }
                if c.criteria.isEmpty {
                    out.append(.init(.error, path, "La componente «\(c.name)» è a criteri ma non ne elenca."))
                } else if Swift.abs(cs - c.maxPoints) > 0.01 {
                    out.append(
                        .init(
                            .error, path,
                            "I criteri della componente «\(c.name)» sommano a \(n(cs)) punti ma la componente ne prevede \(n(c.maxPoints))."))
                }
                checkDuplicates(c.criteria.map(\.key), "\(path).\(c.key)", &out)
            } else if !c.criteria.isEmpty {
                out.append(.init(.warning, path, "La componente «\(c.name)» elenca criteri che non vengono usati (tipo «\(c.kind.rawValue)»)."))
            }
        }
        let shares = s.payShares.reduce(0) { $0 + $1.percent }
        if shares > 100.0001 { out.append(.init(.error, path, "Le quote della retribuzione di risultato sommano a \(n(shares))%, oltre il 100%.")) }
        for p in s.payShares {
            if let m = p.minimumPercent, p.percent < m {
                out.append(.init(.error, path, "La quota «\(p.name)» (\(n(p.percent))%) è inferiore al minimo previsto (\(n(m))%)."))
            }
        }
    }
}

private func checkDuplicates<T: Hashable & Sendable>(_ items: [T], _ path: String, _ out: inout [MethodologyIssue]) {
    var seen = Set<T>()
    for i in items where !seen.insert(i).inserted {
        let label = (i as? ProgressStatus)?.label ?? "\(i)"
        out.append(.init(.warning, path, "Voce duplicata «\(label)»: vale l'ultima."))
    }
}
