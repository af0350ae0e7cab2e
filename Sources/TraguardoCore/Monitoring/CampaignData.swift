import Foundation

/// One campaign as its pages and rules need it: the entries, the Nucleo's decisions, the units' submissions and
/// the minutes, read without the plan.
public struct CampaignData: Hashable, Sendable, Codable {
    public var campaign: Campaign
    public var values: [MonitoringValue]
    public var validations: [Validation]
    public var submissions: [UnitSubmission]
    public var minutes: [Minutes]
    /// The lock of each objective's entries: the version a form or an API client must send back (0 = none yet).
    public var versions: [String: Int]
    /// When each objective's entries last changed (absent: never entered), for the stale flags of the dashboard.
    public var lastChanges: [String: Date]
    /// The figures of organisational performance entered in this campaign, and the lock of each (by key).
    public var organisational: [OrganisationalValue]
    public var organisationalVersions: [String: Int]

    public init(
        campaign: Campaign, values: [MonitoringValue] = [], validations: [Validation] = [], submissions: [UnitSubmission] = [],
        minutes: [Minutes] = [], versions: [String: Int] = [:], lastChanges: [String: Date] = [:],
        organisational: [OrganisationalValue] = [], organisationalVersions: [String: Int] = [:]
    ) {
        self.campaign = campaign
        self.values = values
        self.validations = validations
        self.submissions = submissions
        self.minutes = minutes
        self.versions = versions
        self.lastChanges = lastChanges
        self.organisational = organisational
        self.organisationalVersions = organisationalVersions
    }

    public func version(of nodeKey: String) -> Int { versions[nodeKey] ?? 0 }

    public func values(of nodeKey: String) -> [MonitoringValue] { values.filter { $0.nodeKey == nodeKey } }

    public func objectiveEntry(_ nodeKey: String) -> MonitoringValue? {
        values.first { $0.nodeKey == nodeKey && $0.indicatorKey == nil }
    }

    public func entry(_ nodeKey: String, indicator: String) -> MonitoringValue? {
        values.first { $0.nodeKey == nodeKey && $0.indicatorKey == indicator }
    }

    public func validation(of nodeKey: String) -> Validation? { validations.first { $0.nodeKey == nodeKey } }

    public func submission(of unitKey: String) -> UnitSubmission? { submissions.first { $0.unitKey == unitKey } }
}
