/// Italian sentences for explanations: "99,08", dates dd/mm/yyyy, the rule in words.
enum ExplanationText {
    static func n(_ x: Double) -> String { ScoreFormat.compact(x) }
    static func s(_ x: Double?, _ rules: PreparedMethodology) -> String { ScoreFormat.score(x, policy: rules.rounding) }

    static func indicator(_ e: IndicatorExplanation, rules: PreparedMethodology, asOf: Day) -> String {
        let head = "«\(e.name)»"
        let u = e.unit.map { $0 == "%" ? "%" : " \($0)" } ?? ""
        let target: String
        if let d = e.targetDate ?? e.extendedDeadline {
            target =
                "entro \(d.italian)"
                + (e.extendedDeadline.map { x in
                    e.targetDate.map { " (prorogata al \(x.italian), scadenza originaria \($0.italian))" } ?? " (prorogata)"
                } ?? "")
        } else if e.form == .boolean {
            target = e.targetRaw ?? "SI"
        } else if let t = e.target {
            target = e.direction == .range ? "tra \(n(t)) e \(n(e.targetUpper ?? t))\(u)" : "\(e.direction.symbol) \(n(t))\(u)"
        } else {
            target = e.targetRaw ?? "senza target"
        }
        let actual = e.actual.map { "consuntivo \(n($0))\(u)" } ?? "consuntivo non rilevato"
        let score = (e.beforeThreshold ?? e.score).map { s($0, rules) } ?? "—"
        let ratio = e.ratio.map { "\(n($0))% del target" } ?? ""
        let rule: String
        switch e.outcome {
        case .ratio: rule = "\(actual) = \(ratio) → \(score) (rapporto consuntivo/target)"
        case .capped: rule = "\(actual) = \(ratio) → \(score) (tetto al \(n(rules.cap))%)"
        case .belowFloor: rule = "\(actual) = \(ratio), sotto la soglia minima del \(n(rules.floor))% → 0"
        case .band: rule = "\(actual) = \(ratio) → fascia di punteggio \(score)"
        case .ceilingMet: rule = "\(actual), limite rispettato → 100"
        case .ceilingPartial:
            rule =
                "\(actual), oltre il limite → \(score) (" + (rules.lowerPartial == .linear ? "perdita lineare" : "proporzionale: target/consuntivo")
                + ")"
        case .ceilingMissed: rule = "\(actual), oltre il limite → 0"
        case .exactMet: rule = "\(actual), pari al target → 100"
        case .exactPartial: rule = "\(actual), diverso dal target → \(score) (proporzionale)"
        case .exactMissed: rule = "\(actual), diverso dal target → 0"
        case .negativeMet: rule = "\(actual), valore negativo → 100"
        case .negativeMissed: rule = "\(actual), valore non negativo → 0"
        case .rangeMet: rule = "\(actual), nell'intervallo → 100"
        case .rangeMissed: rule = "\(actual), fuori dall'intervallo → 0"
        case .yes: rule = "realizzato (SI) → 100"
        case .no: rule = "non realizzato (NO) → 0"
        case .onTime: rule = (e.actualDate.map { "realizzato il \($0.italian)" } ?? "realizzato prima della scadenza") + ", nei tempi → 100"
        case .late, .tooLate:
            rule = "realizzato il \(e.actualDate?.italian ?? "?"), " + lateness(e, rules.dateRule, score: score)
        case .achievedNoDate: rule = "raggiunto (SI) senza data, scadenza superata → \(score) (decurtazione prevista dalla metodologia)"
        case .missedProgress: rule = "scadenza superata, non raggiunto, avanzamento \(n(e.progress ?? 0))% → \(score)"
        case .missedNone: rule = "scadenza superata, non raggiunto e senza avanzamento → 0"
        case .notYetDueExcluded: rule = "scadenza non ancora raggiunta al \(asOf.italian) (in corso) → non conteggiato"
        case .notYetDueFull: rule = "scadenza non ancora raggiunta al \(asOf.italian) (in corso) → 100, non penalizzato"
        case .notYetDueProgress: rule = "scadenza non ancora raggiunta al \(asOf.italian), avanzamento \(n(e.progress ?? 0))% → \(score)"
        case .progress: rule = "avanzamento \(n(e.progress ?? 0))% → \(score)"
        case .missingExcluded: rule = "nessun valore rilevato → non conteggiato"
        case .missingZero: rule = "nessun valore rilevato → 0"
        case .statusExcluded: rule = "stato «\(e.status?.label ?? "")» → non conteggiato"
        case .noTarget: rule = "indicatore senza target → non conteggiato"
        case .notMeasurable: rule = "valore non misurabile con questa regola → non conteggiato"
        }
        let weight = e.weight.map { ", peso \(n($0))" } ?? ""
        let threshold =
            e.beforeThreshold == nil ? "" : "; sotto la soglia minima di \(n(rules.methodology.indicators.zeroBelow ?? 0)) dell'indicatore → 0"
        return "\(head) (\(target)\(weight)): \(rule)\(threshold)."
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func stepLabel(_ step: LateStep) -> String {
        switch step {
        case .halfMonth: "arrotondato al mezzo mese superiore"
        case .monthsAndHalf: "mesi interi più mezzo mese per la frazione"
        case .month: "arrotondato al mese intero superiore"
        case .day: "frazione esatta di mese"
        case .days: "in giorni"
        }
    }

    /// "1 mese e 20 giorni di ritardo, contati 1,5 mesi (mesi interi più mezzo mese per la frazione) → 100 × (1 − 1,5/12)".
    static func lateness(_ e: IndicatorExplanation, _ rule: DateRule, score: String) -> String {
        let counted = e.lateCounted ?? 0
        let days = e.lateDays ?? 0
        var calendar = "\(days) giorni di ritardo"
        if let deadline = e.extendedDeadline ?? e.targetDate, let done = e.actualDate, !rule.lateStep.countsDays {
            let (months, rest, _) = DayMath.delay(deadline, until: done)
            let monthText = months == 1 ? "1 mese" : "\(months) mesi"
            let dayText = rest == 1 ? "1 giorno" : "\(rest) giorni"
            calendar = (months == 0 ? dayText : rest == 0 ? monthText : "\(monthText) e \(dayText)") + " di ritardo"
        }
        let unit = rule.lateStep.countsDays ? "giorni" : (counted == 1 ? "mese" : "mesi")
        let head = "\(calendar), contati \(n(counted)) \(unit) (\(stepLabel(rule.lateStep)))"
        if let max = rule.maxDelay, counted > max {
            return head + ": oltre il ritardo massimo di \(n(max)) \(rule.lateStep.countsDays ? "giorni" : "mesi") → \(score)"
        }
        let toZero = rule.lateStep.countsDays ? rule.daysToZero : rule.monthsToZero
        return head + " → 100 × (1 − \(n(counted))/\(n(toZero))) = \(score)"
    }

    static func objective(_ e: ObjectiveExplanation, rules: PreparedMethodology, year: Int, horizon: String?, inheritedTitle: String?) -> String {
        var lines: [String] = ["Obiettivo «\(e.title)» — metodologia \(e.methodology)."]
        let counted = e.indicators.filter(\.counted)
        switch e.outcome {
        case .indicators:
            let parts = counted.map { x in e.indicatorWeighting == .explicit ? "\(s(x.score, rules)) × \(n(x.weight ?? 0))" : s(x.score, rules) }
            let den = e.indicatorWeighting == .explicit ? n(counted.reduce(0) { $0 + ($1.weight ?? 0) }) : "\(counted.count)"
            let kind = e.indicatorWeighting == .explicit ? "media ponderata" : "media semplice (pesi uguali)"
            lines.append(
                "Punteggio calcolato: \(kind) di \(counted.count) indicatori conteggiati: (\(parts.joined(separator: " + "))) / \(den) = \(s(e.beforeThreshold ?? e.computed, rules))."
            )
            if e.indicatorWeighting == .equalFallback { lines.append("Solo alcuni indicatori hanno un peso: usati pesi uguali.") }
        case .directScore: lines.append("Punteggio attribuito direttamente: \(s(e.beforeThreshold ?? e.computed, rules)).")
        case .statusGrade: lines.append("Grado dallo stato «\(e.status?.label ?? "")»: \(s(e.computed, rules)).")
        case .statusFixed: lines.append("Stato «\(e.status?.label ?? "")»: valore fisso \(s(e.computed, rules)), conteggiato nelle medie.")
        case .notReportedFixed:
            lines.append("Nessun dato consuntivato: valore fisso \(s(e.computed, rules)) previsto per «Non consuntivato», conteggiato.")
        case .inherited:
            lines.append("Rendicontato con «\(inheritedTitle ?? e.inheritedFrom ?? "")»: ne eredita il punteggio \(s(e.computed, rules)).")
        case .childlessFull: lines.append("Nodo senza obiettivi figli né misure: conteggiato come 100.")
        case .nothingDueFull:
            lines.append("Nessun indicatore ancora in scadenza alla data di riferimento: conteggiato come 100, come prevede la metodologia.")
        case .nothingDueProgress:
            lines.append(
                "Nessun indicatore ancora in scadenza alla data di riferimento: vale l'avanzamento medio dichiarato, \(s(e.computed, rules)).")
        default: lines.append(capitalised(exclusionNote(e.outcome, year: year, horizon: horizon, status: e.status, reason: e.validationReason)) + ".")
        }
        if let raw = e.beforeThreshold {
            let objectives = rules.methodology.objectives
            var rule: [String] = []
            if let zero = objectives.zeroBelow { rule.append("sotto \(n(zero)) vale 0") }
            if !objectives.bands.isEmpty {
                rule.append(
                    "fasce " + objectives.bands.sorted { $0.from > $1.from }.map { "da \(n($0.from)) → \(n($0.score))" }.joined(separator: ", "))
            }
            lines.append("Regola della metodologia (\(rule.joined(separator: "; "))): \(s(raw, rules)) → \(s(e.computed, rules)).")
        }
        if e.outcome != .indicators && !e.indicators.isEmpty {
            lines.append("Indicatori (informativi, non usati per il punteggio):")
        } else if !e.indicators.isEmpty {
            lines.append("Indicatori:")
        }
        lines += e.indicators.map { "• " + $0.text }
        if let v = e.validated {
            lines.append(
                "Validato dal Nucleo: \(s(v, rules)) — motivazione: «\(e.validationReason ?? "")»" + (e.validationMinutes.map { " (\($0))" } ?? "")
                    + ". Il validato sostituisce il calcolato in tutti i totali.")
        } else if e.validationIgnored {
            lines.append("Validazione del Nucleo ignorata: manca la motivazione, obbligatoria per la metodologia.")
        }
        lines.append(
            e.counted
                ? "Valore usato nei totali: \(s(e.effective, rules)); \(e.rounding)."
                : "Non conteggiato: escluso da numeratore e denominatore dei totali.")
        return lines.joined(separator: "\n")
    }

    static func exclusionNote(_ o: ObjectiveOutcome, year: Int? = nil, horizon: String? = nil, status: ProgressStatus? = nil, reason: String? = nil)
        -> String
    {
        switch o {
        case .excludedStatus: return "escluso per lo stato «\(status?.label ?? "")»"
        case .excludedByDecision: return "escluso per decisione del Nucleo" + (reason.map { ": «\($0)»" } ?? "")
        case .excludedHorizon:
            return "orizzonte temporale successivo" + (year.map { " al \($0)" } ?? "") + (horizon.map { " («\($0)»)" } ?? "") + ": non valutato"
        case .notReportedExcluded: return "nessun dato consuntivato: non conteggiato"
        case .notReported: return "non rilevato: nessun valore inserito nella campagna, non conteggiato (non vale zero)"
        case .childlessExcluded: return "nodo senza obiettivi figli: non conteggiato"
        case .nothingDueExcluded:
            return "nessun indicatore ancora in scadenza alla data di riferimento: non conteggiato (non vale come «non consuntivato»)"
        case .missingReference: return "rinvia a un obiettivo non valutabile: non conteggiato"
        case .circularReference: return "rinvio circolare tra obiettivi: non conteggiato"
        case .inherited: return "l'obiettivo a cui rinvia non è conteggiato"
        default: return "non conteggiato"
        }
    }

    static func rollUp(_ e: RollUpExplanation, rules: PreparedMethodology) -> String {
        let what =
            switch e.level {
            case .ente: "Ente"
            case .unit: "Unità «\(e.name)»"
            case .group: "Raggruppamento «\(e.name)»"
            case .node: "«\(e.name)»"
            }
        guard !e.counted.isEmpty else { return "\(what): nessun obiettivo conteggiato." }
        let terms = e.counted.map { i in e.mean == .weighted ? "\(n(i.value ?? 0)) × \(n(i.weight ?? 0))" : n(i.value ?? 0) }
        var text = "\(what): \(e.mean.label) di \(e.counted.count) obiettivi conteggiati"
        text +=
            " = (\(terms.joined(separator: " + "))) / \(n(e.denominator)) = \(n(e.sum)) / \(n(e.denominator)) = \(s(e.reported, rules)) (\(e.rounding))."
        if e.fellBackToSimple { text += " Alcuni obiettivi non hanno peso: usata la media semplice." }
        if !e.excluded.isEmpty {
            text +=
                " Esclusi (né al numeratore né al denominatore): " + e.excluded.map { "«\($0.title)» (\($0.note ?? ""))" }.joined(separator: "; ")
                + "."
        }
        return text
    }
}
