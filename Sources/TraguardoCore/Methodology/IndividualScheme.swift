/// An individual evaluation / result-pay scheme as weighted components, e.g. Leggiuno (seed 002):
/// 100 points = 50 behaviours in 10 criteria (5+5+7+3+5+3+7+7+5+3) + 10 organisational + 40 objectives,
/// and a payment-timeliness objective worth 30% of the retribuzione di risultato.
/// This issue computes the scores only; forms and fund distribution come later.
public struct IndividualScheme: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var totalPoints: Double
    public var components: [SchemeComponent]
    /// Shares of the retribuzione di risultato tied to a specific objective (percent of the pay).
    public var payShares: [PayShare]

    public init(key: String, name: String, totalPoints: Double, components: [SchemeComponent], payShares: [PayShare] = []) {
        self.key = key
        self.name = name
        self.totalPoints = totalPoints
        self.components = components
        self.payShares = payShares
    }
}

public struct SchemeComponent: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var maxPoints: Double
    public var kind: ComponentKind
    /// For `.criteria`: the criteria, each scored 0...maxPoints; the component is their sum.
    public var criteria: [Criterion]
    public var note: String?

    public init(key: String, name: String, maxPoints: Double, kind: ComponentKind, criteria: [Criterion] = [], note: String? = nil) {
        self.key = key
        self.name = name
        self.maxPoints = maxPoints
        self.kind = kind
        self.criteria = criteria
        self.note = note
    }
}

public enum ComponentKind: String, CaseIterable, Sendable, Codable {
    /// Sum of criterion scores (behaviours, competences).
    case criteria = "criteri"
    /// maxPoints × achievement% of the person's objectives.
    case objectives = "obiettivi"
    /// maxPoints × organisational performance %.
    case organisational = "performance-organizzativa"
    /// maxPoints × the ente's mean of objectives.
    case enteMean = "media-ente"
    /// maxPoints × the score of the person's unit.
    case unitMean = "media-unita"
}

public struct Criterion: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var maxPoints: Double
    public init(key: String, name: String, maxPoints: Double) {
        self.key = key
        self.name = name
        self.maxPoints = maxPoints
    }
}

public struct PayShare: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    /// Percent of the retribuzione di risultato (seed 002: 30, "non inferiore al 30%" by law).
    public var percent: Double
    /// The objective whose achievement drives the share.
    public var objectiveKey: String?
    /// Minimum percent set by law, checked by validation.
    public var minimumPercent: Double?
    public var note: String?

    public init(key: String, name: String, percent: Double, objectiveKey: String? = nil, minimumPercent: Double? = nil, note: String? = nil) {
        self.key = key
        self.name = name
        self.percent = percent
        self.objectiveKey = objectiveKey
        self.minimumPercent = minimumPercent
        self.note = note
    }
}

extension IndividualScheme {
    /// Like every rule of a methodology file: lists left out are empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), name: try c.decode(String.self, forKey: .name),
            totalPoints: try c.decode(Double.self, forKey: .totalPoints), components: try c.value(.components, or: []),
            payShares: try c.value(.payShares, or: []))
    }
}

extension SchemeComponent {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), name: try c.decode(String.self, forKey: .name),
            maxPoints: try c.decode(Double.self, forKey: .maxPoints), kind: try c.decode(ComponentKind.self, forKey: .kind),
            criteria: try c.value(.criteria, or: []), note: try c.optional(.note, or: nil))
    }
}
