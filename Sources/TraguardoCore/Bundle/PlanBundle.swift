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
    /// Changes requested to the approved plan, with their decisions (absent in bundles of earlier releases).
    public var variations: [Variation]
    /// The figures of organisational performance entered in the campaigns (absent in bundles of earlier releases).
    public var organisationalValues: [OrganisationalValue]
    /// The SMVP the plan was scored with, so that its figures can be reproduced elsewhere; nil leaves the
    /// receiving ente's methodology as it is.
    public var methodology: Methodology?

    public init(
        ente: Ente, source: BundleSource? = nil, units: [OrgUnit] = [], people: [Person] = [], assignments: [Assignment] = [],
        politicalReferents: [PoliticalReferent] = [], classifications: [Classification] = [], plan: Plan,
        nodes: [PlanNode] = [], phases: [Phase] = [], indicators: [Indicator] = [], participations: [Participation] = [],
        campaigns: [Campaign] = [], values: [MonitoringValue] = [], validations: [Validation] = [], variations: [Variation] = [],
        organisationalValues: [OrganisationalValue] = [], methodology: Methodology? = nil
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
        self.variations = variations
        self.organisationalValues = organisationalValues
        self.methodology = methodology
    }

    enum CodingKeys: String, CodingKey {
        case format, version, ente, source, units, people, assignments, politicalReferents, classifications, plan, nodes, phases
        case indicators, participations, campaigns, values, validations, variations, organisationalValues
        case methodology
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        ente = try c.decode(Ente.self, forKey: .ente)
        source = try c.decodeIfPresent(BundleSource.self, forKey: .source)
        units = try c.decode([OrgUnit].self, forKey: .units)
        people = try c.decode([Person].self, forKey: .people)
        assignments = try c.decode([Assignment].self, forKey: .assignments)
        politicalReferents = try c.decode([PoliticalReferent].self, forKey: .politicalReferents)
        classifications = try c.decode([Classification].self, forKey: .classifications)
        plan = try c.decode(Plan.self, forKey: .plan)
        nodes = try c.decode([PlanNode].self, forKey: .nodes)
        phases = try c.decode([Phase].self, forKey: .phases)
        indicators = try c.decode([Indicator].self, forKey: .indicators)
        participations = try c.decode([Participation].self, forKey: .participations)
        campaigns = try c.decode([Campaign].self, forKey: .campaigns)
        values = try c.decode([MonitoringValue].self, forKey: .values)
        validations = try c.decode([Validation].self, forKey: .validations)
        variations = try c.decodeIfPresent([Variation].self, forKey: .variations) ?? []
        organisationalValues = try c.decodeIfPresent([OrganisationalValue].self, forKey: .organisationalValues) ?? []
        methodology = try c.decodeIfPresent(Methodology.self, forKey: .methodology)
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
