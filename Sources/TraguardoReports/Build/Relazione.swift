import TraguardoCore

/// The Relazione sulla performance: the year's results with the CdR sheets and the organisational performance,
/// and on its cover the deliberation that approves it, ready to be annexed.
enum Relazione {
    static func build(_ ctx: ReportContext) -> ReportDocument {
        let year = ctx.bundle.plan.year
        var cover = ctx.coverLines + [ctx.methodologyLine, "Risultati al \(ctx.asOf.italian)"]
        if let act = ctx.input.deliberation { cover.insert("Approvata con \(act.label)", at: 0) }
        var sections = [
            ReportSection(
                id: "premessa", title: "Premessa",
                blocks: [
                    .paragraph(
                        ctx.text(
                            "relazione.premessa",
                            default:
                                "La Relazione sulla performance rendiconta i risultati organizzativi e individuali raggiunti nell'anno \(year) rispetto agli obiettivi programmati nel \(ctx.bundle.plan.title), ai sensi dell'art. 10, comma 1, lettera b), del D.Lgs. 150/2009. I dati sono riferiti al \(ctx.asOf.italian); i punteggi sono calcolati con la metodologia di valutazione adottata dall'ente e validati dal Nucleo di Valutazione."
                        ))
                ])
        ]
        sections.append(MonitoringReport.summary(ctx))
        if let org = OrgPerformanceReport.section(ctx) { sections.append(org) }
        if let strategic = MonitoringReport.strategic(ctx) { sections.append(strategic) }
        sections.append(MonitoringReport.cards(ctx))
        let sheets = CdRSheets.sheets(ctx)
        if !sheets.isEmpty {
            sections.append(
                ReportSection(
                    id: "schede-cdr", title: "Schede di valutazione dei centri di responsabilità", blocks: sheets.map(ReportBlock.section),
                    pageBreakBefore: true))
        }
        if let act = ctx.input.deliberation { sections.append(approval(act)) }
        if let issues = MonitoringReport.issues(ctx) { sections.append(issues) }
        return ReportDocument(
            kind: .relazione, title: "Relazione sulla performance \(year)", enteName: ctx.bundle.ente.name, subtitle: ctx.bundle.plan.title,
            cover: cover, sections: ctx.layout.arrange(sections), signatures: ctx.layout.signatures, generatedOn: ctx.input.generatedOn)
    }

    /// The approving act as recorded: number, date, organ, pareri, votes and publication.
    static func approval(_ act: Deliberation) -> ReportSection {
        var facts = [Fact("Atto", act.label)]
        if let subject = act.subject { facts.append(Fact("Oggetto", subject)) }
        for o in act.opinions {
            facts.append(Fact("Parere di \(o.kind)", "\(o.favourable ? "favorevole" : "contrario"), \(o.by)"))
        }
        if let votes = act.votes { facts.append(Fact("Votazione", votes.italian)) }
        if act.immediatelyExecutable { facts.append(Fact("Esecutività", "immediatamente eseguibile (art. 134, comma 4, D.Lgs. 267/2000)")) }
        if let from = act.publishedOn {
            facts.append(
                Fact(
                    "Pubblicazione",
                    "all'Albo pretorio dal \(from.italian) per \(act.publicationDays) giorni consecutivi (fino al \(from.adding(days: act.publicationDays - 1).italian))"
                ))
        }
        return ReportSection(id: "approvazione", title: "Approvazione", blocks: [.facts(facts)], pageBreakBefore: true)
    }
}
