/// Organisational performance as N weighted dimensions worth a points total
/// (e.g. 4 dimensions 25/20/25/30 of 50 points: salute finanziaria, salute organizzativa,
/// capacità di raggiungere i risultati, salute dei servizi).
public struct OrganisationalPerformance: Hashable, Sendable, Codable {
    public var totalPoints: Double
    public var dimensions: [OrgDimension]

    public init(totalPoints: Double, dimensions: [OrgDimension]) {
        self.totalPoints = totalPoints
        self.dimensions = dimensions
    }
}

public struct OrgDimension: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    /// Percent of the points total (the weights of all dimensions sum to 100).
    public var weight: Double
    public var source: OrgDimensionSource
    public var indicators: [OrgIndicator]

    public init(key: String, name: String, weight: Double, source: OrgDimensionSource = .indicators, indicators: [OrgIndicator] = []) {
        self.key = key
        self.name = name
        self.weight = weight
        self.source = source
        self.indicators = indicators
    }
}

public enum OrgDimensionSource: String, CaseIterable, Sendable, Codable {
    /// Mean of its indicators' achievement.
    case indicators = "indicatori"
    /// "Capacità di raggiungere i risultati": the ente's mean of objectives.
    case enteMean = "media-ente"
    /// "Media dei servizi": the mean of the units' means.
    case unitsMean = "media-servizi"
    /// Entered by the Nucleo as a percent.
    case entered = "inserito"
}

public struct OrgIndicator: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var comparator: Comparator
    /// The threshold (48 for "≤ 48%"); unused for "valore negativo"/"valore positivo".
    public var threshold: Double?
    /// Partial achievement when the threshold is missed: proportional by default.
    public var partial: PartialRule
    /// Weight within its dimension; nil = equal weights.
    public var weight: Double?

    public init(
        key: String, name: String, comparator: Comparator, threshold: Double? = nil,
        partial: PartialRule = .proportional, weight: Double? = nil
    ) {
        self.key = key
        self.name = name
        self.comparator = comparator
        self.threshold = threshold
        self.partial = partial
        self.weight = weight
    }
}

public enum Comparator: String, CaseIterable, Sendable, Codable {
    case lte = "<=", gte = ">=", lt = "<", gt = ">", eq = "=", negative = "negativo", positive = "positivo"

    public var symbol: String {
        switch self {
        case .lte: "≤"
        case .gte: "≥"
        case .lt: "<"
        case .gt: ">"
        case .eq: "="
        case .negative: "valore negativo"
        case .positive: "valore positivo"
        }
    }
}

extension OrgDimension {
    /// Like every rule of a methodology file: a missing key takes its default (a dimension measured by indicators).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), name: try c.decode(String.self, forKey: .name),
            weight: try c.decode(Double.self, forKey: .weight), source: try c.value(.source, or: .indicators),
            indicators: try c.value(.indicators, or: []))
    }
}

extension OrgIndicator {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), name: try c.decode(String.self, forKey: .name),
            comparator: try c.decode(Comparator.self, forKey: .comparator), threshold: try c.optional(.threshold, or: nil),
            partial: try c.value(.partial, or: .proportional), weight: try c.optional(.weight, or: nil))
    }
}
