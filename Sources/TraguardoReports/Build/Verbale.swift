import TraguardoCore

/// The Nucleo di Valutazione's minutes of a campaign, as recorded: session, members, agenda, decisions, and
/// the objective-by-objective validations taken in the campaign.
enum Verbale {
    static func build(_ ctx: ReportContext) -> ReportDocument {
        let minutes = ctx.input.minutes.filter { $0.campaignKey == ctx.campaign?.key }.sorted { $0.date < $1.date }
        var sections = minutes.map { m in
            ReportSection(
                id: "verbale-\(m.number)", title: m.label,
                blocks: [
                    .facts([
                        Fact("Data", ItalianMonths.long(m.date)), Fact("Luogo", m.place), Fact("Componenti", m.members.joined(separator: ", ")),
                        Fact("Ordine del giorno", m.agenda),
                    ]),
                    .paragraph(m.decisions),
                ], pageBreakBefore: true)
        }
        if minutes.isEmpty {
            sections.append(
                ReportSection(
                    id: "verbale", title: "Verbale",
                    blocks: [.note("Nessun verbale del Nucleo è registrato per la campagna «\(ctx.campaign?.title ?? "—")».")]))
        }
        sections.append(validations(ctx))
        return ReportDocument(
            kind: .verbale, title: "Verbale del Nucleo di Valutazione", enteName: ctx.bundle.ente.name,
            subtitle: ctx.campaign.map { "Campagna «\($0.title)» – dati al \($0.asOf.italian)" }, cover: ctx.coverLines,
            sections: ctx.layout.arrange(sections),
            signatures: ctx.layout.signatures.isEmpty ? [Signature(role: "Il Nucleo di Valutazione")] : ctx.layout.signatures,
            generatedOn: ctx.input.generatedOn)
    }

    /// Each decision of the campaign with the computed score it was taken on.
    static func validations(_ ctx: ReportContext) -> ReportSection {
        let decisions = ctx.objectives.compactMap { n in ctx.decisions[n.key].map { (n, $0) } }
        let rows = decisions.map { n, v -> [ReportValue] in
            [
                ReportValue(n.code), .text(n.title), .text(v.kind.label), ReportValue(v.computedScore, missing: "non rilevato"),
                v.kind == .esclusione ? .missing("escluso") : ReportValue(v.score ?? v.computedScore), ReportValue(v.reason.nonEmptyText),
                ReportValue(v.minutes),
            ]
        }
        let table = ReportTable(
            name: "Validazioni", title: "Validazioni degli obiettivi",
            columns: [
                ReportColumn("Codice", key: "codice"), ReportColumn("Obiettivo", key: "obiettivo"), ReportColumn("Decisione", key: "decisione"),
                ReportColumn("Punteggio calcolato", key: "punteggio_calcolato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
                ReportColumn("Punteggio validato", key: "punteggio_validato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
                ReportColumn("Motivazione", key: "motivazione"), ReportColumn("Verbale", key: "verbale"),
            ], rows: rows)
        return ReportSection(
            id: "validazioni", title: "Validazioni della campagna",
            blocks: rows.isEmpty ? [.note("Nessuna validazione registrata nella campagna.")] : [.table(table)])
    }
}
