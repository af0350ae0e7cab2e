/// A step of an objective's cronoprogramma, with months or a due date.
public struct Phase: Hashable, Sendable, Codable {
    public var key: String
    public var nodeKey: String
    public var ordinal: Int
    /// Sub-project heading the phase sits under ("PROGETTO PNRR: ..."), if any.
    public var group: String?
    public var code: String?
    public var title: String
    public var description: String?
    /// Months of the plan year (1...12) in which the phase runs; empty when only a date or nothing is given.
    public var months: [Int]
    public var start: Day?
    public var due: Day?
    /// The period as printed ("FEBB - DIC", "31/09/24").
    public var periodRaw: String?
    public var weight: Double?
    /// Expected result of the phase as printed (Leggiuno: indicatore, indice, valore atteso).
    public var indicatorText: String?
    public var targetRaw: String?
    public var sourceFlags: [String]

    public init(
        key: String, nodeKey: String, ordinal: Int, group: String? = nil, code: String? = nil, title: String,
        description: String? = nil, months: [Int] = [], start: Day? = nil, due: Day? = nil, periodRaw: String? = nil,
        weight: Double? = nil, indicatorText: String? = nil, targetRaw: String? = nil, sourceFlags: [String] = []
    ) {
        self.key = key
        self.nodeKey = nodeKey
        self.ordinal = ordinal
        self.group = group
        self.code = code
        self.title = title
        self.description = description
        self.months = months
        self.start = start
        self.due = due
        self.periodRaw = periodRaw
        self.weight = weight
        self.indicatorText = indicatorText
        self.targetRaw = targetRaw
        self.sourceFlags = sourceFlags
    }
}
