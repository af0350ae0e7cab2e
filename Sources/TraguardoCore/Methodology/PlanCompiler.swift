/// Turns plan data into a `CompiledPlan`. All string hashing, calendar arithmetic and grouping happens here,
/// once per plan and campaign, so that scoring is arithmetic over flat arrays. Fields are read in place through
/// buffers: copying whole `PlanNode`/`Indicator` values would retain and release every string they hold.
public enum PlanCompiler {
    public static func compile(_ input: ScoringInput) -> CompiledPlan {
        var b = PlanCompilation(input)
        b.indexNodes()
        b.indexValues()
        b.buildObjectives()
        b.buildUnits()
        b.buildTree()
        return b.plan
    }
}

struct PlanCompilation {
    let input: ScoringInput
    var plan: CompiledPlan
    var nodeIndex: [String: Int32] = [:]
    var parent: [Int32] = []
    var childCount: [Int32] = []
    /// Value index for each indicator (in input order), -1 when it has none in the campaign.
    var indicatorValue: [Int32] = []
    var nodeValue: [Int32] = []
    var nodeValidation: [Int32] = []

    init(_ input: ScoringInput) {
        self.input = input
        plan = CompiledPlan(
            nodes: input.nodes, indicators: input.indicators, units: input.units, validations: input.validations,
            asOf: input.asOf, year: input.year)
        nodeValue = Array(repeating: -1, count: input.nodes.count)
        nodeValidation = Array(repeating: -1, count: input.nodes.count)
    }

    mutating func issue(_ key: String, _ message: String) { plan.issues.append(ScoringIssue(key: key, message: message)) }

    mutating func indexNodes() {
        let nodes = input.nodes
        let count = nodes.count
        nodeIndex.reserveCapacity(count)
        for i in 0..<count where nodeIndex.updateValue(Int32(i), forKey: nodes[i].key) != nil {
            issue(nodes[i].key, "Chiave duplicata «\(nodes[i].key)»: le occorrenze successive sostituiscono la prima.")
        }
        parent = Array(repeating: -1, count: count)
        childCount = Array(repeating: 0, count: count)
        for i in 0..<count {
            guard let pk = nodes[i].parentKey else { continue }
            if let p = nodeIndex[pk], p != Int32(i) {
                parent[i] = p
            } else {
                issue(nodes[i].key, "Nodo padre «\(pk)» di «\(nodes[i].key)» non trovato: il nodo è trattato come radice.")
            }
        }
        breakCycles()
        for p in parent where p >= 0 { childCount[Int(p)] += 1 }
    }

    /// A parent chain that loops would make roll-ups recurse forever: cut it and say so.
    mutating func breakCycles() {
        var state = [UInt8](repeating: 0, count: parent.count)  // 0 new, 1 on the current path, 2 done
        var path: [Int] = []
        for start in 0..<parent.count where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var i = start
            while i >= 0 && state[i] == 0 {
                state[i] = 1
                path.append(i)
                i = Int(parent[i])
            }
            if i >= 0 && state[i] == 1 {
                issue(input.nodes[i].key, "Ciclo nella gerarchia del piano in «\(input.nodes[i].key)»: collegamento al padre ignorato.")
                parent[i] = -1
            }
            for p in path { state[p] = 2 }
        }
    }

    mutating func indexValues() {
        let ck = input.campaignKey
        let values = input.values
        let xs = input.indicators
        indicatorValue = Array(repeating: -1, count: xs.count)
        // Values usually follow the indicators' order: try the next few positions before hashing.
        var cursor = 0
        var byKey: [String: Int32]?
        for vi in 0..<values.count where ck == nil || values[vi].campaignKey == ck {
            guard let ik = values[vi].indicatorKey else {
                if let n = nodeIndex[values[vi].nodeKey] { nodeValue[Int(n)] = Int32(vi) }
                continue
            }
            var found = -1
            for j in cursor..<Swift.min(cursor + 4, xs.count) where xs[j].key == ik {
                found = j
                break
            }
            if found < 0 {
                if byKey == nil {
                    var d = [String: Int32](minimumCapacity: xs.count)
                    for j in 0..<xs.count where d[xs[j].key] == nil { d[xs[j].key] = Int32(j) }
                    byKey = d
                }
                found = Int(byKey![ik] ?? -1)
            }
            if found >= 0 {
                indicatorValue[found] = Int32(vi)
                cursor = found + 1
            }
        }
        let validations = input.validations
        // A request for integration is no decision: the computed score stands until the Nucleo decides.
        for vi in 0..<validations.count where (ck == nil || validations[vi].campaignKey == ck) && validations[vi].isDecision {
            if let n = nodeIndex[validations[vi].nodeKey] {
                nodeValidation[Int(n)] = Int32(vi)
            } else {
                issue(validations[vi].nodeKey, "Validazione riferita a un obiettivo inesistente «\(validations[vi].nodeKey)»: ignorata.")
            }
        }
        plan.nodeValidation = nodeValidation
    }

    /// Leaves of the cascade become objective rows; their indicators are laid out contiguously.
    mutating func buildObjectives() {
        input.nodes.withUnsafeBufferPointer { nodes in
            input.indicators.withUnsafeBufferPointer { xs in
                input.values.withUnsafeBufferPointer { vs in
                    // Counting sort of indicators by node (stable), then by `order` within a node.
                    var indNode = [Int32](repeating: -1, count: xs.count)
                    var perNode = [Int32](repeating: 0, count: nodes.count + 1)
                    for k in 0..<xs.count {
                        // Indicators usually come grouped by objective: reuse the previous lookup.
                        let n = k > 0 && indNode[k - 1] >= 0 && xs[k].nodeKey == xs[k - 1].nodeKey ? indNode[k - 1] : nodeIndex[xs[k].nodeKey]
                        if let n {
                            indNode[k] = n
                            perNode[Int(n) + 1] += 1
                        } else {
                            issue(xs[k].key, "Indicatore «\(xs[k].name)» riferito a un obiettivo inesistente «\(xs[k].nodeKey)»: ignorato.")
                        }
                    }
                    for i in 0..<nodes.count { perNode[i + 1] += perNode[i] }
                    var fill = perNode
                    var sorted = [Int](repeating: 0, count: Int(perNode[nodes.count]))
                    for k in 0..<indNode.count where indNode[k] >= 0 {
                        sorted[Int(fill[Int(indNode[k])])] = k
                        fill[Int(indNode[k])] += 1
                    }

                    var deepest: CascadeLevel?
                    for i in 0..<nodes.count where deepest.map({ $0 < nodes[i].level }) ?? true { deepest = nodes[i].level }
                    plan.nodeObjective = Array(repeating: -1, count: nodes.count)
                    plan.ind.reserveCapacity(sorted.count)
                    plan.indDates.reserveCapacity(sorted.count)
                    plan.indicatorSource.reserveCapacity(sorted.count)
                    var inheritsNode: [Int32] = []
                    for n in 0..<nodes.count where childCount[n] == 0 {
                        let lo = Int(perNode[n]), hi = Int(perNode[n + 1])
                        if hi - lo > 1 && (lo..<hi - 1).contains(where: { xs[sorted[$0]].order > xs[sorted[$0 + 1]].order }) {
                            sorted[lo..<hi].sort { (xs[$0].order, $0) < (xs[$1].order, $1) }
                        }
                        var row = ObjectiveRow()
                        row.indStart = Int32(plan.ind.count)
                        var anyValue = false
                        for s in lo..<hi {
                            let k = sorted[s]
                            if indicatorValue[k] >= 0 && !vs[Int(indicatorValue[k])].isEmpty { anyValue = true }
                            let (r, d) = IndicatorCompiler.row(xs, k, values: vs, Int(indicatorValue[k]))
                            plan.ind.append(r)
                            plan.indDates.append(d)
                            plan.indicatorSource.append(Int32(k))
                        }
                        row.indEnd = Int32(plan.ind.count)
                        row.weight = nodes[n].weight ?? .nan
                        let vi = Int(nodeValue[n]), va = Int(nodeValidation[n])
                        if vi >= 0 {
                            row.direct = vs[vi].directScore ?? .nan
                            row.status = vs[vi].status?.code ?? 0
                        }
                        if va >= 0 {
                            row.flags |= ObjectiveRow.hasValidation
                            if input.validations[va].excluded { row.flags |= ObjectiveRow.excludedByDecision }
                            // A confirmation needs no reason: it leaves the computed score as it is.
                            if input.validations[va].kind != .conferma && input.validations[va].reason.allSatisfy(\.isWhitespace) {
                                row.flags |= ObjectiveRow.validationNoReason
                            }
                            // A confirmation keeps the computed score, whatever it was when the Nucleo looked.
                            row.validated = input.validations[va].kind == .conferma ? .nan : input.validations[va].score ?? .nan
                        }
                        if let first = nodes[n].horizon?.firstYear, first > input.year { row.flags |= ObjectiveRow.beforeHorizon }
                        let inherits = nodes[n].inheritsFromKey
                        if hi == lo && vi < 0 && va < 0, let deepest, nodes[n].level < deepest, inherits == nil {
                            row.flags |= ObjectiveRow.childless
                        } else if !anyValue && (vi < 0 || vs[vi].isEmpty) && inherits == nil
                            && (va < 0 || input.validations[va].kind == .conferma)
                        {
                            // Nothing entered (a row with only keys is no entry; confirming nothing adds nothing).
                            row.flags |= ObjectiveRow.noEntries
                        }
                        inheritsNode.append(inherits.map { nodeIndex[$0] ?? -2 } ?? -1)
                        plan.nodeObjective[n] = Int32(plan.obj.count)
                        plan.objNode.append(Int32(n))
                        plan.obj.append(row)
                    }
                    for o in 0..<plan.obj.count where inheritsNode[o] != -1 {
                        let target = inheritsNode[o] >= 0 ? plan.nodeObjective[Int(inheritsNode[o])] : -2
                        plan.obj[o].inherits = target >= 0 ? target : -2
                        if target < 0 {
                            let n = Int(plan.objNode[o])
                            issue(
                                nodes[n].key, "«\(nodes[n].title)» eredita da «\(nodes[n].inheritsFromKey ?? "")», che non è un obiettivo valutabile."
                            )
                        }
                    }
                }
            }
        }
    }
}
