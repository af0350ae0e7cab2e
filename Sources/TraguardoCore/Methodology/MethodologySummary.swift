import Foundation

/// A methodology's rules in Italian words, for its page and `traguardo methodology show`.
extension Methodology {
    public var italianSummary: [String] {
        let f = { (v: Double) in ItalianFormat.number(v, trimZeros: true) }
        var out: [String] = []
        out.append(
            "Indicatori numerici «di più è meglio»: rapporto consuntivo/atteso"
                + (indicators.higherBetter.cap.map { ", con tetto al \(f($0))%" } ?? ", senza tetto"))
        let date = indicators.date
        let unit = date.lateStep.countsDays ? "giorni" : "mesi"
        out.append(
            "Scadenze: nei tempi 100; in ritardo 100 × (1 − \(unit)/\(f(date.lateStep.countsDays ? date.daysToZero : date.monthsToZero))), "
                + "ritardo contato \(date.lateStep.italianLabel)"
                + (date.maxDelay.map { ", oltre \(f($0)) \(unit) di ritardo 0" } ?? "")
                + "; raggiunto senza data \(f(date.achievedWithoutDateScore)); una scadenza pari alla data di riferimento "
                + (date.dueOnReferenceDay ? "è già scaduta" : "è ancora «in corso»"))
        let nothingDue: String =
            switch objectives.nothingDue {
            case .excluded: "non conteggiato"
            case .full: "conteggiato come 100"
            case .progress: "conteggiato con l'avanzamento dichiarato"
            }
        out.append("Obiettivo senza nulla in scadenza alla data di riferimento: \(nothingDue)")
        if let zero = indicators.zeroBelow { out.append("Un indicatore sotto \(f(zero)) vale 0") }
        if let zero = objectives.zeroBelow { out.append("Un obiettivo sotto \(f(zero)) vale 0") }
        if !objectives.bands.isEmpty {
            out.append(
                "Fasce del punteggio dell'obiettivo: "
                    + objectives.bands.sorted { $0.from > $1.from }.map { "da \(f($0.from)) → \(f($0.score))" }.joined(separator: ", "))
        }
        out.append("Nodo della cascata senza figli conteggiati: " + (rollUps.childlessNode == .full ? "conteggiato come 100" : "non conteggiato"))
        out.append("Fonti del punteggio dell'obiettivo, in ordine: " + objectives.sources.map(\.rawValue).joined(separator: ", "))
        for s in statuses {
            switch s.counting {
            case .excluded: out.append("«\(s.status.label)»: escluso da numeratore e denominatore")
            case .fixed: out.append("«\(s.status.label)»: vale \(f(s.value ?? 0)) e conta")
            case .normal: out.append("«\(s.status.label)»: conteggiato normalmente")
            }
        }
        out.append(
            "Unità: \(rollUps.unitMean.label)" + (rollUps.crossCuttingInEveryOwner ? "; gli obiettivi trasversali contano in ogni unità" : ""))
        out.append("Arrotondamento: \(rounding.label)")
        if let org = organisational { out.append("Performance organizzativa: \(org.dimensions.count) dimensioni, \(f(org.totalPoints)) punti") }
        return out
    }
}

extension LateStep {
    /// The variant with the worked example of its description (1 mese e 20 giorni di ritardo).
    public var italianLabel: String {
        switch self {
        case .halfMonth: "al mezzo mese superiore (1 mese e 20 giorni = 2)"
        case .monthsAndHalf: "mesi interi più mezzo mese per la frazione (1 mese e 20 giorni = 1,5)"
        case .month: "al mese intero superiore (1 mese e 20 giorni = 2)"
        case .day: "frazione esatta di mese (1 mese e 20 giorni, in un mese di 30, = 1,67)"
        case .days: "in giorni, sui giorni che azzerano il punteggio (1 mese e 20 giorni = 51 giorni)"
        }
    }
}
