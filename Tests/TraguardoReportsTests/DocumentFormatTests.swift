import Foundation
import Testing
import TraguardoCore
import TraguardoSpreadsheet

@testable import TraguardoReports

/// Every kind of document for every demo ente renders in every format but PDF (which needs a program; the
/// script tests run it), and the formats agree with each other and with the engine.
@Suite("Documents in every format")
struct DocumentFormatTests {
    @Test(arguments: Demo.slugs)
    func everyKindRendersInEveryFormat(slug: String) async throws {
        let input = try Demo.input(slug)
        for kind in ReportKind.allCases {
            let doc = ReportGenerator.document(kind, input)
            #expect(!doc.sections.isEmpty, "\(kind) of \(slug) has sections")
            for format in ReportFormat.allCases where format != .pdf {
                let out = try await ReportGenerator.render(doc, as: format)
                #expect(!out.data.isEmpty, "\(kind) \(format) of \(slug)")
            }
            let json = try JSONSerialization.jsonObject(with: try TableRenderers.json(doc)) as? [String: Any]
            #expect(json?["tipo"] as? String == kind.rawValue)
        }
    }

    @Test func thePIAOSectionHasACardPerObjectiveWithItsIndicators() throws {
        let input = try Demo.input("cassano-d-adda")
        let doc = ReportGenerator.document(.piaoPerformance, input)
        let cards = Demo.sections(doc).filter(\.keepTogether)
        let objectives = ScoringEngine.score(ScoringInput(bundle: input.bundle, methodology: input.methodology)).objectives
        #expect(cards.count == objectives.count)
        let html = HTMLRenderer.render(doc)
        for o in objectives { #expect(html.contains(HTMLRenderer.esc(o.title))) }
        // The strategy map counts each level.
        let map = try #require(doc.tables.first { $0.name == "Mappa strategica" })
        #expect(map.total?.cells.first?.value == .number(Double(input.bundle.nodes.count)))
    }

    @Test func csvDialects() throws {
        let doc = ReportGenerator.document(.cdrSheets, try Demo.input("unione-bellusco-mezzago"))
        let table = doc.tables[0]
        let italian = TableRenderers.csv(table, dialect: .italian)
        #expect(italian.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: italian.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("N.;Obiettivo;Grado di raggiungimento;"))
        #expect(text.contains(";98;98;"), "decimal comma, no thousands separator, no padding zeros")
        let rfc = String(decoding: TableRenderers.csv(table, dialect: .rfc4180), as: UTF8.self)
        #expect(rfc.hasPrefix("N.,Obiettivo,Grado di raggiungimento,"))
        // Text that a spreadsheet would run as a formula is quoted in the dialect meant for spreadsheets.
        let risky = ReportTable(
            name: "T", title: "T", columns: [ReportColumn("Obiettivo", key: "o")], rows: [[.text("=HYPERLINK(\"x\")")], [.text("-2 giorni")]])
        let guarded = String(decoding: TableRenderers.csv(risky, dialect: .italian).dropFirst(3), as: UTF8.self)
        #expect(guarded == "Obiettivo\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'-2 giorni\r\n")
        // Several tables come as a zip of one CSV each.
        let (zip, isZip) = try TableRenderers.csv(doc, dialect: .italian)
        #expect(isZip)
        #expect(try ZipArchive.read(zip).keys.count == doc.tables.count)
    }

    @Test func textIsEscapedEverywhere() throws {
        var input = try Demo.input("pisogne")
        input.bundle.nodes[input.bundle.nodes.count - 1].title = "<script>alert(1)</script> & «virgolette»"
        input.bundle.ente.name = "Comune \"di\" </style><b>"
        for kind in [ReportKind.piaoPerformance, .monitoring] {
            let html = HTMLRenderer.render(ReportGenerator.document(kind, input))
            #expect(!html.contains("<script>"))
            #expect(!html.contains("</style><b>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «virgolette»"))
        }
    }

    /// A plan without any value shows no score: "non rilevato" in the page, text (not 0) in the spreadsheet.
    @Test func aPlanWithoutValuesShowsNoScore() throws {
        let doc = ReportGenerator.document(.monitoring, try Demo.input("pisogne"))
        let units = try #require(doc.tables.first { $0.name == "Unità" })
        #expect(units.rows.allSatisfy { $0[4] == .missing("non rilevato") && $0[5] == .missing("non rilevato") })
        #expect(units.total?.cells.allSatisfy { $0.value == .missing("non rilevato") } == true)
        let sheet = TableRenderers.sheet(units)
        #expect(sheet.rows[1][4] == .text("non rilevato"))
        #expect(!HTMLRenderer.render(doc).contains(">0,00<"))
    }

    @Test func theLayoutOrdersUnitsHidesSectionsAndChoosesCardFields() throws {
        let bundle = try Demo.bundle("cassano-d-adda")
        let last = try #require(bundle.units.last?.key)
        let layout = ReportLayout(
            cardFields: [.indicators], unitOrder: [last], hiddenSections: ["premessa"], texts: [:],
            signatures: [Signature(role: "Il Segretario generale", name: "Dott.ssa Rossi")])
        let doc = ReportGenerator.document(.monitoring, try Demo.input("cassano-d-adda", layout: layout))
        #expect(!doc.sections.contains { $0.id == "premessa" })
        let units = try #require(doc.tables.first { $0.name == "Unità" })
        #expect(units.rows.first?[0] == .text(bundle.units.last!.displayName))
        let cards = Demo.sections(doc).filter(\.keepTogether)
        #expect(
            cards.allSatisfy { card in !card.blocks.contains { if case .facts(let f) = $0 { f.contains { $0.label == "Codice" } } else { false } } })
        #expect(HTMLRenderer.render(doc).contains("Dott.ssa Rossi"))
    }

    @Test func chartsDrawMissingValuesAsNotMeasured() {
        let chart = ReportChart(
            id: "c", title: "Prova", kind: .bars, categories: ["A", "B"], series: [.init(name: "Calcolato", values: [80, nil])], maximum: 100)
        let svg = SVGChart.render(chart)
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"c-titolo\">Prova</title>"))
        #expect(svg.contains("non rilevato"))
        #expect(svg.components(separatedBy: "<rect").count == 3, "one legend swatch and one bar: no zero-length bar for B")
    }

    @Test func openDataCarriesDCATAPITMetadata() throws {
        let doc = ReportGenerator.document(.openData, try Demo.input("unione-bellusco-mezzago"))
        let json = try #require(try JSONSerialization.jsonObject(with: TableRenderers.json(doc)) as? [String: Any])
        let meta = try #require(json["metadati"] as? [String: Any])
        #expect((meta["@type"] as? [String])?.contains("dcatapit:Dataset") == true)
        let files = (meta["dcat:distribution"] as? [[String: Any]])?.compactMap { $0["dcat:downloadURL"] as? String }
        #expect(files == ["obiettivi.csv", "indicatori.csv", "unita.csv", "dati-aperti.json"])
        let (zip, _) = try TableRenderers.csv(doc, dialect: .rfc4180)
        #expect(
            Set(try ZipArchive.read(zip).keys) == ["obiettivi.csv", "indicatori.csv", "unita.csv", "dati-aperti.json", "metadati-dcat-ap-it.jsonld"])
        let tables = try #require(json["tabelle"] as? [[String: Any]])
        #expect(tables.map { $0["nome"] as? String } == ["obiettivi", "indicatori", "unita"])
    }
}
