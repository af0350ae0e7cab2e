import Foundation

/// A score report as people read it: every figure formatted once, by the methodology's rounding policy, so the
/// scores page, the CLI and the methodology preview print the same "99,08" for the same score.
public struct ScoreSheet: Sendable {
    public struct Objective: Hashable, Sendable, Encodable {
        public let key: String
        public let code: String?
        public let title: String
        public let computed: String
        public let validated: String
        public let effective: String
        public let counted: Bool
        public let explanation: String
        public let indicators: [String]
        /// For templates, which cannot ask an array whether it is empty.
        public var hasIndicators: Bool { !indicators.isEmpty }

        enum CodingKeys: String, CodingKey {
            case key, code, title, computed, validated, effective, counted, explanation, indicators, hasIndicators
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encodeIfPresent(code, forKey: .code)
            try c.encode(title, forKey: .title)
            try c.encode(computed, forKey: .computed)
            try c.encode(validated, forKey: .validated)
            try c.encode(effective, forKey: .effective)
            try c.encode(counted, forKey: .counted)
            try c.encode(explanation, forKey: .explanation)
            try c.encode(indicators, forKey: .indicators)
            try c.encode(hasIndicators, forKey: .hasIndicators)
        }
    }

    public struct RollUp: Hashable, Sendable, Encodable {
        public let key: String
        public let name: String
        /// The effective mean (validated scores where present) and the mean of the computed scores only.
        public let score: String
        public let computed: String
        public let counted: Int
        public let total: Int
        public let explanation: String
    }

    public let methodologyName: String
    public let methodologyVersion: Int
    public let asOf: Day
    public let objectives: [Objective]
    public let units: [RollUp]
    public let nodes: [RollUp]
    /// The methodology's reporting groups (the lines of its summary), when it has any.
    public let groups: [RollUp]
    public let enteMean: String
    public let enteMeanCount: Int
    public let servicesMean: String
    public let servicesMeanCount: Int
    /// The ente's two means over the computed scores only, printed beside the effective ones.
    public let enteMeanComputed: String
    public let servicesMeanComputed: String
    public let enteExplanation: String
    public let organisational: String?
    /// The organisational score itself, for pages that show it dimension by dimension.
    public let organisationalScore: OrganisationalScore?
    public let issues: [String]

    /// The one score formatter: the methodology's decimals and rounding mode, Italian notation, "—" when a
    /// score does not exist (excluded or not measurable).
    public static let notReported = "non rilevato"

    public static func format(_ value: Double?, _ policy: RoundingPolicy) -> String {
        ScoreFormat.score(value, policy: policy)
    }

    public init(_ report: ScoreReport) {
        let policy = report.methodology.rounding
        let f = { (v: Double?) in Self.format(v, policy) }
        // A total with nothing under it was not measured: "non rilevato", never a zero or a blank.
        let total = { (v: Double?) in v == nil ? Self.notReported : Self.format(v, policy) }
        methodologyName = report.methodology.name
        methodologyVersion = report.methodology.version
        asOf = report.plan.asOf
        objectives = report.objectives.map { o in
            let e = report.explain(objective: o.key)
            let missing = o.outcome == .notReported
            return Objective(
                key: o.key, code: o.code, title: o.title, computed: missing ? Self.notReported : f(o.computed), validated: f(o.validated),
                effective: missing ? Self.notReported : f(o.effective), counted: o.counted, explanation: e?.text ?? "",
                indicators: e?.indicators.map(\.text) ?? [])
        }
        units = report.units.map { u in
            RollUp(
                key: u.key, name: u.name, score: total(u.score), computed: total(u.computed), counted: u.counted, total: u.total,
                explanation: report.explain(unit: u.key)?.text ?? "")
        }
        nodes = report.nodes.map { n in
            RollUp(
                key: n.key, name: n.name, score: total(n.score), computed: total(n.computed), counted: n.counted, total: n.total,
                explanation: report.explain(node: n.key)?.text ?? "")
        }
        groups = report.groups.map { g in
            RollUp(
                key: g.key, name: g.name, score: total(g.score), computed: total(g.computed), counted: g.counted, total: g.total,
                explanation: report.explain(group: g.key)?.text ?? "")
        }
        let ente = report.ente
        enteMean = total(ente.objectivesMean)
        enteMeanCount = ente.objectivesCounted
        servicesMean = total(ente.unitsMean)
        servicesMeanCount = ente.unitsCounted
        enteMeanComputed = total(ente.objectivesMeanComputed)
        servicesMeanComputed = total(ente.unitsMeanComputed)
        enteExplanation = report.explainEnte().text
        organisational = report.organisational?.italianText
        organisationalScore = report.organisational
        issues = report.issues.map(\.message)
    }

    /// The same figures as plain text, for the terminal (`traguardo score`).
    public var plainText: String {
        var out: [String] = []
        out.append("Metodologia: \(methodologyName) (v\(methodologyVersion)) — al \(asOf.italian)")
        out.append("\nObiettivi (consuntivo / validato / effettivo):")
        for o in objectives {
            let code = (o.code ?? o.key).padding(toLength: 12, withPad: " ", startingAt: 0)
            out.append("  \(code) \(o.computed) / \(o.validated) / \(o.effective)\(o.counted ? "" : " (non conteggiato)")  \(o.title.prefix(70))")
        }
        out.append("\nUnità organizzative (consuntivo / effettivo):")
        for u in units { out.append("  \(u.name): \(u.computed) / \(u.score) (\(u.counted) obiettivi conteggiati su \(u.total))") }
        if !groups.isEmpty {
            out.append("\nRaggruppamenti della metodologia (consuntivo / effettivo):")
            for g in groups { out.append("  \(g.name): \(g.computed) / \(g.score) (\(g.counted) obiettivi conteggiati su \(g.total))") }
        }
        if !nodes.isEmpty {
            out.append("\nLivelli della cascata (consuntivo / effettivo):")
            for n in nodes { out.append("  \(n.name.prefix(70)): \(n.computed) / \(n.score)") }
        }
        out.append(
            "\nEnte (consuntivo / effettivo): media degli obiettivi \(enteMeanComputed) / \(enteMean) (\(enteMeanCount)), "
                + "media dei servizi \(servicesMeanComputed) / \(servicesMean) (\(servicesMeanCount))")
        if let organisational { out.append("\n" + organisational) }
        for issue in issues.prefix(10) { out.append("  ! \(issue)") }
        return out.joined(separator: "\n")
    }
}
