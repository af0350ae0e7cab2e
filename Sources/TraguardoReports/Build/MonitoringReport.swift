import TraguardoCore

/// The stato di attuazione at a campaign's date: summaries (units, groups, cascade, ente, organisational
/// performance) with computed and validated side by side, then every objective's card with its results.
enum MonitoringReport {
    static func build(_ ctx: ReportContext, kind: ReportKind = .monitoring) -> ReportDocument {
        let asOf = ctx.asOf
        var sections = [
            ReportSection(
                id: "premessa", title: "Premessa",
                blocks: [
                    .paragraph(
                        ctx.text(
                            "monitoraggio.premessa",
                            default:
                                "Il presente report rileva lo stato di attuazione degli obiettivi del \(ctx.bundle.plan.title) alla data del \(asOf.italian). Per ogni obiettivo sono riportati i valori rilevati degli indicatori, lo stato dichiarato dal responsabile, il punteggio calcolato secondo la metodologia di valutazione e, dove presente, il punteggio validato dal Nucleo di Valutazione con la sua nota."
                        )),
                    .paragraph(ctx.methodologyLine + "."),
                ])
        ]
        sections.append(summary(ctx))
        if let strategic = strategic(ctx) { sections.append(strategic) }
        if let org = OrgPerformanceReport.section(ctx) { sections.append(org) }
        sections.append(cards(ctx))
        if let issues = issues(ctx) { sections.append(issues) }
        return ReportDocument(
            kind: kind, title: "Stato di attuazione degli obiettivi al \(asOf.italian)", enteName: ctx.bundle.ente.name,
            subtitle: ctx.campaign.map { "Campagna di monitoraggio «\($0.title)»" },
            cover: ctx.coverLines + [ctx.methodologyLine], sections: ctx.layout.arrange(sections), signatures: ctx.layout.signatures,
            generatedOn: ctx.input.generatedOn)
    }

    static func summary(_ ctx: ReportContext) -> ReportSection {
        var blocks: [ReportBlock] = [.facts(SummaryTables.ente(ctx)), .table(SummaryTables.units(ctx)), .chart(Charts.byUnit(ctx))]
        if let groups = SummaryTables.groups(ctx) { blocks.append(.table(groups)) }
        blocks.append(.chart(Charts.distribution(ctx)))
        if ctx.campaign?.isFinal == false { blocks.append(.chart(Charts.progress(ctx))) }
        blocks.append(.table(SummaryTables.objectives(ctx)))
        return ReportSection(id: "sintesi", title: "Sintesi dei risultati", blocks: blocks, pageBreakBefore: true)
    }

    /// The controllo strategico: the means of the cascade's nodes.
    static func strategic(_ ctx: ReportContext) -> ReportSection? {
        let tables = SummaryTables.cascade(ctx)
        guard !tables.isEmpty else { return nil }
        var blocks: [ReportBlock] = tables.map(ReportBlock.table)
        if let chart = Charts.byDirection(ctx) { blocks.insert(.chart(chart), at: 0) }
        return ReportSection(id: "strategico", title: "Controllo strategico: obiettivi strategici e indirizzi", blocks: blocks)
    }

    static func cards(_ ctx: ReportContext) -> ReportSection {
        let groups = ctx.objectivesByUnit().map { g in
            ReportSection(
                id: g.id, title: g.title,
                blocks: g.objectives.map { .section(ObjectiveCards.card($0, in: ctx, results: true)) })
        }
        return ReportSection(id: "obiettivi", title: "Schede degli obiettivi", blocks: groups.map(ReportBlock.section), pageBreakBefore: true)
    }

    /// The inconsistencies found while scoring stay visible in the document.
    static func issues(_ ctx: ReportContext) -> ReportSection? {
        let issues = ctx.report.issues.map(\.message)
        guard !issues.isEmpty else { return nil }
        return ReportSection(id: "avvisi", title: "Avvisi sui dati", blocks: issues.map(ReportBlock.note))
    }
}
