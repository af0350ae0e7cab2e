/// How an objective (or one of its phases) is measured.
public struct Indicator: Hashable, Sendable, Codable {
    public var key: String
    public var nodeKey: String
    /// Set when the indicator measures a single phase (Leggiuno measures every phase).
    public var phaseKey: String?
    public var order: Int
    public var name: String
    public var description: String?
    public var type: IndicatorType?
    /// The type as printed when it is not one of the known ones ("attività/processo").
    public var typeRaw: String?
    public var form: IndicatorForm
    public var direction: Direction
    public var unit: String?
    public var baseline: Measure?
    public var target: Target?
    public var dataSource: String?
    /// Weight within its objective in percent; nil means "equal weights".
    public var weight: Double?
    public var periodicity: String?
    /// "Settore di riferimento" of an indicator of an intersectoral objective.
    public var unitKey: String?
    public var sourceFlags: [String]

    public init(
        key: String, nodeKey: String, phaseKey: String? = nil, order: Int = 0, name: String, description: String? = nil,
        type: IndicatorType? = nil, typeRaw: String? = nil, form: IndicatorForm, direction: Direction = .atLeast,
        unit: String? = nil, baseline: Measure? = nil, target: Target? = nil, dataSource: String? = nil,
        weight: Double? = nil, periodicity: String? = nil, unitKey: String? = nil, sourceFlags: [String] = []
    ) {
        self.key = key
        self.nodeKey = nodeKey
        self.phaseKey = phaseKey
        self.order = order
        self.name = name
        self.description = description
        self.type = type
        self.typeRaw = typeRaw
        self.form = form
        self.direction = direction
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.dataSource = dataSource
        self.weight = weight
        self.periodicity = periodicity
        self.unitKey = unitKey
        self.sourceFlags = sourceFlags
    }
}

public enum IndicatorType: String, CaseIterable, Sendable, Codable {
    case efficacia, efficienza, qualita, economicita, output, outcome, processo, impatto

    public var label: String {
        switch self {
        case .efficacia: "Efficacia"
        case .efficienza: "Efficienza"
        case .qualita: "Qualità"
        case .economicita: "Economicità"
        case .output: "Output"
        case .outcome: "Outcome"
        case .processo: "Attività/processo"
        case .impatto: "Impatto"
        }
    }
}

public enum IndicatorForm: String, CaseIterable, Sendable, Codable {
    case number, percent, ratio, date, boolean, milestone, progress

    public var label: String {
        switch self {
        case .number: "Numero"
        case .percent: "Percentuale"
        case .ratio: "Rapporto"
        case .date: "Data"
        case .boolean: "SI/NO"
        case .milestone: "Traguardo/testo"
        case .progress: "Avanzamento %"
        }
    }
}

/// Which way is good. `within` is "entro" a date; `negative` is the "valore negativo" of financial indicators.
public enum Direction: String, CaseIterable, Sendable, Codable {
    case atLeast = "gte", greater = "gt", atMost = "lte", less = "lt", equal = "eq", within = "entro", negative = "negativo", range

    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .greater: ">"
        case .atMost: "≤"
        case .less: "<"
        case .equal: "="
        case .within: "entro"
        case .negative: "valore negativo"
        case .range: "tra"
        }
    }

    public var higherIsBetter: Bool { self == .atLeast || self == .greater }
}

/// A measured or baseline value in any form, with what the document printed.
public struct Measure: Hashable, Sendable, Codable {
    public var number: Double?
    public var date: Day?
    public var flag: Bool?
    public var text: String?
    public var year: Int?
    public var raw: String?

    public init(number: Double? = nil, date: Day? = nil, flag: Bool? = nil, text: String? = nil, year: Int? = nil, raw: String? = nil) {
        self.number = number
        self.date = date
        self.flag = flag
        self.text = text
        self.year = year
        self.raw = raw
    }
}

/// A target: a value, a range, a date, SI, or a relative rule ("+10% rispetto al 2022", "90 giorni dalla notifica").
public struct Target: Hashable, Sendable, Codable {
    public var number: Double?
    public var upper: Double?
    public var date: Day?
    public var flag: Bool?
    public var text: String?
    public var relative: String?
    public var raw: String?

    public init(
        number: Double? = nil, upper: Double? = nil, date: Day? = nil, flag: Bool? = nil, text: String? = nil,
        relative: String? = nil, raw: String? = nil
    ) {
        self.number = number
        self.upper = upper
        self.date = date
        self.flag = flag
        self.text = text
        self.relative = relative
        self.raw = raw
    }

    public var isEmpty: Bool { number == nil && date == nil && flag == nil && text == nil && relative == nil }
}
