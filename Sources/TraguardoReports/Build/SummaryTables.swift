import TraguardoCore

/// The summary tables of the monitoring report and the Relazione: units, reporting groups, the strategic cascade
/// and the ente, each with the computed (consuntivo) and validated means side by side.
enum SummaryTables {
    static func scoreColumns(_ ctx: ReportContext) -> [ReportColumn] {
        [
            ReportColumn("Obiettivi conteggiati", key: "obiettivi_conteggiati", .integer),
            ReportColumn("Obiettivi considerati", key: "obiettivi_considerati", .integer),
            ReportColumn(
                "Punteggio calcolato (consuntivo)", key: "punteggio_calcolato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio validato", key: "punteggio_validato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
        ]
    }

    static func rollUpRow(_ r: ScoreReport.RollUpScore) -> [ReportValue] {
        [.number(Double(r.counted)), .number(Double(r.total)), ReportValue(r.computed), ReportValue(r.score)]
    }

    static func units(_ ctx: ReportContext) -> ReportTable {
        let byKey = Dictionary(ctx.report.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let units = ctx.layout.arrange(ctx.bundle.units).filter { byKey[$0.key].map { $0.total > 0 } ?? false }
        let rows = units.map { u -> [ReportValue] in
            [.text(u.displayName), ReportValue(ctx.holder(of: u.key))] + rollUpRow(byKey[u.key]!)
        }
        let ente = ctx.report.ente
        let total = verifiedMean(
            label: "Media dei servizi", rows: rows, columns: [4: ente.unitsMeanComputed, 5: ente.unitsMean], decimals: ctx.policy)
        return ReportTable(
            name: "Unità", title: "Punteggio per unità organizzativa",
            columns: [ReportColumn("Unità", key: "unita"), ReportColumn("Responsabile", key: "responsabile")] + scoreColumns(ctx), rows: rows,
            total: total)
    }

    static func groups(_ ctx: ReportContext) -> ReportTable? {
        let groups = ctx.report.groups
        guard !groups.isEmpty else { return nil }
        return ReportTable(
            name: "Raggruppamenti", title: "Punteggio per raggruppamento del prospetto",
            columns: [ReportColumn("Raggruppamento", key: "raggruppamento")] + scoreColumns(ctx),
            rows: groups.map { [.text($0.name)] + rollUpRow($0) })
    }

    /// One table per level of the cascade above the objectives (obiettivi strategici, indirizzi…): the controllo strategico.
    static func cascade(_ ctx: ReportContext) -> [ReportTable] {
        let scores = Dictionary(ctx.report.nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return ctx.bundle.plan.levels.compactMap { level -> ReportTable? in
            let nodes = ctx.bundle.nodes.filter { $0.level == level && scores[$0.key] != nil }.sorted { $0.order < $1.order }
            guard !nodes.isEmpty else { return nil }
            let rows = nodes.map { n in [ReportValue([n.code, n.title].compactMap { $0 }.joined(separator: " – "))] + rollUpRow(scores[n.key]!) }
            return ReportTable(
                name: level.pluralLabel, title: "Punteggio per \(level.label.lowercased())",
                columns: [ReportColumn(level.label, key: "nodo")] + scoreColumns(ctx), rows: rows)
        }
    }

    /// The ente's two means, with both columns.
    static func ente(_ ctx: ReportContext) -> [Fact] {
        let e = ctx.report.ente
        func both(_ computed: Double?, _ validated: Double?) -> String {
            guard computed != nil || validated != nil else { return "non rilevato" }
            return "\(ctx.score(computed)) calcolato · \(ctx.score(validated)) validato"
        }
        return [
            Fact("Media degli obiettivi dell'ente (\(e.objectivesCounted) conteggiati)", both(e.objectivesMeanComputed, e.objectivesMean)),
            Fact("Media dei servizi (\(e.unitsCounted) unità)", both(e.unitsMeanComputed, e.unitsMean)),
        ]
    }

    /// Every objective with its two scores: the table behind the cards, one row each.
    static func objectives(_ ctx: ReportContext) -> ReportTable {
        let columns = [
            ReportColumn("Codice", key: "codice"), ReportColumn("Obiettivo", key: "obiettivo"), ReportColumn("Unità", key: "unita"),
            ReportColumn("Stato", key: "stato"),
            ReportColumn(
                "Punteggio calcolato (consuntivo)", key: "punteggio_calcolato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio validato", key: "punteggio_validato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio effettivo", key: "punteggio_effettivo", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Nota del Nucleo", key: "nota_nucleo"),
        ]
        let units = Dictionary(ctx.bundle.units.map { ($0.key, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let rows = ctx.objectivesByUnit().flatMap(\.objectives).map { n -> [ReportValue] in
            let s = ctx.objectiveScores[n.key]
            let missing = s?.outcome == .notReported ? "non rilevato" : "escluso"
            return [
                ReportValue(n.code), .text(n.title), ReportValue(ctx.homeUnit(of: n).flatMap { units[$0] }),
                ReportValue(ctx.entry(n.key)?.status?.label), ReportValue(s?.computed, missing: missing),
                ReportValue(s?.validated, missing: ""), ReportValue(s?.effective, missing: missing),
                ReportValue(ctx.decisions[n.key]?.reason.nonEmptyText),
            ]
        }
        return ReportTable(name: "Obiettivi", title: "Punteggio per obiettivo", columns: columns, rows: rows)
    }

    /// A mean row whose formula is given only where AVERAGE over the printed cells gives the engine's figure: a
    /// weighted mean, or one over values the table does not show, keeps its value without a formula.
    static func verifiedMean(label: String, rows: [[ReportValue]], columns: [Int: Double?], decimals policy: RoundingPolicy)
        -> ReportTotal
    {
        let roundTo = policy.when == .display ? nil : policy.decimals
        let cells = columns.keys.sorted().map { c -> ReportTotal.Cell in
            let engine = columns[c]!
            let printed = rows.compactMap { $0[c].number }
            guard let engine, !printed.isEmpty else { return .init(column: c, value: ReportValue(engine)) }
            let mean = printed.reduce(0, +) / Double(printed.count)
            let recomputed = roundTo.map { Rounding.halfUp(mean, decimals: $0) } ?? mean
            let same = abs(recomputed - engine) < 1e-9 && (roundTo == nil || policy.mode == .halfUp)
            return .init(column: c, value: .number(engine), formula: same ? .average : nil)
        }
        return ReportTotal(label: label, cells: cells, roundTo: roundTo)
    }
}

extension String {
    var nonEmptyText: String? { isEmpty ? nil : self }
}
