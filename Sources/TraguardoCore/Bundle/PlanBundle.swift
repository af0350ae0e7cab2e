/// The versioned, documented exchange format of one ente's plan: organisation, cascade, indicators and
/// monitoring values. JSON Schema: `schema/plan-bundle-v1.schema.json`. All links are by `key` within the bundle.
public struct PlanBundle: Hashable, Sendable, Codable {
    public static let formatName = "traguardo-plan-bundle"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var ente: Ente
    public var source: BundleSource?
    public var units: [OrgUnit]
    public var people: [Person]
    public var assignments: [Assignment]
    public var politicalReferents: [PoliticalReferent]
    public var classifications: [Classification]
    public var plan: Plan
    public var nodes: [PlanNode]
    public var phases: [Phase]
    public var indicators: [Indicator]
    public var participations: [Participation]
    public var campaigns: [Campaign]
    public var values: [MonitoringValue]
    public var validations: [Validation]

    public init(
        ente: Ente, source: BundleSource? = nil, units: [OrgUnit] = [], people: [Person] = [], assignments: [Assignment] = [],
        politicalReferents: [PoliticalReferent] = [], classifications: [Classification] = [], plan: Plan,
        nodes: [PlanNode] = [], phases: [Phase] = [], indicators: [Indicator] = [], participations: [Participation] = [],
        campaigns: [Campaign] = [], values: [MonitoringValue] = [], validations: [Validation] = []
    ) {
        self.format = PlanBundle.formatName
        self.version = PlanBundle.currentVersion
        self.ente = ente
        self.source = source
        self.units = units
        self.people = people
        self.assignments = assignments
        self.politicalReferents = politicalReferents
        self.classifications = classifications
        self.plan = plan
        self.nodes = nodes
        self.phases = phases
        self.indicators = indicators
        self.participations = participations
        self.campaigns = campaigns
        self.values = values
        self.validations = validations
    }
}

/// Where a bundle came from: the document it transcribes and the inconsistencies found in it.
public struct BundleSource: Hashable, Sendable, Codable {
    public var document: String
    public var description: String?
    public var flags: [String]

    public init(document: String, description: String? = nil, flags: [String] = []) {
        self.document = document
        self.description = description
        self.flags = flags
    }
}
