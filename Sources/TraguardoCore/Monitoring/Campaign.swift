/// A monitoring round ("Monitoraggio al 30/06/2024", "Consuntivo 2024") in which owners enter actuals.
public struct Campaign: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    public var asOf: Day
    public var isFinal: Bool
    public var state: CampaignState

    public init(key: String, title: String, asOf: Day, isFinal: Bool, state: CampaignState = .aperta) {
        self.key = key
        self.title = title
        self.asOf = asOf
        self.isFinal = isFinal
        self.state = state
    }
}

public enum CampaignState: String, CaseIterable, Sendable, Codable {
    case preparazione, aperta, chiusa, validata
}

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
    /// A score entered directly by the owner or the controllo di gestione (enti that grade objectives as a whole).
    public var directScore: Double?
    public var narrative: String?
    public var evidence: String?
    /// Deadline moved by an external act: the date to compare with instead of the target.
    public var extendedDeadline: Day?
    public var raw: String?

    public init(
        campaignKey: String, nodeKey: String, indicatorKey: String? = nil, actual: Measure? = nil, progress: Double? = nil,
        status: ProgressStatus? = nil, directScore: Double? = nil, narrative: String? = nil, evidence: String? = nil,
        extendedDeadline: Day? = nil, raw: String? = nil
    ) {
        self.campaignKey = campaignKey
        self.nodeKey = nodeKey
        self.indicatorKey = indicatorKey
        self.actual = actual
        self.progress = progress
        self.status = status
        self.directScore = directScore
        self.narrative = narrative
        self.evidence = evidence
        self.extendedDeadline = extendedDeadline
        self.raw = raw
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
        }
    }
}
