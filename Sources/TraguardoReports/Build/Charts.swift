import TraguardoCore

/// The charts the documents carry where people would rather look than read, each with its data as a table.
enum Charts {
    private static let seriesNames = ["Calcolato (consuntivo)", "Validato"]

    static func paired(id: String, title: String, categories: [String], computed: [Double?], validated: [Double?], ctx: ReportContext)
        -> ReportChart
    {
        let table = ReportTable(
            name: title, title: "Dati del grafico: \(title)",
            columns: [
                ReportColumn("Voce", key: "voce"),
                ReportColumn(seriesNames[0], key: "calcolato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
                ReportColumn(seriesNames[1], key: "validato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ],
            rows: categories.indices.map { [.text(categories[$0]), ReportValue(computed[$0]), ReportValue(validated[$0])] }, exported: false)
        return ReportChart(
            id: id, title: title, kind: .bars, categories: categories,
            series: [.init(name: seriesNames[0], values: computed), .init(name: seriesNames[1], values: validated)], maximum: 100,
            table: table)
    }

    static func byUnit(_ ctx: ReportContext) -> ReportChart {
        let byKey = Dictionary(ctx.report.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let units = ctx.layout.arrange(ctx.bundle.units).compactMap { u in byKey[u.key].flatMap { $0.total > 0 ? (u, $0) : nil } }
        return paired(
            id: "grafico-unita", title: "Raggiungimento per unità", categories: units.map(\.0.displayName), computed: units.map(\.1.computed),
            validated: units.map(\.1.score), ctx: ctx)
    }

    /// Achievement per node of the highest cascade level that has scores (indirizzi, or obiettivi strategici).
    static func byDirection(_ ctx: ReportContext) -> ReportChart? {
        let scores = Dictionary(ctx.report.nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for level in ctx.bundle.plan.levels {
            let nodes = ctx.bundle.nodes.filter { $0.level == level && scores[$0.key] != nil }.sorted { $0.order < $1.order }
            guard !nodes.isEmpty else { continue }
            return paired(
                id: "grafico-cascata", title: "Raggiungimento per \(level.label.lowercased())",
                categories: nodes.map { $0.code ?? $0.title }, computed: nodes.map { scores[$0.key]!.computed },
                validated: nodes.map { scores[$0.key]!.score }, ctx: ctx)
        }
        return nil
    }

    static let buckets: [(label: String, range: ClosedRange<Double>)] = [
        ("meno di 50", 0...49.999_999), ("50–59", 50...59.999_999), ("60–69", 60...69.999_999), ("70–79", 70...79.999_999),
        ("80–89", 80...89.999_999), ("90–99", 90...99.999_999), ("100", 100...Double.greatestFiniteMagnitude),
    ]

    /// How many objectives fall in each band of effective score; those without a score are counted apart.
    static func distribution(_ ctx: ReportContext) -> ReportChart {
        let scores = ctx.report.objectives.compactMap(\.effective)
        let counts = buckets.map { b in Double(scores.filter { b.range.contains($0) }.count) }
        let unscored = ctx.report.objectives.count - scores.count
        let table = ReportTable(
            name: "Distribuzione", title: "Dati del grafico: distribuzione dei punteggi degli obiettivi",
            columns: [ReportColumn("Punteggio", key: "fascia"), ReportColumn("Obiettivi", key: "obiettivi", .integer)],
            rows: zip(buckets, counts).map { [.text($0.0.label), .number($0.1)] } + [[.text("senza punteggio"), .number(Double(unscored))]],
            exported: false)
        return ReportChart(
            id: "grafico-distribuzione", title: "Distribuzione dei punteggi degli obiettivi", kind: .histogram, categories: buckets.map(\.label),
            series: [.init(name: "Obiettivi", values: counts)], maximum: max(counts.max() ?? 1, 1), table: table)
    }

    /// Per unit, the share of its objectives with something entered in the campaign.
    static func progress(_ ctx: ReportContext) -> ReportChart {
        let groups = ctx.objectivesByUnit().filter { $0.unit != nil }
        let shares = groups.map { g -> Double? in
            let filled = g.objectives.filter { n in !(ctx.values[n.key]?.allSatisfy(\.isEmpty) ?? true) }.count
            return g.objectives.isEmpty ? nil : 100 * Double(filled) / Double(g.objectives.count)
        }
        let table = ReportTable(
            name: "Compilazione", title: "Dati del grafico: avanzamento della compilazione",
            columns: [ReportColumn("Unità", key: "unita"), ReportColumn("Obiettivi compilati", key: "compilati", .percent, decimals: 0)],
            rows: zip(groups, shares).map { [.text($0.0.title), ReportValue($0.1)] }, exported: false)
        return ReportChart(
            id: "grafico-compilazione", title: "Avanzamento della compilazione per unità", kind: .bars, categories: groups.map(\.title),
            series: [.init(name: "Obiettivi compilati", values: shares)], maximum: 100, unit: "%", table: table)
    }
}
