/// What an owner reported for an indicator (or for a whole objective) in a campaign.
public struct MonitoringValue: Hashable, Sendable, Codable {
    public var campaignKey: String
    public var nodeKey: String
    /// nil when the value is for the objective as a whole (status, narrative, a grade given directly).
    public var indicatorKey: String?
    public var actual: Measure?
    /// Percent of completion when the target was not reached (a date missed with 80% done).
    public var progress: Double?
    public var status: ProgressStatus?
    /// Why an objective is RINVIATO or NON VALUTABILE (required for those statuses when entered in the app).
    public var statusReason: String?
    /// A score entered directly by the owner or the controllo di gestione (enti that grade objectives as a whole).
    public var directScore: Double?
    /// Stato di attuazione: what was done, in the owner's words.
    public var narrative: String?
    public var evidence: String?
    /// Deadline moved by an external act: the date to compare with instead of the target.
    public var extendedDeadline: Day?
    public var raw: String?

    public init(
        campaignKey: String, nodeKey: String, indicatorKey: String? = nil, actual: Measure? = nil, progress: Double? = nil,
        status: ProgressStatus? = nil, statusReason: String? = nil, directScore: Double? = nil, narrative: String? = nil,
        evidence: String? = nil, extendedDeadline: Day? = nil, raw: String? = nil
    ) {
        self.campaignKey = campaignKey
        self.nodeKey = nodeKey
        self.indicatorKey = indicatorKey
        self.actual = actual
        self.progress = progress
        self.status = status
        self.statusReason = statusReason
        self.directScore = directScore
        self.narrative = narrative
        self.evidence = evidence
        self.extendedDeadline = extendedDeadline
        self.raw = raw
    }

    /// Whether anything was reported at all (a row with only keys is no entry).
    public var isEmpty: Bool {
        actual == nil && progress == nil && status == nil && directScore == nil && (narrative ?? "").isEmpty
            && (evidence ?? "").isEmpty && extendedDeadline == nil && (raw ?? "").isEmpty
    }
}

/// Statuses an owner or the Nucleo gives an objective; some change how it is counted (see the methodology).
public enum ProgressStatus: String, CaseIterable, Sendable, Codable {
    case inLinea = "in-linea"
    case nonInLineaAzioniAvviate = "non-in-linea-azioni-avviate"
    case nonInLineaAzioniImmediate = "non-in-linea-azioni-immediate"
    case inCorso = "in-corso"
    case raggiunto
    case parzialmenteRaggiunto = "parzialmente-raggiunto"
    case nonRaggiunto = "non-raggiunto"
    case rinviato
    case nonValutabile = "non-valutabile"
    case nonConsuntivato = "non-consuntivato"
    case escluso
    case nonInLinea = "non-in-linea"

    public var label: String {
        switch self {
        case .inLinea: "In linea"
        case .nonInLineaAzioniAvviate: "Non in linea, azioni correttive avviate"
        case .nonInLineaAzioniImmediate: "Non in linea, azioni immediate"
        case .inCorso: "In corso"
        case .raggiunto: "Raggiunto"
        case .parzialmenteRaggiunto: "Parzialmente raggiunto"
        case .nonRaggiunto: "Non raggiunto"
        case .rinviato: "Rinviato"
        case .nonValutabile: "Non valutabile"
        case .nonConsuntivato: "Non consuntivato"
        case .escluso: "Escluso"
        case .nonInLinea: "Non in linea"
        }
    }

    /// The statuses an owner picks from in a campaign (the others belong to the Nucleo or to imported documents).
    public static let ownerChoices: [ProgressStatus] = [
        .inLinea, .nonInLineaAzioniAvviate, .nonInLinea, .raggiunto, .parzialmenteRaggiunto, .nonRaggiunto, .rinviato, .nonValutabile,
    ]

    /// RINVIATO and NON VALUTABILE take the objective out of the count: the owner has to say why.
    public var needsReason: Bool { self == .rinviato || self == .nonValutabile }
}
