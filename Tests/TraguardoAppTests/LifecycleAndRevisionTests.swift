import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

@Suite("Plan lifecycle, shared scores and the ente revision")
struct LifecycleAndRevisionTests {
    @Test func anApprovedPlanCannotBePostedBackToDraft() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            let noAct = try await s.send(.POST, "/enti/alfa/piani/P-2024/stato", form: ["state": "approvato"])
            #expect(noAct.status == .unprocessableEntity)
            #expect(
                noAct.body.string.contains("indica l&#39;organo e la data della delibera")
                    || noAct.body.string.contains("indica l'organo e la data della delibera"))
            let approve = try await s.send(.POST, "/enti/alfa/piani/P-2024/stato", form: ["state": "approvato", "number": "7", "date": "31/01/2024"])
            #expect(approve.status == .seeOther)
            let back = try await s.send(.POST, "/enti/alfa/piani/P-2024/stato", form: ["state": "bozza"])
            #expect(back.status == .unprocessableEntity)
            #expect(back.body.string.contains("non può tornare in bozza"))
            #expect(back.body.string.contains("Giunta comunale n. 7 del 31/01/2024"))
            let plan = try #require(try await app.store.plan(enteID: fixture.alfaID, key: "P-2024"))
            #expect(plan.plan.state == .approvato, "the refusal wrote nothing")
            let skip = try await s.send(.POST, "/enti/alfa/piani/P-2024/stato", form: ["state": "validato"])
            #expect(skip.status == .unprocessableEntity)
            let tree = try await s.send(.GET, "/enti/alfa/piani/P-2024")
            #expect(tree.body.string.contains("Avvia il monitoraggio"))
            #expect(!tree.body.string.contains("value=\"bozza\""))
        }
    }

    /// Every figure of the scores page is the one `traguardo score` prints, for the four demo enti.
    @Test func theScoresPageAndTheCLIPrintTheSameFigures() async throws {
        try await withTestApp { app in
            let bundles = try DemoInstaller.bundledFiles().map { try BundleImporter.decode(try Data(contentsOf: $0)) }
            _ = try await DemoInstaller(users: app.userStore).install(on: app.db, bundles: bundles)
            var client = Client(app: app)
            _ = try await client.login("nucleo", password: DemoInstaller.password)
            for slug in ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"] {
                let ente = try #require(try await app.store.ente(slug: slug))
                let plan = try #require(try await app.store.plan(enteID: ente.id))
                // What the CLI does (ScoreCommand): the ente's methodology for the plan's year, the default campaign.
                let methodology = try await app.store.methodology(enteID: ente.id, year: plan.plan.year).methodology
                let sheet = ScoreSheet(ScoringEngine.score(ScoringInput(bundle: try await app.store.bundle(of: plan), methodology: methodology)))
                let cli = sheet.plainText
                let html = try await client.send(.GET, Links.ente(slug).plan(plan.plan.key).scores).body.string
                let rows = Self.rows(of: "objective-scores", in: html)
                #expect(rows.count == sheet.objectives.count, "\(slug): one row per objective")
                for (row, objective) in zip(rows, sheet.objectives) {
                    #expect(
                        Array(row.dropFirst().prefix(3)) == [objective.computed, objective.validated, objective.effective], "\(slug) \(objective.key)"
                    )
                    #expect(
                        cli.contains("\(objective.computed) / \(objective.validated) / \(objective.effective)"), "\(slug) \(objective.key) in the CLI"
                    )
                }
                let units = Self.rows(of: "unit-scores", in: html)
                #expect(units.map { $0[1] } == sheet.units.map(\.score), "\(slug) units")
                for unit in sheet.units { #expect(cli.contains("\(unit.name): \(unit.score) "), "\(slug) \(unit.name) in the CLI") }
                #expect(html.contains("id=\"ente-mean\">\(sheet.enteMean)<"))
                #expect(cli.contains("media degli obiettivi \(sheet.enteMean) "))
            }
        }
    }

    /// The cells of a table's body rows, tags stripped (only what precedes a `<details>` in a cell).
    static func rows(of id: String, in html: String) -> [[String]] {
        guard let table = html.range(of: "id=\"\(id)\""), let body = html[table.upperBound...].range(of: "<tbody>"),
            let end = html[body.upperBound...].range(of: "</tbody>")
        else { return [] }
        let text = String(html[body.upperBound..<end.lowerBound])
        return text.components(separatedBy: "</tr>").dropLast().map { row in
            row.components(separatedBy: "</td>").dropLast().map { cell in
                let visible = cell.components(separatedBy: "<details>")[0]
                return visible.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    /// Two app instances on one database: what one caches, a write through the other makes stale.
    @Test func aChangeThroughOneInstanceIsSeenByAnother() async throws {
        try await withTwoInstances { first, second in
            _ = try await Fixture.install(on: first)
            var a = Client(app: first)
            var b = Client(app: second)
            _ = try await a.login("segretario")
            _ = try await b.login("segretario")
            let card = "/enti/alfa/piani/P-2024/nodi/OB-1"
            #expect(try await a.send(.GET, card).body.string.contains("Digitalizzare gli atti"))
            let edit = try await b.send(
                .POST, card,
                form: [
                    "level": "obiettivo-performance", "parent": "OB-0", "title": "Atti tutti digitali",
                    "owners[]": "U-01", "weight": "100",
                ])
            #expect(edit.status == .seeOther)
            let after = try await a.send(.GET, card).body.string
            #expect(after.contains("Atti tutti digitali"), "the first instance drops its cached plan when the revision moves")
            #expect(!after.contains("Digitalizzare gli atti"))
        }
    }

    @Test func theAuditTrailFiltersByPeriodOnBothEngines() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            let today = ItalianFormat.day(of: Date())
            let tomorrow = ItalianFormat.day(of: Date().addingTimeInterval(86_400))
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            func entries(_ query: String) async throws -> [AuditEntry] {
                let response = try await s.send(.GET, "/api/v1/enti/alfa/registro?" + query, json: true)
                return try decoder.decode([AuditEntry].self, from: Data(response.body.readableBytesView))
            }
            let todays = try await entries("dal=\(today.italian)&al=\(today.italian)")
            #expect(!todays.isEmpty, "the fixture was written today")
            #expect(todays.allSatisfy { $0.enteID != nil })
            #expect(try await entries("dal=\(tomorrow.italian)").isEmpty)
            #expect(try await entries("entita=piano&dal=\(today.italian)").allSatisfy { $0.entity == "piano" })
        }
    }

    @Test func theEntePageDefaultsToThePlansYearAndTakesAnyDay() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("lettore")
            let page = try await s.send(.GET, "/enti/alfa").body.string
            #expect(page.contains("responsabili al 31/12/2024"), "the plan of alfa is for 2024, so the page reads as of its end")
            let onDay = try await s.send(.GET, "/enti/alfa?data=15/03/2024").body.string
            #expect(onDay.contains("responsabili al 15/03/2024"))
            #expect(onDay.contains("ROSSI Anna"))
            let bad = try await s.send(.GET, "/enti/alfa?data=31/02/2024")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("non è una data valida"))
        }
    }
}

/// Two configured apps sharing one database (a temporary SQLite file, or the PostgreSQL of the run).
func withTwoInstances(_ body: (Application, Application) async throws -> Void) async throws {
    var location = TestDatabase.location
    var directory: URL?
    if case .sqliteMemory = location {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-two-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        directory = dir
        location = .sqliteFile(path: dir.appendingPathComponent("shared.sqlite").path)
    }
    let settings = Settings(database: location, secureCookies: false, bcryptCost: 4, demoOnEmptyDatabase: false)
    let first = try await Application.make(.testing)
    let second = try await Application.make(.testing)
    do {
        try await configure(first, settings: settings)
        try await configure(second, settings: settings)
        if case .postgres = location { try await first.autoRevert() }
        try await first.prepareDatabase()
        try await second.prepareDatabase()
        try await body(first, second)
    } catch {
        try? await first.asyncShutdown()
        try? await second.asyncShutdown()
        if let directory { try? FileManager.default.removeItem(at: directory) }
        throw error
    }
    try await first.asyncShutdown()
    try await second.asyncShutdown()
    if let directory { try? FileManager.default.removeItem(at: directory) }
}

@Suite("Sessions are stored only when they carry something")
struct SessionStorageTests {
    @Test func anonymousProbesStartNoSession() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            let before = try await SessionRecord.query(on: app.db).count()
            for path in ["/health", "/non-esiste", "/enti/alfa", "/api/v1/me"] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.headers.setCookie?["traguardo-session"] == nil, "\(path) must not start a session")
            }
            #expect(try await SessionRecord.query(on: app.db).count() == before, "no session row for anonymous requests")
            var s = Client(app: app)
            _ = try await s.login("segretario")
            #expect(
                try await SessionRecord.query(on: app.db).count() == before + 1, "the signed-in session (the login page's is replaced at sign-in)")
            #expect(try await s.send(.GET, "/enti/alfa/piani/P-2024").status == .ok)
            #expect(try await SessionRecord.query(on: app.db).count() == before + 1)
        }
    }
}

@Suite("Pages kept per user and revision")
struct PageCacheTests {
    @Test func aKeptPageIsEachUsersOwnWithTheirOwnToken() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var segretario = Client(app: app)
            var lettore = Client(app: app)
            _ = try await segretario.login("segretario")
            _ = try await lettore.login("lettore")
            let card = "/enti/alfa/piani/P-2024/nodi/OB-1"
            for _ in 0..<2 {  // the second round is served from the kept pages
                let s = try await segretario.send(.GET, card).body.string
                let l = try await lettore.send(.GET, card).body.string
                #expect(s.contains("Segretario (segretario)") && !s.contains("Lettore (lettore)"))
                #expect(l.contains("Lettore (lettore)") && !l.contains("Segretario (segretario)"))
                #expect(s.contains("id=\"edit-node\"") && !l.contains("id=\"edit-node\""), "only the segretario may edit")
                #expect(!s.contains(PageCache.tokenPlaceholder) && !l.contains(PageCache.tokenPlaceholder))
                #expect(Client.csrfToken(in: s) == segretario.csrf && Client.csrfToken(in: l) == lettore.csrf)
                #expect(segretario.csrf != lettore.csrf)
            }
            // A form posted from a kept page carries a valid token.
            let edit = try await segretario.send(
                .POST, card, form: ["level": "obiettivo-performance", "parent": "OB-0", "title": "Atti digitali", "owners[]": "U-01"])
            #expect(edit.status == .seeOther)
            _ = try await segretario.send(.GET, card)  // shows the flash, not kept
            let after = try await lettore.send(.GET, card).body.string
            #expect(after.contains("Atti digitali"), "the edit moved the revision: the lettore's kept card is not used")
        }
    }
}
