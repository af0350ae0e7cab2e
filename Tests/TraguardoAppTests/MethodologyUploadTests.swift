import Foundation
import Testing
import TraguardoCore
import VaporTesting

@testable import TraguardoWeb

/// The methodology as a file in the browser: download the one in force, upload an edited copy as a dry run (the
/// scores that would move, nothing adopted), a broken one (refused by rule path) and adopt it; the versions list
/// shows what each version changed.
@Suite("Methodology files in the browser")
struct MethodologyUploadTests {
    @Test func downloadDryRunRefuseAndAdopt() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let page = "/enti/alfa/metodologia?anno=2024"
            _ = try await segretario.send(.GET, page)
            let download = try await segretario.send(.GET, "/enti/alfa/metodologia/file?anno=2024")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.contains("metodologia-alfa-2024.json") == true)
            let original = download.body.string
            #expect(MethodologyFile.check(Data(original.utf8)).methodology?.id == "generale")

            let edited = original.replacingOccurrences(of: "\"lateStep\" : \"mezzo-mese\"", with: "\"lateStep\" : \"mesi-e-mezzo\"")
            let dry = try await segretario.upload(
                "/enti/alfa/metodologia/carica?anno=2024", file: Data(edited.utf8), filename: "smvp.json", fields: ["dryRun": "1"])
            #expect(dry.status == .ok)
            #expect(dry.body.string.contains("Prova con il file «smvp.json»"))
            #expect(dry.body.string.contains("Anteprima con «Metodologia generale Traguardo»"))
            #expect(try await app.store.methodologyHistory(enteID: fixture.alfaID).isEmpty, "a dry run adopts nothing")

            let broken = edited.replacingOccurrences(of: "\"monthsToZero\" : 12", with: "\"monthsToZero\" : 0")
            let refused = try await segretario.upload("/enti/alfa/metodologia/carica?anno=2024", file: Data(broken.utf8), filename: "rotta.json")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("errore: indicators.date.monthsToZero"))
            #expect(refused.body.string.contains("nulla è stato adottato"))

            for file in [original, edited] {
                let adopted = try await segretario.upload("/enti/alfa/metodologia/carica?anno=2024", file: Data(file.utf8), filename: "smvp.json")
                #expect(adopted.status == .seeOther)
                _ = try await segretario.send(.GET, page)
            }
            let history = try await segretario.send(.GET, page)
            #expect(history.body.string.contains("+ &quot;lateStep&quot; : &quot;mesi-e-mezzo&quot;,"))
            #expect(try await app.store.methodology(enteID: fixture.alfaID, year: 2024).methodology.indicators.date.lateStep == .monthsAndHalf)

            // The same JSON edited in the page's editor: a typo keeps the text and names the place; a valid edit adopts.
            let typo = try await segretario.upload(
                "/enti/alfa/metodologia/carica?anno=2024", file: Data(), filename: "", fields: ["text": "{\"id\": \"x\",", "dryRun": "1"])
            #expect(typo.status == .unprocessableEntity)
            #expect(typo.body.string.contains("Il testo modificato nella pagina non è una metodologia utilizzabile"))
            #expect(typo.body.string.contains("{&quot;id&quot;: &quot;x&quot;,</textarea>"), "the editor keeps what was typed")
            let typed = edited.replacingOccurrences(of: "\"decimals\" : 2", with: "\"decimals\" : 3")
            #expect(typed != edited)
            let viaEditor = try await segretario.upload(
                "/enti/alfa/metodologia/carica?anno=2024", file: Data(), filename: "", fields: ["text": typed])
            #expect(viaEditor.status == .seeOther)
            #expect(try await app.store.methodology(enteID: fixture.alfaID, year: 2024).methodology.rounding.decimals == 3)

            // A reader downloads the file but may not upload one.
            var reader = Client(app: app)
            _ = try await reader.login("lettore")
            #expect(try await reader.send(.GET, "/enti/alfa/metodologia/file?anno=2024").status == .ok)
            _ = try await reader.send(.GET, page)
            let denied = try await reader.upload("/enti/alfa/metodologia/carica?anno=2024", file: Data(edited.utf8), filename: "smvp.json")
            #expect(denied.status == .forbidden)
        }
    }
}
