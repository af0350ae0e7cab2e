import TraguardoCore

/// One evaluation sheet per centro di responsabilità: its objectives (trasversali first when the layout says so),
/// each with the grade that counts and the Nucleo's note, the ones left out with why, the number of rows and the
/// "percentuale di raggiungimento complessiva", which is the unit's score of the engine.
enum CdRSheets {
    static func build(_ ctx: ReportContext) -> ReportDocument {
        ReportDocument(
            kind: .cdrSheets, title: "Schede di valutazione dei centri di responsabilità", enteName: ctx.bundle.ente.name,
            subtitle: "Risultati al \(ctx.asOf.italian)", cover: ctx.coverLines + [ctx.methodologyLine], sections: ctx.layout.arrange(sheets(ctx)),
            signatures: ctx.layout.signatures, generatedOn: ctx.input.generatedOn)
    }

    static func sheets(_ ctx: ReportContext) -> [ReportSection] {
        let scores = Dictionary(ctx.report.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return ctx.layout.arrange(ctx.bundle.units).compactMap { unit in
            guard let score = scores[unit.key], score.total > 0, let explanation = ctx.report.explain(unit: unit.key) else { return nil }
            return sheet(unit, score: score, explanation: explanation, ctx)
        }
    }

    static func sheet(_ unit: OrgUnit, score: ScoreReport.RollUpScore, explanation: RollUpExplanation, _ ctx: ReportContext) -> ReportSection {
        let asPercent = ctx.layout.scoresAsPercent
        let decimals = ctx.policy.decimals
        // Objectives outside the year's horizon are not on the sheet: they are not due this year.
        var items = (explanation.counted.map { ($0, true) } + explanation.excluded.map { ($0, false) })
            .filter { ctx.objectiveScores[$0.0.key]?.outcome != .excludedHorizon && !startsLater($0.0.key, ctx) }
            .filter { ctx.layout.cdrListsNucleoExclusions || listed($0.0.key, ctx) }
        let order = Dictionary(ctx.objectives.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        items.sort { a, b in
            let sa = ctx.layout.crossCuttingFirst && (ctx.nodes[a.0.key]?.crossCutting ?? false)
            let sb = ctx.layout.crossCuttingFirst && (ctx.nodes[b.0.key]?.crossCutting ?? false)
            return (sa ? 0 : 1, order[a.0.key] ?? 0) < (sb ? 0 : 1, order[b.0.key] ?? 0)
        }
        let columns = [
            ReportColumn("N.", key: "numero", .integer), ReportColumn("Obiettivo", key: "obiettivo"),
            ReportColumn("Grado di raggiungimento", key: "grado", .score, decimals: decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio calcolato (consuntivo)", key: "punteggio_calcolato", .score, decimals: decimals, rounding: ctx.policy.mode),
            ReportColumn("Stato e nota del Nucleo", key: "nota"),
        ]
        let rows = items.enumerated().map { i, item -> [ReportValue] in
            let (entry, counted) = item
            let node = ctx.nodes[entry.key]
            let shared = node?.crossCutting == true ? " OBIETTIVO TRASVERSALE" : ""
            let objective = ctx.objectiveScores[entry.key]
            return [
                .number(Double(i + 1)), .text(entry.title + shared),
                counted ? ReportValue(entry.value) : .missing(""),
                objective?.outcome == .notReported ? .missing("non rilevato") : ReportValue(objective?.computed, missing: ""),
                ReportValue(note(entry, counted: counted, ctx)),
            ]
        }
        let percentColumn =
            asPercent ? ReportColumn("Percentuale", key: "percentuale", .percent, decimals: decimals, rounding: ctx.policy.mode) : columns[2]
        var total = SummaryTables.verifiedMean(
            label: "PERCENTUALE DI RAGGIUNGIMENTO COMPLESSIVA", rows: rows, columns: [2: score.score], decimals: ctx.policy)
        total.cells = total.cells.map { c in
            var c = c
            c.value = score.score.map(ReportValue.number) ?? .missing("non rilevato")
            c.asPercent = asPercent
            return c
        }
        var facts = [Fact("Centro di responsabilità", unit.displayName)]
        if let holder = ctx.holder(of: unit.key) { facts.append(Fact("Responsabile", holder)) }
        facts.append(Fact("Obiettivi nella scheda", String(rows.count)))
        facts.append(
            Fact(
                "Percentuale di raggiungimento complessiva",
                score.score.map { ReportValue.number($0).italian(percentColumn) } ?? "non rilevata"))
        if score.computed != score.score {
            facts.append(Fact("Media dei punteggi calcolati (prima del Nucleo)", ReportValue(score.computed).italian(percentColumn)))
        }
        var blocks: [ReportBlock] = [.facts(facts)]
        blocks.append(
            .table(
                ReportTable(name: "CdR \(unit.code.isEmpty ? unit.name : unit.code)", title: "Obiettivi", columns: columns, rows: rows, total: total))
        )
        if let note = ctx.layout.texts["cdr.nota"] { blocks.append(.paragraph(note)) }
        return ReportSection(id: "cdr-\(unit.key)", title: "Scheda di valutazione – \(unit.displayName)", blocks: blocks, pageBreakBefore: true)
    }

    /// An objective whose horizon starts after the evaluated year is not due in it, however it was left out.
    static func startsLater(_ key: String, _ ctx: ReportContext) -> Bool {
        guard let first = ctx.nodes[key]?.horizon?.firstYear else { return false }
        return first > ctx.bundle.plan.year
    }

    /// Whether a sheet that leaves off the Nucleo's exclusions keeps this objective: yes unless the Nucleo excluded
    /// it and its owner declared no status that excludes it (a RINVIATO or NON VALUTABILE objective stays, blank).
    static func listed(_ key: String, _ ctx: ReportContext) -> Bool {
        guard ctx.objectiveScores[key]?.outcome == .excludedByDecision else { return true }
        return ctx.entry(key)?.status?.needsReason == true
    }

    /// Status and reason of a row left out, or the Nucleo's note of a counted one.
    static func note(_ item: RollUpExplanation.Item, counted: Bool, _ ctx: ReportContext) -> String? {
        let entry = ctx.entry(item.key)
        var parts: [String] = []
        if let status = entry?.status, !counted || status != .inLinea { parts.append(status.label.uppercased()) }
        if let reason = entry?.statusReason, !reason.isEmpty { parts.append(reason) }
        if let decision = ctx.decisions[item.key], !decision.reason.isEmpty { parts.append(decision.reason) }
        if !counted, parts.isEmpty, let why = item.note { parts.append(why) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
