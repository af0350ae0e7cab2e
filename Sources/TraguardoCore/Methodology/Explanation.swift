/// Why a score is what it is: inputs, rule, rounding, exclusions. Structured (Codable, for exports and the
/// API) with an Italian rendering in `text`. Built on demand from the numbers the scoring loop stored.
public struct IndicatorExplanation: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var form: IndicatorForm
    public var direction: Direction
    /// Unit of measure ("giorni", "€"); "%" for percent indicators.
    public var unit: String?
    public var target: Double?
    public var targetUpper: Double?
    public var targetDate: Day?
    /// Deadline moved by an external act: the date actually compared with.
    public var extendedDeadline: Day?
    public var targetRaw: String?
    public var actual: Double?
    public var actualDate: Day?
    public var actualFlag: Bool?
    public var progress: Double?
    public var status: ProgressStatus?
    /// Months late after the methodology's step (half months, months or exact); nil when the rule counts days.
    public var lateMonths: Double?
    /// Calendar days between the deadline and the achievement.
    public var lateDays: Int?
    /// The delay as the methodology counts it, in its unit (months, or days).
    public var lateCounted: Double?
    /// Actual as percent of target (numeric indicators).
    public var ratio: Double?
    /// The score the rule gave before the methodology's indicator threshold made it 0; nil when it did not.
    public var beforeThreshold: Double?
    public var weight: Double?
    public var outcome: IndicatorOutcome
    public var score: Double?
    public var counted: Bool
    public var text: String
}

public struct ObjectiveExplanation: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    public var methodology: String
    public var outcome: ObjectiveOutcome
    public var indicators: [IndicatorExplanation]
    public var indicatorWeighting: Weighting
    public var directScore: Double?
    public var status: ProgressStatus?
    public var inheritedFrom: String?
    public var computed: Double?
    /// The score before the methodology's objective threshold or bands changed it; nil when they did not.
    public var beforeThreshold: Double?
    public var validated: Double?
    public var validationReason: String?
    public var validationMinutes: String?
    public var validationIgnored: Bool
    public var effective: Double?
    public var counted: Bool
    public var rounding: String
    public var text: String

    public enum Weighting: String, Sendable, Codable {
        case explicit = "pesi-indicati", equal = "pesi-uguali", equalFallback = "pesi-parziali-ignorati", none = "nessuno"
    }
}

public struct RollUpExplanation: Hashable, Sendable, Codable {
    public enum Level: String, Sendable, Codable { case unit = "unita", node = "nodo", ente, group = "raggruppamento" }

    public struct Item: Hashable, Sendable, Codable {
        public var key: String
        public var title: String
        public var value: Double?
        public var weight: Double?
        /// How the item got into this roll-up ("trasversale", "sotto-unità") or why it is left out.
        public var note: String?
    }

    public var level: Level
    public var key: String
    public var name: String
    public var mean: MeanKind
    public var fellBackToSimple: Bool
    public var counted: [Item]
    public var excluded: [Item]
    public var sum: Double
    public var denominator: Double
    public var exact: Double?
    public var reported: Double?
    public var rounding: String
    public var text: String
}
