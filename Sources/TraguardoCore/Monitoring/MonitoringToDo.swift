/// A responsabile's work in a campaign: the objectives of their units still to report, how far they are and how
/// many days are left. Built from the plan and one campaign's entries, nothing else.
public struct MonitoringToDo: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public let nodeKey: String
        public let code: String?
        public let title: String
        public let unitKeys: [String]
        public let indicators: Int
        /// Indicators with an actual value or a progress figure.
        public let entered: Int
        public let status: ProgressStatus?
        /// The Nucleo's note when it sent the objective back for integration.
        public let sentBack: String?

        /// Every indicator reported, or the objective as a whole given a status (RINVIATO/NON VALUTABILE cover it all).
        public var isComplete: Bool {
            if status?.needsReason == true { return true }
            return indicators > 0 ? entered == indicators : status != nil
        }
        public var isStarted: Bool { entered > 0 || status != nil }
    }

    public let campaign: Campaign
    public let items: [Item]

    public var completed: Int { items.filter(\.isComplete).count }
    /// Share of objectives complete, 0...100 (nil with nothing to do).
    public var progress: Double? { items.isEmpty ? nil : Double(completed) * 100 / Double(items.count) }

    /// Days left until the entry deadline (negative when late), nil without a deadline.
    public func daysLeft(today: Day) -> Int? {
        campaign.entryDeadline.map { $0.ordinal - today.ordinal }
    }

    /// The objectives to report: the leaves of the cascade owned by a unit in `scope`, within the campaign's year.
    public static func build(
        campaign: Campaign, nodes: [PlanNode], indicators: [Indicator], values: [MonitoringValue], validations: [Validation],
        scope: EntryRules.Scope
    ) -> MonitoringToDo {
        let parents = Set(nodes.compactMap(\.parentKey))
        var indicatorsByNode: [String: [String]] = [:]
        for x in indicators { indicatorsByNode[x.nodeKey, default: []].append(x.key) }
        var reported: Set<String> = []
        var statusByNode: [String: ProgressStatus] = [:]
        for v in values where v.campaignKey == campaign.key {
            if let ik = v.indicatorKey {
                if v.actual != nil || v.progress != nil { reported.insert(ik) }
            } else if let s = v.status {
                statusByNode[v.nodeKey] = s
            }
        }
        let sentBack = Dictionary(
            validations.filter { $0.campaignKey == campaign.key && $0.kind == .integrazione }.map { ($0.nodeKey, $0.reason) },
            uniquingKeysWith: { a, _ in a })
        let items = nodes.filter { node in
            !parents.contains(node.key) && scope.covers(node) && !node.ownerUnitKeys.isEmpty
                && (node.horizon?.firstYear ?? campaign.asOf.year) <= campaign.asOf.year
        }.map { node in
            let keys = indicatorsByNode[node.key] ?? []
            return Item(
                nodeKey: node.key, code: node.code, title: node.title, unitKeys: node.ownerUnitKeys, indicators: keys.count,
                entered: keys.filter { reported.contains($0) }.count, status: statusByNode[node.key], sentBack: sentBack[node.key])
        }
        return MonitoringToDo(campaign: campaign, items: items)
    }
}
