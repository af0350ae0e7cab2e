import TraguardoCore

/// One objective's card: its definition (the fields the layout asks for), indicators and phases, and, in reports
/// of a campaign, what was achieved with the computed and validated scores.
enum ObjectiveCards {
    static func card(_ node: PlanNode, in ctx: ReportContext, results: Bool) -> ReportSection {
        var blocks: [ReportBlock] = []
        let facts = definition(node, ctx)
        if !facts.isEmpty { blocks.append(.facts(facts)) }
        let fields = Set(ctx.layout.cardFields)
        if fields.contains(.description), let d = node.description, !d.isEmpty { blocks.append(.paragraph(d)) }
        if fields.contains(.indicators), let list = ctx.indicators[node.key], !list.isEmpty {
            blocks.append(.table(indicatorTable(node, list, ctx, results: results)))
        }
        if fields.contains(.phases), let list = ctx.phases[node.key], !list.isEmpty {
            blocks.append(.table(phaseTable(node, list)))
        }
        if fields.contains(.participants) {
            let names = ctx.bundle.participations.filter { $0.nodeKey == node.key }.compactMap { ctx.people[$0.personKey]?.displayName }
            if !names.isEmpty { blocks.append(.facts([Fact("Personale coinvolto", names.joined(separator: ", "))])) }
        }
        if results { blocks += outcome(node, ctx) }
        let title = [node.code, node.title].compactMap { $0 }.joined(separator: " – ")
        return ReportSection(id: "obiettivo-\(node.key)", title: title, blocks: blocks, keepTogether: true)
    }

    /// The definition fields, in the layout's order, each only when the objective has it.
    static func definition(_ node: PlanNode, _ ctx: ReportContext) -> [Fact] {
        var out: [Fact] = []
        for field in ctx.layout.cardFields {
            switch field {
            case .code:
                if let c = node.code { out.append(Fact("Codice", c)) }
            case .parent:
                var chain: [String] = []
                var parent = node.parentKey.flatMap { ctx.nodes[$0] }
                while let p = parent {
                    chain.append("\(p.level.label): \([p.code, p.title].compactMap { $0 }.joined(separator: " – "))")
                    parent = p.parentKey.flatMap { ctx.nodes[$0] }
                }
                if !chain.isEmpty { out.append(Fact("Collegamento", chain.reversed().joined(separator: " → "))) }
            case .units:
                let names = node.ownerUnitKeys.compactMap { k in ctx.bundle.units.first { $0.key == k }?.displayName }
                if !names.isEmpty {
                    out.append(Fact(node.crossCutting ? "Unità (obiettivo trasversale)" : "Unità", names.joined(separator: "; ")))
                }
            case .responsible:
                let names = node.responsiblePersonKeys.compactMap { ctx.people[$0]?.displayName }
                if !names.isEmpty { out.append(Fact("Responsabile", names.joined(separator: ", "))) }
            case .referents:
                let names = node.politicalReferentKeys.compactMap { k in ctx.bundle.politicalReferents.first { $0.key == k }?.name }
                if !names.isEmpty { out.append(Fact("Assessore di riferimento", names.joined(separator: ", "))) }
            case .horizon:
                if let h = node.horizon {
                    let text = h.raw ?? [h.firstYear, h.lastYear].compactMap { $0.map(String.init) }.joined(separator: "–")
                    if !text.isEmpty { out.append(Fact("Orizzonte temporale", text)) }
                }
            case .weight:
                if let w = node.weightRaw ?? node.weight.map({ ItalianFormat.number($0, trimZeros: true) }) { out.append(Fact("Peso", w)) }
            case .missionProgramme:
                if let m = node.missione { out.append(Fact("Missione", m)) }
                if let p = node.programma { out.append(Fact("Programma", MissioniProgrammi.programma(p)?.label ?? p)) }
            case .classifications:
                let labels = node.classifications.map { k in
                    (ctx.bundle.classifications + Classification.standard).first { $0.key == k }?.label ?? k
                }
                if !labels.isEmpty { out.append(Fact("Classificazioni", labels.joined(separator: ", "))) }
            case .expectedOutcome:
                if let r = node.expectedOutcome { out.append(Fact("Risultato atteso", r)) }
            case .stakeholders:
                if !node.stakeholders.isEmpty { out.append(Fact("Portatori di interesse", node.stakeholders.joined(separator: ", "))) }
            case .description, .indicators, .phases, .participants:
                break  // blocks of their own
            }
        }
        return out
    }

    static func indicatorTable(_ node: PlanNode, _ list: [Indicator], _ ctx: ReportContext, results: Bool) -> ReportTable {
        var columns = [
            ReportColumn("Indicatore", key: "indicatore"), ReportColumn("Unità di misura", key: "unita_misura"),
            ReportColumn("Valore di partenza", key: "valore_partenza"), ReportColumn("Obiettivo", key: "obiettivo"),
        ]
        if results {
            columns += [
                ReportColumn("Valore rilevato", key: "valore_rilevato"),
                ReportColumn("Punteggio", key: "punteggio", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ]
        }
        let explained = results ? ctx.report.explain(objective: node.key)?.indicators ?? [] : []
        let rows = list.map { x -> [ReportValue] in
            var row: [ReportValue] = [
                .text(x.name), ReportValue(x.unit), ReportValue(x.baseline?.italianText), ReportValue(x.target?.italianText),
            ]
            if results {
                let actual = ctx.value(node.key, indicator: x.key)?.actual?.italianText
                let e = explained.first { $0.key == x.key }
                row += [actual.map(ReportValue.text) ?? .missing("non rilevato"), e?.counted == true ? ReportValue(e?.score) : .missing("—")]
            }
            return row
        }
        return ReportTable(name: "Indicatori \(node.code ?? node.key)", title: "Indicatori", columns: columns, rows: rows, exported: false)
    }

    static func phaseTable(_ node: PlanNode, _ list: [Phase]) -> ReportTable {
        let columns = [
            ReportColumn("Fase", key: "fase"), ReportColumn("Periodo", key: "periodo"), ReportColumn("Scadenza", key: "scadenza", .date),
            ReportColumn("Peso", key: "peso", .number),
        ]
        let rows = list.map { p -> [ReportValue] in
            let months = p.months.isEmpty ? nil : p.months.map { ItalianMonths.short[($0 - 1 + 12) % 12] }.joined(separator: ", ")
            return [
                .text([p.code, p.title].compactMap { $0 }.joined(separator: " – ")), ReportValue(p.periodRaw ?? months),
                p.due.map(ReportValue.date) ?? .empty, ReportValue(p.weight, missing: ""),
            ]
        }
        return ReportTable(name: "Fasi \(node.code ?? node.key)", title: "Fasi", columns: columns, rows: rows, exported: false)
    }

    /// What the campaign says: status, narrative, the two scores and the Nucleo's note.
    static func outcome(_ node: PlanNode, _ ctx: ReportContext) -> [ReportBlock] {
        var facts: [Fact] = []
        let entry = ctx.entry(node.key)
        if let status = entry?.status {
            facts.append(Fact("Stato di attuazione", status.label + (entry?.statusReason.map { " – \($0)" } ?? "")))
        }
        let score = ctx.objectiveScores[node.key]
        let notReported = score?.outcome == .notReported
        facts.append(Fact("Punteggio calcolato (consuntivo)", notReported ? "non rilevato" : ctx.score(score?.computed)))
        if let decision = ctx.decisions[node.key] {
            let value: String
            switch decision.kind {
            case .esclusione: value = "escluso dalla valutazione"
            case .conferma: value = ctx.score(score?.validated ?? score?.computed) + " (confermato)"
            default: value = ctx.score(decision.score)
            }
            facts.append(Fact("Punteggio validato dal Nucleo", value))
            if !decision.reason.isEmpty { facts.append(Fact("Nota del Nucleo", decision.reason)) }
        }
        var blocks: [ReportBlock] = [.facts(facts)]
        if let narrative = entry?.narrative, !narrative.isEmpty { blocks.append(.paragraph(narrative)) }
        return blocks
    }
}

enum ItalianMonths {
    static let names = [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ]
    static let short = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]

    /// "31 dicembre 2024".
    static func long(_ day: Day) -> String { "\(day.day) \(names[day.month - 1]) \(day.year)" }
}
