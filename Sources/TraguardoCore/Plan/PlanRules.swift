import Foundation

/// The structural rules of a plan, checked before anything is written: the store only persists what passes.
public enum PlanRules {
    /// Only a plan in `bozza` changes directly; after approval the plan changes through a variation.
    public static func requireEditable(_ plan: Plan) throws(PlanRuleError) {
        guard !plan.state.isFrozen else { throw .frozen(plan.state.label) }
    }

    public static func checkNew(_ plan: Plan) throws(PlanRuleError) {
        guard !plan.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("Titolo") }
        guard plan.firstYear <= plan.lastYear, (plan.firstYear...plan.lastYear).contains(plan.year) else { throw .invalidYears }
        guard !plan.levels.isEmpty else { throw .missing("Livelli della cascata") }
    }

    /// What the hierarchy checks need of the other nodes of the plan.
    public struct NodeLink: Hashable, Sendable {
        public var key: String
        public var level: CascadeLevel
        public var parentKey: String?

        public init(key: String, level: CascadeLevel, parentKey: String?) {
            self.key = key
            self.level = level
            self.parentKey = parentKey
        }

        public init(_ node: PlanNode) { self.init(key: node.key, level: node.level, parentKey: node.parentKey) }
    }

    /// A new node (`previousKey` nil) or an edited one: title, level, parent above it, no cycle, known units.
    /// Keys are stable once given, because bundles, values and scores refer to them.
    public static func check(
        _ node: PlanNode, previousKey: String?, in plan: Plan, nodes: [NodeLink],
        unitKeys: Set<String>
    ) throws(PlanRuleError) {
        try requireEditable(plan)
        guard !node.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("Titolo") }
        guard plan.levels.contains(node.level) else { throw .levelNotInPlan(node.level.label) }
        let byKey = Dictionary(nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        if let previousKey {
            guard previousKey == node.key, byKey[previousKey] != nil else { throw .unknownNode(node.key) }
        } else if byKey[node.key] != nil {
            throw .duplicateKey(node.key)
        }
        if let parentKey = node.parentKey {
            guard let parent = byKey[parentKey] else { throw .unknownNode(parentKey) }
            guard parent.level < node.level else { throw .parentLevel(parent: parent.level.label, child: node.level.label) }
            var cursor: String? = parentKey
            var steps = 0
            while let c = cursor, steps <= byKey.count {
                if c == node.key { throw .cycle }
                cursor = byKey[c]?.parentKey
                steps += 1
            }
        }
        for unit in node.ownerUnitKeys + [node.coordinatingUnitKey].compactMap({ $0 }) where !unitKeys.contains(unit) {
            throw .unknownUnit(unit)
        }
    }

    public static func checkDeletion(of node: PlanNode, in plan: Plan, nodes: [NodeLink]) throws(PlanRuleError) {
        try requireEditable(plan)
        if nodes.contains(where: { $0.parentKey == node.key }) { throw .hasChildren(node.title) }
    }

    public static func check(_ indicator: Indicator, in plan: Plan) throws(PlanRuleError) {
        try requireEditable(plan)
        guard !indicator.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("Indicatore") }
    }

    public static func check(_ phase: Phase, in plan: Plan) throws(PlanRuleError) {
        try requireEditable(plan)
        guard !phase.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("Fase") }
    }

    /// A copy of a node with its phases and indicators under new keys, next to the original.
    public static func duplicate(_ node: PlanNode, phases: [Phase], indicators: [Indicator], existingKeys: Set<String>)
        -> (node: PlanNode, phases: [Phase], indicators: [Indicator])
    {
        var copy = node
        copy.key = PlanKeys.copy(of: node.key, existing: existingKeys)
        copy.title += " (copia)"
        let prefix = copy.key + "-"
        let newPhases = phases.map { p -> Phase in
            var p = p
            p.key = prefix + p.key
            p.nodeKey = copy.key
            return p
        }
        let newIndicators = indicators.map { i -> Indicator in
            var i = i
            i.key = prefix + i.key
            i.nodeKey = copy.key
            i.phaseKey = i.phaseKey.map { prefix + $0 }
            return i
        }
        return (copy, newPhases, newIndicators)
    }
}
