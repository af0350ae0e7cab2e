import Foundation
import Testing
import TraguardoCore
import TraguardoReports
import TraguardoSpreadsheet
import VaporTesting

@testable import TraguardoWeb

/// The documents from the browser: the list, each download with the role rules (a lettore gets published documents
/// only), the act approving the Relazione, and the ente's layout changing what is printed.
@Suite("Documents in the browser")
struct DocumentDownloadTests {
    @Test func downloadsFollowTheRoleRulesAndTheRecordedChoices() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            _ = try await Fixture.openCampaign("30-06", asOf: Day(year: 2024, month: 6, day: 30)!, on: app, enteID: fixture.alfaID)
            let base = "/enti/alfa/piani/P-2024/documenti"
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let page = try await segretario.send(.GET, base)
            #expect(page.status == .ok)
            for kind in ReportKind.allCases { #expect(page.body.string.contains("id=\"doc-\(kind.rawValue)\"")) }

            let html = try await segretario.send(.GET, base + "/monitoring?formato=html&campagna=30-06")
            #expect(html.status == .ok)
            #expect(html.headers.first(name: .contentDisposition)?.hasPrefix("inline; filename=\"monitoraggio-alfa-2024-30-06.html\"") == true)
            #expect(html.body.string.contains("Stato di attuazione degli obiettivi al 30/06/2024"))
            #expect(html.body.string.contains("Digitalizzare gli atti"))
            let xlsx = try await segretario.send(.GET, base + "/monitoring?formato=xlsx&campagna=30-06")
            let sheets = try SpreadsheetFile.read(Data(xlsx.body.readableBytesView), as: .xlsx)
            #expect(sheets.contains { $0.name == "Unità" })
            let csv = try await segretario.send(.GET, base + "/cdr-sheets?formato=csv&campagna=30-06")
            #expect(csv.status == .ok)
            let unknown = try await segretario.send(.GET, base + "/monitoring?formato=docx")
            #expect(unknown.status == .badRequest)

            // The act approving the Relazione: a wrong date is named, a right one is printed on the cover.
            let refused = try await segretario.send(
                .POST, base + "/approvazione-relazione", form: ["organ": "Giunta comunale", "date": "31/02/2025"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("«Data»: «31/02/2025» non è una data"))
            let recorded = try await segretario.send(
                .POST, base + "/approvazione-relazione",
                form: [
                    "organ": "Giunta comunale", "number": "60", "date": "21/12/2025", "technical": "Vitali", "accounting": "Biella",
                    "favourable": "4", "immediate": "1", "publishedOn": "11/01/2026", "days": "15",
                ])
            #expect(recorded.status == .seeOther)
            let relazione = try await segretario.send(.GET, base + "/relazione?formato=html&campagna=30-06")
            #expect(relazione.body.string.contains("Approvata con Deliberazione della Giunta comunale n. 60 del 21/12/2025"))
            #expect(relazione.body.string.contains("all&#39;unanimità (4 favorevoli)"))
            #expect(relazione.body.string.contains("dal 11/01/2026 per 15 giorni consecutivi (fino al 25/01/2026)"))

            // The ente's layout: a signature printed, a section left out.
            _ = try await segretario.send(.GET, "/enti/alfa/impaginazione")
            let saved = try await segretario.upload(
                "/enti/alfa/impaginazione", file: Data(), filename: "",
                fields: [
                    "signatures": "Il Segretario comunale | Dott.ssa Anna Neri", "hidden[premessa]": "1", "fields[indicatori]": "1",
                    "crossCuttingFirst": "1",
                ])
            #expect(saved.status == .seeOther)
            let laidOut = try await segretario.send(.GET, base + "/monitoring?formato=html&campagna=30-06")
            #expect(laidOut.body.string.contains("Dott.ssa Anna Neri"))
            #expect(!laidOut.body.string.contains("id=\"premessa\""))
            let badLogo = try await segretario.upload(
                "/enti/alfa/impaginazione", file: Data("<svg/>".utf8), filename: "stemma.svg", fileField: "logo")
            #expect(badLogo.status == .unprocessableEntity)
            #expect(badLogo.body.string.contains("non è un&#39;immagine PNG o JPEG"))
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 32))
            let logo = try await segretario.upload(
                "/enti/alfa/impaginazione", file: png, filename: "stemma.png",
                fields: ["signatures": "Il Segretario comunale | Dott.ssa Anna Neri"], fileField: "logo")
            #expect(logo.status == .seeOther)
            let withLogo = try await segretario.send(.GET, base + "/piao-performance?formato=html")
            #expect(withLogo.body.string.contains("<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgo"))

            // A lettore: the PIAO section of the approved plan, not the working documents.
            var lettore = Client(app: app)
            _ = try await lettore.login("lettore")
            let listed = try await lettore.send(.GET, base)
            #expect(listed.body.string.contains("id=\"doc-piao-performance\""))
            #expect(!listed.body.string.contains("id=\"doc-monitoring\""))
            #expect(try await lettore.send(.GET, base + "/piao-performance?formato=html").status == .ok)
            let denied = try await lettore.send(.GET, base + "/monitoring?formato=html&campagna=30-06")
            #expect(denied.status == .forbidden)
            #expect(try await lettore.send(.POST, base + "/approvazione-relazione", form: ["organ": "x"]).status == .forbidden)

            // PDF when a renderer is installed (CI installs Chromium); otherwise the Italian message, and 503.
            let pdf = try await segretario.send(.GET, base + "/cdr-sheets?formato=pdf&campagna=30-06")
            if DocumentsController.pdf != nil {
                #expect(pdf.status == .ok)
                #expect(pdf.body.string.hasPrefix("%PDF"))
            } else {
                #expect(pdf.status == .serviceUnavailable)
            }
        }
    }
}
