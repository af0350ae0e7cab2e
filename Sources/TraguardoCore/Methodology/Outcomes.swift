/// Which rule produced an indicator's score. Stored per indicator in the hot loop (one byte) and turned
/// into words only when an explanation is asked for.
public enum IndicatorOutcome: String, CaseIterable, Sendable, Codable {
    case ratio = "rapporto", capped = "rapporto-con-tetto", belowFloor = "sotto-soglia", band = "fascia"
    case ceilingMet = "limite-rispettato", ceilingPartial = "limite-superato-parziale", ceilingMissed = "limite-superato"
    case exactMet = "valore-esatto", exactPartial = "valore-diverso-parziale", exactMissed = "valore-diverso"
    case negativeMet = "valore-negativo", negativeMissed = "valore-non-negativo"
    case rangeMet = "nell-intervallo", rangeMissed = "fuori-intervallo"
    case yes = "si", no = "no"
    case onTime = "entro-scadenza", late = "in-ritardo", tooLate = "ritardo-oltre-limite", achievedNoDate = "raggiunto-senza-data"
    case missedProgress = "scaduto-con-avanzamento", missedNone = "scaduto-non-raggiunto"
    case notYetDueExcluded = "non-scaduto-escluso", notYetDueFull = "non-scaduto-pieno", notYetDueProgress = "non-scaduto-avanzamento"
    case progress = "avanzamento"
    case missingExcluded = "valore-mancante-escluso", missingZero = "valore-mancante-zero"
    case statusExcluded = "escluso-da-stato", noTarget = "senza-target", notMeasurable = "non-misurabile"

    /// False when the indicator is left out of its objective's mean (numerator and denominator).
    public var counted: Bool {
        switch self {
        case .missingExcluded, .statusExcluded, .noTarget, .notMeasurable, .notYetDueExcluded: false
        default: true
        }
    }
}

/// Where an objective's score came from, or why it is not counted.
public enum ObjectiveOutcome: String, CaseIterable, Sendable, Codable {
    case indicators = "indicatori", directScore = "punteggio-diretto", statusGrade = "grado-da-stato"
    case statusFixed = "valore-fisso-da-stato", notReportedFixed = "non-consuntivato-valore-fisso"
    case inherited = "ereditato", childlessFull = "senza-figli-pieno"
    case excludedStatus = "escluso-da-stato", excludedByDecision = "escluso-per-decisione"
    case excludedHorizon = "fuori-orizzonte", notReportedExcluded = "non-consuntivato-escluso"
    case childlessExcluded = "senza-figli-escluso", missingReference = "riferimento-mancante"
    case circularReference = "riferimento-circolare"
    /// Nothing was entered for the objective in the campaign: "non rilevato", never a zero.
    case notReported = "non-rilevato"
    /// None of its indicators is due yet at the reference date (`ObjectiveScoring.nothingDue`).
    case nothingDueExcluded = "nulla-in-scadenza-escluso", nothingDueFull = "nulla-in-scadenza-pieno"
    case nothingDueProgress = "nulla-in-scadenza-avanzamento"
}

/// Kinds of indicator the compiler recognises from form + direction + target.
enum IndicatorKind: UInt8, Sendable {
    case higher, lower, exact, negative, range, boolean, date, milestone, progress, noTarget
}
