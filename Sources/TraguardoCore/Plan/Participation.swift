/// A member of staff taking part in an objective, with an optional share and the activity they do.
public struct Participation: Hashable, Sendable, Codable {
    public var personKey: String
    public var nodeKey: String
    /// Share or weight in percent, when the ente gives one.
    public var share: Double?
    public var activity: String?
    /// Staff grade as printed on this row (it may differ from the person's master record).
    public var gradeRaw: String?

    public init(personKey: String, nodeKey: String, share: Double? = nil, activity: String? = nil, gradeRaw: String? = nil) {
        self.personKey = personKey
        self.nodeKey = nodeKey
        self.share = share
        self.activity = activity
        self.gradeRaw = gradeRaw
    }
}
