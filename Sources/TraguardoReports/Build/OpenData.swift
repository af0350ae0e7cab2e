import TraguardoCore

/// The published plan and its results as open data: three flat tables (obiettivi, indicatori, unità) with stable
/// column names (schema/open-data-v1.schema.json) and DCAT-AP_IT metadata for the ente's Amministrazione
/// Trasparente and the national catalogue.
enum OpenData {
    static func build(_ ctx: ReportContext) -> ReportDocument {
        let plan = ctx.bundle.plan
        var doc = ReportDocument(
            kind: .openData, title: "Obiettivi e risultati di performance \(plan.year)", enteName: ctx.bundle.ente.name,
            subtitle: plan.title, cover: ctx.coverLines + ["Dati al \(ctx.asOf.italian)", ctx.methodologyLine],
            sections: [
                ReportSection(
                    id: "dati", title: "Tabelle", blocks: [.table(objectives(ctx)), .table(indicators(ctx)), .table(units(ctx))])
            ], generatedOn: ctx.input.generatedOn)
        doc.metadata = OpenDataMetadata(ctx, tables: doc.tables.map(\.name))
        return doc
    }

    static func scoreColumns(_ ctx: ReportContext) -> [ReportColumn] {
        [
            ReportColumn("Punteggio calcolato", key: "punteggio_calcolato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio validato", key: "punteggio_validato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio effettivo", key: "punteggio_effettivo", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
        ]
    }

    /// Scores to six decimals: the engine keeps them exact, and binary noise (55.00000000000001) helps no reader.
    static func clean(_ x: Double?) -> Double? { x.map { ($0 * 1e6).rounded() / 1e6 } }

    static func objectives(_ ctx: ReportContext) -> ReportTable {
        let columns =
            [
                ReportColumn("Identificativo", key: "id"), ReportColumn("Codice", key: "codice"), ReportColumn("Livello", key: "livello"),
                ReportColumn("Obiettivo", key: "titolo"), ReportColumn("Collegato a", key: "id_padre"),
                ReportColumn("Unità", key: "unita"), ReportColumn("Trasversale", key: "trasversale"),
                ReportColumn("Missione", key: "missione"), ReportColumn("Programma", key: "programma"),
                ReportColumn("Classificazioni", key: "classificazioni"), ReportColumn("Stato", key: "stato"),
            ] + scoreColumns(ctx)
        let rows = ctx.bundle.nodes.sorted { ($0.level, $0.order) < ($1.level, $1.order) }.map { n -> [ReportValue] in
            let s = ctx.objectiveScores[n.key]
            let r = ctx.report.node(n.key)
            return [
                .text(n.key), ReportValue(n.code), .text(n.level.rawValue), .text(n.title), ReportValue(n.parentKey),
                ReportValue(n.ownerUnitKeys.isEmpty ? nil : n.ownerUnitKeys.joined(separator: "|")), .text(n.crossCutting ? "SI" : "NO"),
                ReportValue(n.missione), ReportValue(n.programma),
                ReportValue(n.classifications.isEmpty ? nil : n.classifications.joined(separator: "|")),
                ReportValue(ctx.entry(n.key)?.status?.rawValue), ReportValue(clean(s?.computed ?? r?.computed), missing: ""),
                ReportValue(clean(s?.validated), missing: ""), ReportValue(clean(s?.effective ?? r?.score), missing: ""),
            ]
        }
        return ReportTable(name: "obiettivi", title: "Obiettivi e nodi della cascata", columns: columns, rows: rows)
    }

    static func indicators(_ ctx: ReportContext) -> ReportTable {
        let columns = [
            ReportColumn("Identificativo", key: "id"), ReportColumn("Obiettivo", key: "id_obiettivo"), ReportColumn("Indicatore", key: "nome"),
            ReportColumn("Forma", key: "forma"), ReportColumn("Direzione", key: "direzione"), ReportColumn("Unità di misura", key: "unita_misura"),
            ReportColumn("Valore di partenza", key: "valore_partenza"), ReportColumn("Obiettivo atteso", key: "valore_atteso"),
            ReportColumn("Valore rilevato", key: "valore_rilevato"),
            ReportColumn("Punteggio", key: "punteggio", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
        ]
        let explained = Dictionary(
            ctx.report.objectives.flatMap { o in ctx.report.explain(objective: o.key)?.indicators ?? [] }.map { ($0.key, $0) },
            uniquingKeysWith: { a, _ in a })
        let rows = ctx.bundle.indicators.map { x -> [ReportValue] in
            let e = explained[x.key]
            return [
                .text(x.key), .text(x.nodeKey), .text(x.name), .text(x.form.rawValue), .text(x.direction.rawValue), ReportValue(x.unit),
                ReportValue(x.baseline?.italianText), ReportValue(x.target?.italianText),
                ReportValue(ctx.value(x.nodeKey, indicator: x.key)?.actual?.italianText),
                e?.counted == true ? ReportValue(clean(e?.score), missing: "") : .missing(""),
            ]
        }
        return ReportTable(name: "indicatori", title: "Indicatori", columns: columns, rows: rows)
    }

    static func units(_ ctx: ReportContext) -> ReportTable {
        let scores = Dictionary(ctx.report.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let columns = [
            ReportColumn("Identificativo", key: "id"), ReportColumn("Codice", key: "codice"), ReportColumn("Unità", key: "nome"),
            ReportColumn("Tipo", key: "tipo"), ReportColumn("Unità superiore", key: "id_superiore"),
            ReportColumn("Obiettivi conteggiati", key: "obiettivi_conteggiati", .integer),
            ReportColumn("Punteggio calcolato", key: "punteggio_calcolato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
            ReportColumn("Punteggio validato", key: "punteggio_validato", .score, decimals: ctx.policy.decimals, rounding: ctx.policy.mode),
        ]
        let rows = ctx.bundle.units.map { u -> [ReportValue] in
            let s = scores[u.key]
            return [
                .text(u.key), ReportValue(u.code.nonEmptyText), .text(u.name), .text(u.kind.rawValue), ReportValue(u.parentKey),
                .number(Double(s?.counted ?? 0)), ReportValue(clean(s?.computed), missing: ""), ReportValue(clean(s?.score), missing: ""),
            ]
        }
        return ReportTable(name: "unita", title: "Unità organizzative", columns: columns, rows: rows)
    }
}

/// DCAT-AP_IT metadata of the dataset (JSON-LD), with one distribution per table and format.
public struct OpenDataMetadata: Sendable, Encodable {
    let json: [String: JSONValue]

    init(_ ctx: ReportContext, tables: [String]) {
        let ente = ctx.bundle.ente
        let plan = ctx.bundle.plan
        let holder: [String: JSONValue] = [
            "@type": .array([.string("foaf:Agent"), .string("dcatapit:Agent")]), "foaf:name": .string(ente.name),
            "dct:identifier": .string(ente.codiceIPA ?? ente.slug),
        ]
        let license: JSONValue = .object([
            "@type": .array([.string("dct:LicenseDocument")]), "@id": .string("https://creativecommons.org/licenses/by/4.0/"),
            "dct:type": .string("http://purl.org/adms/licencetype/Attribution"),
            "foaf:name": .string("Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)"),
        ])
        func distribution(_ title: String, _ format: String, _ media: String, _ file: String) -> JSONValue {
            .object([
                "@type": .array([.string("dcat:Distribution"), .string("dcatapit:Distribution")]), "dct:title": .string(title),
                "dcat:mediaType": .string(media), "dct:format": .string("http://publications.europa.eu/resource/authority/file-type/\(format)"),
                "dcat:downloadURL": .string(file), "dct:license": license,
            ])
        }
        // The files the exports write: one CSV per table (in the zip of `--format csv`), and the whole as one JSON.
        let distributions: [JSONValue] =
            tables.map { distribution("\($0) (CSV)", "CSV", "text/csv", TableRenderers.fileName($0) + ".csv") }
            + [distribution("Tutte le tabelle (JSON)", "JSON", "application/json", "dati-aperti.json")]
        json = [
            "@context": .object([
                "dcat": .string("http://www.w3.org/ns/dcat#"), "dct": .string("http://purl.org/dc/terms/"),
                "dcatapit": .string("http://dati.gov.it/onto/dcatapit#"), "foaf": .string("http://xmlns.com/foaf/0.1/"),
            ]),
            "@type": .array([.string("dcat:Dataset"), .string("dcatapit:Dataset")]),
            "dct:identifier": .string("\(ente.codiceIPA ?? ente.slug):performance-\(plan.key)"),
            "dct:title": .string("Obiettivi e risultati di performance \(plan.year) – \(ente.name)"),
            "dct:description": .string(
                "Obiettivi del \(plan.title), indicatori con valori di partenza, attesi e rilevati, e punteggi calcolati e validati dal Nucleo di Valutazione al \(ctx.asOf.italian)."
            ),
            "dct:publisher": .object(holder), "dct:rightsHolder": .object(holder),
            "dct:issued": .string(ctx.input.generatedOn.iso), "dct:modified": .string(ctx.input.generatedOn.iso),
            "dcat:theme": .string("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
            "dct:accrualPeriodicity": .string("http://publications.europa.eu/resource/authority/frequency/ANNUAL"),
            "dct:language": .string("http://publications.europa.eu/resource/authority/language/ITA"),
            "dct:temporal": .object([
                "@type": .string("dct:PeriodOfTime"), "dcat:startDate": .string("\(plan.year)-01-01"), "dcat:endDate": .string("\(plan.year)-12-31"),
            ]),
            "dcat:keyword": .array(["performance", "PIAO", "obiettivi", "Nucleo di Valutazione"].map(JSONValue.string)),
            "dct:conformsTo": .string("https://traguardo.app/schema/open-data-v1.schema.json"),
            "dcat:distribution": .array(distributions),
        ]
    }

    public func encode(to encoder: any Encoder) throws { try JSONValue.object(json).encode(to: encoder) }
}

/// A JSON value for documents whose shape is fixed by a standard rather than by a Swift type.
enum JSONValue: Sendable, Encodable {
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
