import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import VaporTesting

@testable import TraguardoWeb

@Suite("Uploading a plan in the browser")
struct ImportUploadTests {
    static func seedData(_ slug: String) throws -> Data {
        try Data(contentsOf: try #require(DemoInstaller.bundledFiles().first { $0.lastPathComponent == "\(slug).json" }))
    }

    @Test func dryRunReportsThenTheRealImportWrites() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            _ = try await s.send(.GET, "/enti/alfa/importa")
            let dry = try await s.upload(
                "/enti/alfa/importa", file: try Self.seedData("leggiuno"), filename: "leggiuno.json", fields: ["dryRun": "1"])
            #expect(dry.status == .ok)
            #expect(dry.body.string.contains("Prova: l&#39;importazione farebbe") || dry.body.string.contains("Prova: l'importazione farebbe"))
            #expect(dry.body.string.contains("Unità: 3 nuove, 2 già presenti"), "U-01 and U-02 already exist in alfa")
            #expect(try await PlanStore.plans(enteID: fixture.alfaID, on: app.db).count == 1, "a dry run writes nothing")
            let real = try await s.upload("/enti/alfa/importa", file: try Self.seedData("leggiuno"), filename: "leggiuno.json")
            #expect(real.status == .seeOther)
            #expect(try await PlanStore.plans(enteID: fixture.alfaID, on: app.db).count == 2)
        }
    }

    @Test func aBadFileListsItsProblemsAndWritesNothing() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            _ = try await s.send(.GET, "/enti/alfa/importa")
            var bundle = try BundleImporter.decode(try Self.seedData("pisogne"))
            bundle.nodes[0].parentKey = "NON-ESISTE"
            let data = try JSONEncoder().encode(bundle)
            let response = try await s.upload("/enti/alfa/importa", file: data, filename: "pisogne.json")
            #expect(response.status == .unprocessableEntity)
            #expect(
                response.body.string.contains("nodes[0].parentKey: nodo &quot;NON-ESISTE&quot; inesistente")
                    || response.body.string.contains("nodes[0].parentKey: nodo \"NON-ESISTE\" inesistente"))
            let other = try await s.upload("/enti/alfa/importa", file: Data("ciao".utf8), filename: "piano.txt")
            #expect(other.body.string.contains("formato non supportato"))
            #expect(try await PlanStore.plans(enteID: fixture.alfaID, on: app.db).count == 1)
        }
    }
}

@Suite("Spreadsheets in the browser")
struct SpreadsheetUploadTests {
    @Test func theTemplateFilledInImportsAndTheExportReadsBack() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            let template = try await s.send(.GET, "/enti/alfa/modello?formato=xlsx")
            #expect(template.status == .ok)
            #expect(template.headers.first(name: .contentDisposition)?.contains("modello-piano-alfa.xlsx") == true)
            let seed = try BundleImporter.decode(try ImportUploadTests.seedData("cassano-d-adda"))
            let workbook = try PlanWorkbook.write(seed, as: .xlsx)
            _ = try await s.send(.GET, "/enti/alfa/importa")
            let upload = try await s.upload("/enti/alfa/importa", file: workbook, filename: "cassano.xlsx")
            #expect(upload.status == .seeOther)
            let download = try await s.send(.GET, "/enti/alfa/piani/PIAO-2024-2026/esporta?formato=ods")
            #expect(download.status == .ok)
            let back = try PlanWorkbook.read(Data(download.body.readableBytesView), as: .ods)
            #expect(back.nodes == seed.nodes)
            #expect(back.indicators == seed.indicators)
            #expect(back.plan == seed.plan)
        }
    }

    @Test func aBadCellIsReportedWithSheetRowAndColumn() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            var seed = try BundleImporter.decode(try ImportUploadTests.seedData("leggiuno"))
            seed.nodes[0].ownerUnitKeys = ["U-99"]
            let workbook = try PlanWorkbook.write(seed, as: .xlsx)
            _ = try await s.send(.GET, "/enti/alfa/importa")
            let response = try await s.upload("/enti/alfa/importa", file: workbook, filename: "leggiuno.xlsx")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Foglio &quot;Nodi&quot;, riga 2") || response.body.string.contains("Foglio \"Nodi\", riga 2"))
            #expect(try await PlanStore.plans(enteID: fixture.alfaID, on: app.db).count == 1)
        }
    }
}
