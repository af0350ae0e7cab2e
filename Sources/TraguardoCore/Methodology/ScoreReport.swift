/// The result of a scoring run: objectives (consuntivo and validato), roll-ups at every level, the
/// organisational performance, and explanations built on demand from the same numbers.
public struct ScoreReport: Sendable {
    public let plan: CompiledPlan
    public let rules: PreparedMethodology
    let results: ScoreResults
    public internal(set) var organisational: OrganisationalScore?

    init(plan: CompiledPlan, rules: PreparedMethodology, results: ScoreResults) {
        self.plan = plan
        self.rules = rules
        self.results = results
    }

    public var methodology: Methodology { rules.methodology }

    public struct ObjectiveScore: Hashable, Sendable, Codable {
        public var key: String
        public var title: String
        public var code: String?
        /// Consuntivo: computed by the rules, never rounded.
        public var computed: Double?
        /// The Nucleo's validated score, when one applies.
        public var validated: Double?
        /// What every roll-up uses (validated over computed); nil when not counted.
        public var effective: Double?
        public var counted: Bool
        public var outcome: ObjectiveOutcome
    }

    public struct RollUpScore: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        /// Rounded as the methodology says (unless it rounds only at display).
        public var score: Double?
        public var exact: Double?
        /// The same mean over the computed scores only, before the Nucleo (the "consuntivo" column).
        public var computed: Double?
        /// Objectives (or children) counted, and how many were considered in all.
        public var counted: Int
        public var total: Int
    }

    public struct EnteScore: Hashable, Sendable, Codable {
        /// Mean over all counted objectives, each once.
        public var objectivesMean: Double?
        public var objectivesCounted: Int
        /// "Media dei servizi": mean of the units' means.
        public var unitsMean: Double?
        public var unitsCounted: Int
        /// The two means over the computed scores only.
        public var objectivesMeanComputed: Double?
        public var unitsMeanComputed: Double?
    }

    /// Rounded for reporting according to the policy; nil for "not counted".
    func reported(_ x: Double) -> Double? {
        guard !x.isNaN else { return nil }
        return rules.rounding.when == .display ? x : rules.rounding.apply(x)
    }

    public var objectives: [ObjectiveScore] { (0..<plan.obj.count).map(objectiveScore) }

    public func objective(_ key: String) -> ObjectiveScore? {
        plan.objNode.firstIndex { plan.nodes[Int($0)].key == key }.map(objectiveScore)
    }

    func objectiveScore(_ o: Int) -> ObjectiveScore {
        let node = plan.nodes[Int(plan.objNode[o])]
        let validated = results.objFlags[o] & ScoreResults.validatedApplied != 0 ? plan.obj[o].validated : .nan
        return ObjectiveScore(
            key: node.key, title: node.title, code: node.code,
            computed: results.objComputed[o].isNaN ? nil : results.objComputed[o],
            validated: validated.isNaN ? nil : validated,
            effective: results.objEffective[o].isNaN ? nil : results.objEffective[o],
            counted: !results.objEffective[o].isNaN, outcome: results.objOutcome[o])
    }

    /// Every unit, in the order of the plan's units.
    public var units: [RollUpScore] {
        plan.units.indices.map { u in
            RollUpScore(
                key: plan.units[u].key, name: plan.units[u].displayName, score: reported(results.unitExact[u]),
                exact: results.unitExact[u].isNaN ? nil : results.unitExact[u], computed: reported(results.unitComputed[u]),
                counted: Int(results.unitCounted[u]), total: Int(results.unitTotal[u]))
        }
    }

    public func unit(_ key: String) -> RollUpScore? { units.first { $0.key == key } }

    /// Every node of the cascade that has children (obiettivi operativi/strategici, indirizzi, linee).
    public var nodes: [RollUpScore] {
        plan.nodes.indices.filter { plan.nodeObjective[$0] < 0 }.map { n in
            let children = Int(plan.nodeChildStart[n + 1] - plan.nodeChildStart[n])
            let counted = (Int(plan.nodeChildStart[n])..<Int(plan.nodeChildStart[n + 1]))
                .filter { !results.nodeExact[Int(plan.nodeChildren[$0])].isNaN }.count
            return RollUpScore(
                key: plan.nodes[n].key, name: plan.nodes[n].title, score: reported(results.nodeExact[n]),
                exact: results.nodeExact[n].isNaN ? nil : results.nodeExact[n], computed: reported(results.nodeComputed[n]), counted: counted,
                total: children)
        }
    }

    public func node(_ key: String) -> RollUpScore? { nodes.first { $0.key == key } }

    public var ente: EnteScore {
        EnteScore(
            objectivesMean: reported(results.enteObjectives), objectivesCounted: results.enteObjectivesCount,
            unitsMean: reported(results.enteUnits), unitsCounted: results.enteUnitsCount,
            objectivesMeanComputed: reported(results.enteObjectivesComputed), unitsMeanComputed: reported(results.enteUnitsComputed))
    }

    /// Compile problems plus what depends on the methodology: validations without reason, partial weights,
    /// grades inconsistent with their status.
    public var issues: [ScoringIssue] {
        var out = plan.issues
        let checks = methodology.objectives.statusChecks
        for o in 0..<plan.obj.count {
            let node = plan.nodes[Int(plan.objNode[o])]
            let f = results.objFlags[o]
            if f & ScoreResults.validationIgnored != 0 {
                out.append(
                    .init(
                        key: node.key,
                        message: "Validazione del Nucleo senza motivazione per «\(node.title)»: ignorata (la motivazione è obbligatoria)."))
            }
            if f & ScoreResults.partialWeights != 0 {
                out.append(.init(key: node.key, message: "«\(node.title)»: solo alcuni indicatori hanno un peso; usati pesi uguali."))
            }
            if let status = ProgressStatus.from(code: plan.obj[o].status), !results.objComputed[o].isNaN {
                let v = results.objComputed[o]
                for c in checks where c.status == status && (v < c.min || v > c.max) {
                    out.append(
                        .init(
                            key: node.key,
                            message:
                                "«\(node.title)»: grado \(ScoreFormat.compact(v)) non coerente con lo stato «\(status.label)» (atteso tra \(ScoreFormat.compact(c.min)) e \(ScoreFormat.compact(c.max)))."
                        ))
                }
            }
        }
        for u in plan.units.indices where results.unitFlags[u] & ScoreResults.partialWeights != 0 {
            out.append(
                .init(
                    key: plan.units[u].key,
                    message: "«\(plan.units[u].displayName)»: media ponderata richiesta ma alcuni obiettivi non hanno peso; usata la media semplice.")
            )
        }
        out += groupIssues.map { ScoringIssue(key: "raggruppamenti", message: $0) }
        return out
    }
}
