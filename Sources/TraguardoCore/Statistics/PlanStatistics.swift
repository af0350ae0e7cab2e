/// The counts a segretario checks after an import ("are all my 36 objectives there?"), computed from a
/// bundle: `traguardo stats` and the plan page show them.
public struct PlanStatistics: Codable, Sendable, Equatable {
    public var ente: String
    public var plan: String
    public var year: Int
    public var units: Int
    public var people: Int
    public var assignments: Int
    public var politicalReferents: Int
    public var participations: Int
    public var participants: Int
    public var nodesByLevel: [String: Int]
    public var crossCuttingObjectives: Int
    public var phases: Int
    public var indicators: Int
    public var indicatorsByForm: [String: Int]
    public var campaigns: Int
    public var values: Int
    public var validations: Int
    public var warnings: Int

    public init(_ b: PlanBundle, warnings: Int) {
        ente = b.ente.slug
        plan = b.plan.key
        year = b.plan.year
        units = b.units.count
        people = b.people.count
        assignments = b.assignments.count
        politicalReferents = b.politicalReferents.count
        participations = b.participations.count
        participants = Set(b.participations.map(\.personKey)).count
        nodesByLevel = Dictionary(grouping: b.nodes, by: { $0.level.rawValue }).mapValues(\.count)
        crossCuttingObjectives = b.nodes.filter(\.crossCutting).count
        phases = b.phases.count
        indicators = b.indicators.count
        indicatorsByForm = Dictionary(grouping: b.indicators, by: { $0.form.rawValue }).mapValues(\.count)
        campaigns = b.campaigns.count
        values = b.values.count
        validations = b.validations.count
        self.warnings = warnings
    }

    /// Italian lines for the terminal and the plan page, in cascade order.
    public var lines: [String] {
        var out = [
            "Ente: \(ente) — piano \(plan), anno \(year)",
            "Unità organizzative: \(units)", "Persone: \(people) (incarichi: \(assignments), referenti politici: \(politicalReferents))",
            "Partecipazioni: \(participations) righe, \(participants) persone",
        ]
        for level in CascadeLevel.allCases {
            if let n = nodesByLevel[level.rawValue] { out.append("\(level.pluralLabel): \(n)") }
        }
        out.append("Obiettivi trasversali: \(crossCuttingObjectives)")
        out.append("Fasi: \(phases)")
        let forms = IndicatorForm.allCases.compactMap { f in indicatorsByForm[f.rawValue].map { "\(f.label.lowercased()) \($0)" } }
        out.append("Indicatori: \(indicators)" + (forms.isEmpty ? "" : " (" + forms.joined(separator: ", ") + ")"))
        out.append("Campagne di monitoraggio: \(campaigns), valori: \(values), validazioni del Nucleo: \(validations)")
        out.append("Avvisi: \(warnings)")
        return out
    }
}
