import TraguardoCore

/// PIAO sottosezione 2.2 Performance: introduction, the strategy map with counts per level, and one card per
/// objective grouped as the ente orders them (trasversali first, then by unit).
enum PiaoPerformance {
    static func build(_ ctx: ReportContext) -> ReportDocument {
        let plan = ctx.bundle.plan
        var sections = [
            ReportSection(
                id: "introduzione", title: "Introduzione",
                blocks: [
                    .paragraph(
                        ctx.text(
                            "piao.introduzione",
                            default:
                                "La sottosezione 2.2 del Piano Integrato di Attività e Organizzazione (art. 6 D.L. 80/2021; art. 3 DM 132/2022) programma gli obiettivi di performance dell'ente per il triennio \(plan.firstYear)–\(plan.lastYear), in coerenza con il Documento Unico di Programmazione. Per ciascun obiettivo sono indicati le unità responsabili, gli indicatori con il valore di partenza e il valore atteso, le fasi e il personale coinvolto."
                        ))
                ])
        ]
        sections.append(strategyMap(ctx))
        let groups = ctx.objectivesByUnit().map { g in
            ReportSection(
                id: g.id, title: g.title,
                blocks: g.objectives.map { .section(ObjectiveCards.card($0, in: ctx, results: false)) }, pageBreakBefore: true)
        }
        sections.append(ReportSection(id: "obiettivi", title: "Obiettivi di performance", blocks: groups.map(ReportBlock.section)))
        return ReportDocument(
            kind: .piaoPerformance, title: "PIAO \(plan.firstYear)–\(plan.lastYear) – Sottosezione 2.2 Performance",
            enteName: ctx.bundle.ente.name, subtitle: plan.title, cover: ctx.coverLines, sections: ctx.layout.arrange(sections),
            signatures: ctx.layout.signatures, generatedOn: ctx.input.generatedOn)
    }

    /// Counts per level and the cascade as an outline (linee/indirizzi → obiettivi strategici → operativi → obiettivi).
    static func strategyMap(_ ctx: ReportContext) -> ReportSection {
        let levels = ctx.bundle.plan.levels.filter { l in ctx.bundle.nodes.contains { $0.level == l } }
        let counts = ReportTable(
            name: "Mappa strategica", title: "Nodi per livello della cascata",
            columns: [ReportColumn("Livello", key: "livello"), ReportColumn("Numero", key: "numero", .integer)],
            rows: levels.map { l in [.text(l.pluralLabel), .number(Double(ctx.bundle.nodes.filter { $0.level == l }.count))] },
            total: ReportTotal(label: "Totale", cells: [.init(column: 1, value: .number(Double(ctx.bundle.nodes.count)), formula: .sum)]))
        var outline: [[ReportValue]] = []
        func walk(_ node: PlanNode, depth: Int) {
            outline.append([
                .text(node.level.label),
                .text(String(repeating: "    ", count: depth) + [node.code, node.title].compactMap { $0 }.joined(separator: " – ")),
                .number(Double(ctx.children[node.key]?.count ?? 0)),
            ])
            for child in ctx.children[node.key] ?? [] { walk(child, depth: depth + 1) }
        }
        for root in ctx.bundle.nodes.filter({ $0.parentKey == nil }).sorted(by: { $0.order < $1.order }) { walk(root, depth: 0) }
        let tree = ReportTable(
            name: "Cascata", title: "La cascata degli obiettivi",
            columns: [ReportColumn("Livello", key: "livello"), ReportColumn("Nodo", key: "nodo"), ReportColumn("Figli", key: "figli", .integer)],
            rows: outline)
        return ReportSection(id: "mappa", title: "Mappa strategica", blocks: [.table(counts), .table(tree)], pageBreakBefore: true)
    }
}
