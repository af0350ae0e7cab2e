/// An ente's SMVP (Sistema di Misurazione e Valutazione della Performance) as data.
/// Why data: every ente measures differently and the Nucleo signs the numbers, so rules must be versioned,
/// documented and editable, never code branches per customer. Scores are in points 0–100 throughout.
public struct Methodology: Hashable, Sendable, Codable {
    /// Stable identifier, e.g. "bellusco-mezzago-2020".
    public var id: String
    public var name: String
    /// Incremented at every edit, so a score can always say which version produced it.
    public var version: Int
    /// First year (performance cycle) the methodology applies to.
    public var validFrom: Int
    /// Provenance: the document(s) this methodology transcribes.
    public var source: String
    /// Provenance of individual rules (document + section), shown next to each rule in the UI.
    public var ruleSources: [RuleSource]
    public var indicators: IndicatorScoring
    public var objectives: ObjectiveScoring
    /// How statuses change counting (RINVIATO excluded, "non consuntivato" = 50, ...).
    public var statuses: [StatusTreatment]
    public var nucleo: NucleoPolicy
    public var rounding: RoundingPolicy
    public var rollUps: RollUpPolicy
    /// Expected weight sums (plan check, warnings only); nil when the SMVP uses no weights.
    public var weights: WeightPolicy?
    public var organisational: OrganisationalPerformance?
    /// The lines of the SMVP's summary when they group services differently from the org chart.
    public var reportingGroups: [ReportingGroup]
    public var individualSchemes: [IndividualScheme]
    public var notes: [String]

    public init(
        id: String, name: String, version: Int = 1, validFrom: Int, source: String, ruleSources: [RuleSource] = [],
        indicators: IndicatorScoring = .init(), objectives: ObjectiveScoring = .init(),
        statuses: [StatusTreatment] = StatusTreatment.defaults, nucleo: NucleoPolicy = .init(),
        rounding: RoundingPolicy = .init(), rollUps: RollUpPolicy = .init(), weights: WeightPolicy? = nil,
        organisational: OrganisationalPerformance? = nil, reportingGroups: [ReportingGroup] = [], individualSchemes: [IndividualScheme] = [],
        notes: [String] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.validFrom = validFrom
        self.source = source
        self.ruleSources = ruleSources
        self.indicators = indicators
        self.objectives = objectives
        self.statuses = statuses
        self.nucleo = nucleo
        self.rounding = rounding
        self.rollUps = rollUps
        self.weights = weights
        self.organisational = organisational
        self.reportingGroups = reportingGroups
        self.individualSchemes = individualSchemes
        self.notes = notes
    }

    /// The treatment of a status, or nil when the status does not change counting.
    public func treatment(of status: ProgressStatus) -> StatusTreatment? {
        statuses.last { $0.status == status }
    }
}

/// Where one rule comes from: "rollUps.unitMean" ← "Relazione 2020, allegato valutazione settori".
public struct RuleSource: Hashable, Sendable, Codable {
    /// Dotted path of the rule in the methodology ("statuses.non-consuntivato").
    public var rule: String
    public var document: String
    public var section: String?
    /// Whether the rule is stated by the document or reconstructed from its figures.
    public var stated: Bool
    public var note: String?

    public init(rule: String, document: String, section: String? = nil, stated: Bool = true, note: String? = nil) {
        self.rule = rule
        self.document = document
        self.section = section
        self.stated = stated
        self.note = note
    }
}

extension Methodology {
    /// Identity and provenance are required; every rule falls back to its default when absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            version: try c.value(.version, or: 1), validFrom: try c.decode(Int.self, forKey: .validFrom),
            source: try c.decode(String.self, forKey: .source), ruleSources: try c.value(.ruleSources, or: []),
            indicators: try c.value(.indicators, or: .init()), objectives: try c.value(.objectives, or: .init()),
            statuses: try c.value(.statuses, or: StatusTreatment.defaults), nucleo: try c.value(.nucleo, or: .init()),
            rounding: try c.value(.rounding, or: .init()), rollUps: try c.value(.rollUps, or: .init()),
            weights: try c.optional(.weights, or: nil), organisational: try c.optional(.organisational, or: nil),
            reportingGroups: try c.value(.reportingGroups, or: []), individualSchemes: try c.value(.individualSchemes, or: []),
            notes: try c.value(.notes, or: []))
    }
}
