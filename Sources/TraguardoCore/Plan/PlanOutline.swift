/// The cascade as an ordered, indented list: what the tree view shows, with the counts a segretario
/// checks at a glance. Orphans (a parent key that does not resolve) are listed at the top level.
public struct PlanOutline: Sendable {
    public struct Row: Sendable, Hashable {
        public var node: PlanNode
        public var depth: Int
        public var children: Int
        public var phases: Int
        public var indicators: Int
        public var participants: Int
    }

    public var rows: [Row]

    public init(_ b: PlanBundle) {
        let keys = Set(b.nodes.map(\.key))
        var children: [String: [PlanNode]] = [:]
        var roots: [PlanNode] = []
        for node in b.nodes {
            if let p = node.parentKey, keys.contains(p) { children[p, default: []].append(node) } else { roots.append(node) }
        }
        let phases = Dictionary(grouping: b.phases, by: \.nodeKey).mapValues(\.count)
        let indicators = Dictionary(grouping: b.indicators, by: \.nodeKey).mapValues(\.count)
        let participants = Dictionary(grouping: b.participations, by: \.nodeKey).mapValues(\.count)
        func sorted(_ nodes: [PlanNode]) -> [PlanNode] {
            nodes.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        }
        var rows: [Row] = []
        var visited = Set<String>()
        func walk(_ node: PlanNode, _ depth: Int) {
            guard visited.insert(node.key).inserted else { return }
            let kids = sorted(children[node.key] ?? [])
            rows.append(
                Row(
                    node: node, depth: depth, children: kids.count, phases: phases[node.key] ?? 0,
                    indicators: indicators[node.key] ?? 0, participants: participants[node.key] ?? 0))
            kids.forEach { walk($0, depth + 1) }
        }
        sorted(roots).forEach { walk($0, 0) }
        self.rows = rows
    }

    /// The chain of ancestors of a node, top first.
    public static func ancestors(of key: String, in nodes: [PlanNode]) -> [PlanNode] {
        let byKey = Dictionary(nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var chain: [PlanNode] = []
        var current = byKey[key]?.parentKey
        while let k = current, let n = byKey[k], !chain.contains(where: { $0.key == k }) {
            chain.insert(n, at: 0)
            current = n.parentKey
        }
        return chain
    }
}
