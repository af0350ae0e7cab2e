/// One node of the cascade: a linea di mandato, an indirizzo, an obiettivo strategico/operativo/di performance.
/// Fields follow the union of what the seeds carry; everything but key, level and title is optional.
public struct PlanNode: Hashable, Sendable, Codable {
    public var key: String
    public var level: CascadeLevel
    public var parentKey: String?
    /// The ente's code: "04.6", "3.1", "OB 7", "Rif. 10.1.8"; free text.
    public var code: String?
    public var title: String
    public var description: String?
    /// Print/display order among siblings.
    public var order: Int
    /// Owner units (many-to-many): a trasversale/intersettoriale objective lists several or all units.
    public var ownerUnitKeys: [String]
    public var crossCutting: Bool
    public var coordinatingUnitKey: String?
    /// Responsabili gestionali named on the card (when the card names people rather than units).
    public var responsiblePersonKeys: [String]
    public var politicalReferentKeys: [String]
    public var horizon: Horizon?
    /// Weight in percent (10 = 10%); `weightRaw` keeps what the document printed.
    public var weight: Double?
    public var weightRaw: String?
    public var classifications: [String]
    public var stakeholders: [String]
    public var contributors: [String]
    public var baseline: String?
    public var expectedOutcome: String?
    public var criticalFactors: String?
    public var dataSource: String?
    public var publicValue: String?
    /// Missione/Programma of D.Lgs. 118/2011, e.g. "01" and "0110".
    public var missione: String?
    public var programma: String?
    /// DUP references ("10.1.8"), normalised, and as printed.
    public var dupRefs: [String]
    public var dupRefRaw: String?
    public var deadline: Day?
    public var deadlineRaw: String?
    /// Another node whose result this one takes (seed 004: a card that refers to another card).
    public var inheritsFromKey: String?
    public var notes: String?
    /// Verbatim source text by field label, so nothing the document said is lost.
    public var verbatim: [String: String]
    /// Inconsistencies of the source document, flagged, never fixed.
    public var sourceFlags: [String]

    public init(
        key: String, level: CascadeLevel, parentKey: String? = nil, code: String? = nil, title: String,
        description: String? = nil, order: Int = 0, ownerUnitKeys: [String] = [], crossCutting: Bool = false,
        coordinatingUnitKey: String? = nil, responsiblePersonKeys: [String] = [], politicalReferentKeys: [String] = [],
        horizon: Horizon? = nil, weight: Double? = nil, weightRaw: String? = nil, classifications: [String] = [],
        stakeholders: [String] = [], contributors: [String] = [], baseline: String? = nil, expectedOutcome: String? = nil,
        criticalFactors: String? = nil, dataSource: String? = nil, publicValue: String? = nil, missione: String? = nil,
        programma: String? = nil, dupRefs: [String] = [], dupRefRaw: String? = nil, deadline: Day? = nil,
        deadlineRaw: String? = nil, inheritsFromKey: String? = nil, notes: String? = nil,
        verbatim: [String: String] = [:], sourceFlags: [String] = []
    ) {
        self.key = key
        self.level = level
        self.parentKey = parentKey
        self.code = code
        self.title = title
        self.description = description
        self.order = order
        self.ownerUnitKeys = ownerUnitKeys
        self.crossCutting = crossCutting
        self.coordinatingUnitKey = coordinatingUnitKey
        self.responsiblePersonKeys = responsiblePersonKeys
        self.politicalReferentKeys = politicalReferentKeys
        self.horizon = horizon
        self.weight = weight
        self.weightRaw = weightRaw
        self.classifications = classifications
        self.stakeholders = stakeholders
        self.contributors = contributors
        self.baseline = baseline
        self.expectedOutcome = expectedOutcome
        self.criticalFactors = criticalFactors
        self.dataSource = dataSource
        self.publicValue = publicValue
        self.missione = missione
        self.programma = programma
        self.dupRefs = dupRefs
        self.dupRefRaw = dupRefRaw
        self.deadline = deadline
        self.deadlineRaw = deadlineRaw
        self.inheritsFromKey = inheritsFromKey
        self.notes = notes
        self.verbatim = verbatim
        self.sourceFlags = sourceFlags
    }
}

/// Single-year or multi-year ("Fase 1 di 3", "Obiettivo pluriennale 2023-2025 - FASE 2").
public struct Horizon: Hashable, Sendable, Codable {
    public var firstYear: Int?
    public var lastYear: Int?
    public var stage: Int?
    public var stageCount: Int?
    public var raw: String?

    public init(firstYear: Int? = nil, lastYear: Int? = nil, stage: Int? = nil, stageCount: Int? = nil, raw: String? = nil) {
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.stage = stage
        self.stageCount = stageCount
        self.raw = raw
    }

    public var isMultiYear: Bool {
        if let f = firstYear, let l = lastYear, l > f { return true }
        return (stageCount ?? 1) > 1
    }
}
