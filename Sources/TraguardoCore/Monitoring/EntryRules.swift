/// Who may enter values for an objective in a campaign, and what an entry must say.
public enum EntryRules {
    /// What a user answers for in a campaign: the segretario (or administrator) every unit; a responsabile the
    /// units granted to them and those they hold on the campaign's reference date.
    public struct Scope: Hashable, Sendable {
        public var unitKeys: Set<String>
        public var isManager: Bool

        public init(unitKeys: Set<String>, isManager: Bool) {
            self.unitKeys = unitKeys
            self.isManager = isManager
        }

        /// A responsabile's units in a campaign: those granted to them and those whose holder (titolare, interim…)
        /// on the reference day is the person they are, from the assignments with dal/al.
        public static func responsabile(granted: Set<String>, personKey: String?, assignments: [Assignment], on day: Day) -> Scope {
            var keys = granted
            if let personKey {
                for unit in Set(assignments.filter { $0.personKey == personKey }.map(\.unitKey))
                where Responsibility.holder(of: unit, on: day, in: assignments)?.personKey == personKey {
                    keys.insert(unit)
                }
            }
            return Scope(unitKeys: keys, isManager: false)
        }

        public func covers(_ node: PlanNode) -> Bool {
            isManager || (!node.ownerUnitKeys.isEmpty && node.ownerUnitKeys.contains { unitKeys.contains($0) })
        }
    }

    /// Throws the reason a user cannot change the entries of `node` now: the campaign is not taking entries (unless the
    /// Nucleo sent this objective back), the objective is not theirs, or their unit already submitted.
    public static func checkEntry(
        node: PlanNode, campaign: Campaign, scope: Scope, submissions: [UnitSubmission], validation: Validation?
    ) throws(MonitoringError) {
        guard scope.covers(node) else { throw .notYourObjective(node.title) }
        let sentBack = validation?.kind == .integrazione
        if campaign.state == .inValidazione && sentBack { return }
        guard campaign.state.acceptsEntries else { throw .notOpen(campaign.state.label) }
        if !scope.isManager,
            let done = submissions.first(where: {
                $0.state == .inviata && node.ownerUnitKeys.contains($0.unitKey) && scope.unitKeys.contains($0.unitKey)
            })
        {
            throw .unitSubmitted(done.unitKey)
        }
    }

    /// An objective-level entry with RINVIATO or NON VALUTABILE must say why.
    public static func checkStatus(_ value: MonitoringValue) throws(MonitoringError) {
        if let status = value.status, status.needsReason, (value.statusReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .statusReasonRequired(status.label)
        }
    }
}

/// The Nucleo's decision on one objective: a confirmation needs no reason, a score that differs from the computed
/// one beyond the methodology's rounding does, an exclusion and a request for integration always do.
public enum ValidationRules {
    public static func decide(
        _ kind: ValidationKind, score: Double?, reason: String, computed: Double?, rounding: RoundingPolicy, campaign: Campaign,
        nodeKey: String, minutes: String? = nil
    ) throws(MonitoringError) -> Validation {
        guard campaign.state == .inValidazione else { throw .notInValidation }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .conferma:
            return Validation(
                campaignKey: campaign.key, nodeKey: nodeKey, kind: .conferma, score: computed, reason: reason, computedScore: computed,
                minutes: minutes)
        case .modifica:
            guard let score else { throw .missing("Punteggio validato") }
            guard score.isFinite, score >= 0 else { throw .invalidValue(field: "Punteggio validato", message: "deve essere un numero non negativo.") }
            if reason.isEmpty {
                guard !differs(score, computed, rounding) else {
                    throw .validationReasonRequired(
                        computed: computed.map { ScoreFormat.score($0, policy: rounding) } ?? ScoreSheet.notReported,
                        validated: ScoreFormat.score(score, policy: rounding))
                }
                // The same figure once rounded is a confirmation, which needs no reason.
                return Validation(
                    campaignKey: campaign.key, nodeKey: nodeKey, kind: .conferma, score: computed, reason: "", computedScore: computed,
                    minutes: minutes)
            }
            return Validation(
                campaignKey: campaign.key, nodeKey: nodeKey, kind: .modifica, score: score, reason: reason, computedScore: computed, minutes: minutes)
        case .esclusione, .integrazione:
            guard !reason.isEmpty else { throw .reasonRequired(kind.label) }
            return Validation(campaignKey: campaign.key, nodeKey: nodeKey, kind: kind, reason: reason, computedScore: computed, minutes: minutes)
        }
    }

    /// Different as the Nucleo signs it: both figures rounded the methodology's way.
    public static func differs(_ validated: Double, _ computed: Double?, _ rounding: RoundingPolicy) -> Bool {
        guard let computed else { return true }
        return rounding.apply(validated) != rounding.apply(computed)
    }
}
