import TraguardoCore

/// Organisational performance: points per dimension and in total, and the indicators behind each dimension. A
/// dimension without data is "non rilevato", never 0 points.
enum OrgPerformanceReport {
    static func build(_ ctx: ReportContext) -> ReportDocument {
        let sections =
            section(ctx).map { [$0] }
            ?? [ReportSection(id: "organizzativa", title: "Performance organizzativa", blocks: [.note(unavailable(ctx))])]
        return ReportDocument(
            kind: .orgPerformance, title: "Performance organizzativa al \(ctx.asOf.italian)", enteName: ctx.bundle.ente.name,
            subtitle: ctx.campaign.map { "Campagna «\($0.title)»" }, cover: ctx.coverLines + [ctx.methodologyLine],
            sections: ctx.layout.arrange(sections),
            signatures: ctx.layout.signatures, generatedOn: ctx.input.generatedOn)
    }

    static func unavailable(_ ctx: ReportContext) -> String {
        "La metodologia «\(ctx.input.methodology.name)» non prevede la performance organizzativa."
    }

    /// SUM only where it gives the engine's total from the printed cells.
    static func sums(_ values: [Double], to total: Double) -> ReportTotal.Formula? {
        abs(values.reduce(0, +) - total) < 1e-9 ? .sum : nil
    }

    static func section(_ ctx: ReportContext) -> ReportSection? {
        guard let org = ctx.report.organisational else { return nil }
        let dimensions = ReportTable(
            name: "Performance organizzativa", title: "Punti per dimensione",
            columns: [
                ReportColumn("Dimensione", key: "dimensione"), ReportColumn("Peso", key: "peso", .number),
                ReportColumn("Punti massimi", key: "punti_massimi", .number), ReportColumn("Raggiungimento", key: "raggiungimento", .percent),
                ReportColumn("Punti", key: "punti", .number),
            ],
            rows: org.dimensions.map { d in
                [
                    .text(d.name), .number(d.weight), .number(d.maxPoints), ReportValue(d.achievement),
                    d.achievement == nil ? .missing("non rilevato") : .number(d.points),
                ]
            },
            total: ReportTotal(
                label: org.unmeasured.isEmpty
                    ? "Totale"
                    : "Totale (parziale: \(org.unmeasured.count) \(org.unmeasured.count == 1 ? "dimensione non rilevata" : "dimensioni non rilevate"))",
                cells: [
                    .init(column: 2, value: .number(org.totalPoints), formula: sums(org.dimensions.map(\.maxPoints), to: org.totalPoints)),
                    .init(
                        column: 4, value: org.isMeasured ? .number(org.points) : .missing("non rilevato"),
                        formula: org.isMeasured ? sums(org.dimensions.filter { $0.achievement != nil }.map(\.points), to: org.points) : nil),
                ]))
        let indicatorRows = org.dimensions.flatMap { d in
            d.indicators.map { i -> [ReportValue] in
                [
                    .text(d.name), .text(i.name), .text(i.comparator.symbol), ReportValue(i.threshold, missing: ""), ReportValue(i.value),
                    i.value == nil ? .missing("non rilevato") : .text(i.met ? "SI" : "NO"),
                ]
            }
        }
        var blocks: [ReportBlock] = [.paragraph(org.italianText), .table(dimensions)]
        if !indicatorRows.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        name: "Indicatori organizzativi", title: "Indicatori delle dimensioni",
                        columns: [
                            ReportColumn("Dimensione", key: "dimensione"), ReportColumn("Indicatore", key: "indicatore"),
                            ReportColumn("Confronto", key: "confronto"), ReportColumn("Soglia", key: "soglia", .number),
                            ReportColumn("Valore", key: "valore", .number), ReportColumn("Raggiunto", key: "raggiunto"),
                        ], rows: indicatorRows)))
        }
        return ReportSection(id: "organizzativa", title: "Performance organizzativa", blocks: blocks, pageBreakBefore: true)
    }
}
