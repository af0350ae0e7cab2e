/// Unit membership and the cascade's bottom-up order.
extension PlanCompilation {
    /// Which objectives each unit rolls up. A trasversale objective listed with no owner is shared by every
    /// unit that owns something; an objective with no owner takes its nearest ancestor's owners.
    mutating func buildUnits() {
        let units = input.units
        var unitIndex: [String: Int32] = [:]
        unitIndex.reserveCapacity(units.count)
        for (i, u) in units.enumerated() where unitIndex[u.key] == nil { unitIndex[u.key] = Int32(i) }
        let unitParent = units.map { u in u.parentKey.flatMap { unitIndex[$0] } ?? -1 }
        var scored = [Bool](repeating: false, count: units.count)
        let nodes = input.nodes
        for n in 0..<nodes.count {
            for k in nodes[n].ownerUnitKeys { if let u = unitIndex[k] { scored[Int(u)] = true } }
            if let k = nodes[n].coordinatingUnitKey, let u = unitIndex[k] { scored[Int(u)] = true }
        }
        let everyScored = (0..<units.count).filter { scored[$0] }.map(Int32.init)

        var triples: [(unit: Int32, obj: Int32, tag: MembershipTag)] = []
        triples.reserveCapacity(plan.obj.count * 2)
        var local: [(Int32, MembershipTag)] = []
        var owners: [Int32] = []
        for o in 0..<plan.obj.count {
            var n = Int(plan.objNode[o])
            while nodes[n].ownerUnitKeys.isEmpty && !nodes[n].crossCutting && parent[n] >= 0 { n = Int(parent[n]) }
            owners.removeAll(keepingCapacity: true)
            for k in nodes[n].ownerUnitKeys {
                if let u = unitIndex[k] {
                    owners.append(u)
                } else {
                    issue(nodes[n].key, "Unità «\(k)» indicata per «\(nodes[n].title)» non trovata.")
                }
            }
            let crossCutting = nodes[n].crossCutting
            let primary =
                nodes[n].coordinatingUnitKey.flatMap { unitIndex[$0] } ?? (owners.count == 1 ? owners[0] : (crossCutting ? -1 : owners.first ?? -1))
            if owners.isEmpty && crossCutting { owners = everyScored }
            local.removeAll(keepingCapacity: true)
            func add(_ u: Int32, _ tag: MembershipTag) {
                if let i = local.firstIndex(where: { $0.0 == u }) {
                    if tag.rawValue < local[i].1.rawValue { local[i].1 = tag }
                } else {
                    local.append((u, tag))
                }
            }
            for u in owners {
                let direct = u == primary
                add(u, direct ? .direct : .shared)
                var a = unitParent[Int(u)]
                var guardSteps = units.count
                while a >= 0 && guardSteps > 0 {
                    add(a, direct ? .subunit : .subunitShared)
                    a = unitParent[Int(a)]
                    guardSteps -= 1
                }
            }
            for (u, tag) in local { triples.append((u, Int32(o), tag)) }
        }
        var start = [Int32](repeating: 0, count: units.count + 1)
        for t in triples { start[Int(t.unit) + 1] += 1 }
        for i in 0..<units.count { start[i + 1] += start[i] }
        var fill = start
        var members = [Int32](repeating: 0, count: triples.count)
        var tags = [MembershipTag](repeating: .direct, count: triples.count)
        for t in triples {
            let p = Int(fill[Int(t.unit)])
            members[p] = t.obj
            tags[p] = t.tag
            fill[Int(t.unit)] += 1
        }
        plan.unitMemberStart = start
        plan.unitMembers = members
        plan.unitMemberTags = tags
        plan.unitScored = scored
    }

    /// Children in CSR form, node weights and validations, and the order in which roll-ups run.
    mutating func buildTree() {
        let count = input.nodes.count
        var start = [Int32](repeating: 0, count: count + 1)
        for i in 0..<count { start[i + 1] = start[i] + childCount[i] }
        var fill = start
        var children = [Int32](repeating: 0, count: Int(start[count]))
        for i in 0..<count where parent[i] >= 0 {
            let p = Int(parent[i])
            children[Int(fill[p])] = Int32(i)
            fill[p] += 1
        }
        var depth = [Int32](repeating: -1, count: count)
        var maxDepth: Int32 = 0
        var chain: [Int] = []
        for i in 0..<count {
            chain.removeAll(keepingCapacity: true)
            var j = i
            while j >= 0 && depth[j] < 0 {
                chain.append(j)
                j = Int(parent[j])
            }
            var d = j >= 0 ? depth[j] : -1
            for k in chain.reversed() {
                d += 1
                depth[k] = d
            }
            maxDepth = max(maxDepth, depth[i])
        }
        // Deepest first, so every child is done before its parent.
        var byDepth = [Int32](repeating: 0, count: Int(maxDepth) + 2)
        for d in depth { byDepth[Int(maxDepth - d) + 1] += 1 }
        for i in 0..<Int(maxDepth) + 1 { byDepth[i + 1] += byDepth[i] }
        var order = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let slot = Int(maxDepth - depth[i])
            order[Int(byDepth[slot])] = Int32(i)
            byDepth[slot] += 1
        }
        plan.nodeChildStart = start
        plan.nodeChildren = children
        plan.bottomUp = order
        let nodes = input.nodes
        plan.nodeWeight = (0..<count).map { nodes[$0].weight ?? .nan }
        plan.nodeValidated = (0..<count).map { n in
            let va = Int(nodeValidation[n])
            guard va >= 0, plan.nodeObjective[n] < 0 else { return .nan }
            let v = input.validations[va]
            guard !v.excluded, let s = v.score, !v.reason.allSatisfy(\.isWhitespace) else { return .nan }
            return s
        }
    }
}
