import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

@Suite("Scores and the ente's methodology")
struct ScoresAndMethodologyTests {
    /// Seed 004 loaded as ente "alfa"'s plan, with its own SMVP adopted, as the demo does.
    static func install(_ app: Application) async throws -> UUID {
        let fixture = try await Fixture.install(on: app)
        let bundle = try PlanBundleRoundTripTests.seed("unione-bellusco-mezzago")
        try await BundleImporter.importBundle(bundle, options: .init(slug: "alfa"), on: app.db, actor: .system)
        return fixture.alfaID
    }

    @Test func theCdRSheetsOfSeed004ComeOutOfTheDatabaseAndThePage() async throws {
        try await withTestApp { app in
            let alfa = try await Self.install(app)
            let preset = try #require(MethodologyStore.preset("bellusco-mezzago-2020"))
            try await MethodologyStore.adopt(preset, enteID: alfa, year: 2020, on: app.db, actor: .system)
            var client = Client(app: app)
            _ = try await client.login("nucleo")
            let plan = try #require(try await PlanStore.record(enteID: alfa, year: 2020, on: app.db))
            let page = try await client.send(.GET, "/enti/alfa/piani/\(plan.key)/punteggi")
            #expect(page.status == .ok)
            let html = page.body.string
            for figure in ["99,08", "99,75", "87,71"] { #expect(html.contains(figure), "missing \(figure)") }
            #expect(html.contains("Non consuntivato") || html.contains("non consuntivato"), "explanations name the rule that gave 50")
            #expect(html.contains("versione adottata n. 1"))
        }
    }

    @Test func switchingPresetShowsAPreviewThenAdoptsANewVersion() async throws {
        try await withTestApp { app in
            let alfa = try await Self.install(app)
            try await MethodologyStore.adopt(
                try #require(MethodologyStore.preset("bellusco-mezzago-2020")), enteID: alfa, year: 2020, on: app.db, actor: .system)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            let preview = try await s.send(.GET, "/enti/alfa/metodologia?anno=2020&anteprima=generale")
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("Anteprima con «"))
            // Under the general rules the cards graded as a whole are scored from their indicators instead, so the
            // unit whose document figure is 99,08 is listed as changing, from that figure.
            #expect(preview.body.string.contains("<td>Unità</td><td>SETTORE 1 – AFFARI GENERALI</td><td>99,08</td>"))
            // Adapt the ente's own preset: non consuntivati excluded instead of 50.
            let adapted = try await s.send(
                .POST, "/enti/alfa/metodologia?anno=2020",
                form: [
                    "preset": "bellusco-mezzago-2020", "notReported": "", "decimals": "2", "monthsToZero": "12", "achievedWithoutDate": "87,5",
                    "notYetDue": "excluded", "unitMean": "semplice", "cap": "1", "action": "anteprima",
                ])
            #expect(adapted.body.string.contains("Anteprima con «Unione Bellusco e Mezzago – valutazione settori 2020 (adattata)»"))
            let adopt = try await s.send(
                .POST, "/enti/alfa/metodologia?anno=2020",
                form: [
                    "preset": "bellusco-mezzago-2020", "notReported": "", "decimals": "2", "monthsToZero": "12", "achievedWithoutDate": "87,5",
                    "notYetDue": "excluded", "unitMean": "semplice", "cap": "1", "action": "adotta",
                ])
            #expect(adopt.status == .seeOther)
            let (current, version) = try await MethodologyStore.current(enteID: alfa, year: 2020, on: app.db)
            #expect(version == 2)
            #expect(current.treatment(of: .nonConsuntivato)?.counting == .excluded)
            let audit = try await AuditLog.entries(on: app.db, filter: .init(enteIDs: [alfa], entity: .methodology))
            #expect(audit.first?.before != nil && audit.first?.after != nil)
            let bad = try await s.send(
                .POST, "/enti/alfa/metodologia?anno=2020",
                form: [
                    "preset": "generale", "notReported": "tanti", "decimals": "2", "monthsToZero": "12", "achievedWithoutDate": "87,5",
                    "notYetDue": "excluded", "unitMean": "semplice", "action": "adotta",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Valore dei non consuntivati"))
        }
    }
}
