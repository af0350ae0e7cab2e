import Fluent
import Foundation
import SQLKit
import Testing
import TraguardoCore
import Vapor

@testable import TraguardoPersistence
@testable import TraguardoWeb

/// Migration 012 moves the campaigns, values and validations that earlier releases kept as JSON rows in
/// `plan_items` into their own tables, without loss.
@Suite("Monitoring rows of earlier releases")
struct MonitoringMigrationTests {
    /// A SQLite file written by the previous release (migrations 001–011, `traguardo import` of the Bellusco-Mezzago
    /// seed): after migrating, the plan's campaign, its 216 values and 21 validations read back as imported.
    @Test func aDatabaseOfThePreviousReleaseKeepsEveryMonitoringRow() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/release-011-bellusco.sqlite.gz")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("legacy.sqlite").path
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = ["-c", "gzip -dc '\(fixture.path)' > '\(path)'"]
        try gunzip.run()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)

        let app = try await Application.make(.testing)
        do {
            try await configure(
                app, settings: Settings(database: .sqliteFile(path: path), secureCookies: false, bcryptCost: 4, demoOnEmptyDatabase: false))
            try await app.prepareDatabase()
            let expected = try PlanBundle.decode(
                Data(
                    contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                        "../../Sources/TraguardoPersistence/DemoData/unione-bellusco-mezzago.json")))
            let ente = try #require(try await app.store.allEnti().first { $0.ente.slug == "unione-bellusco-mezzago" })
            let plan = try #require(try await app.store.plan(enteID: ente.id, key: "PEG-PDP-2020-2022"))
            let bundle = try await app.store.bundle(of: plan)
            #expect(bundle.campaigns == expected.campaigns)
            #expect(bundle.campaigns.first?.state == .chiusa)  // "validata" in the old vocabulary
            #expect(bundle.values == expected.values && bundle.values.count == 216)
            #expect(bundle.validations == expected.validations && bundle.validations.count == 21)
            let data = try #require(try await app.store.campaign("C-2020-FINALE", of: plan))
            #expect(data.values.count == 216 && data.validations.count == 21)
            let sql = try #require(app.db as? any SQLDatabase)
            let left = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("plan_items")
                .where("kind", .in, ["campaign", "value", "validation"]).first()?.decode(column: "n", as: Int.self)
            #expect(left == 0)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// The mover on both engines, with the cases a hand-made database can hold: two campaigns' values for one
    /// indicator (the old key collided), a value of a campaign the plan does not list, two values for the same
    /// campaign, objective and indicator (the later wins, as in scoring).
    @Test func legacyRowsMoveOnEitherEngine() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            let plan = try #require(try await app.store.plan(enteID: fixture.alfaID, key: "P-2024"))
            let sql = try #require(app.db as? any SQLDatabase)
            func legacy(_ kind: String, _ key: String, _ node: String?, _ order: Int, _ json: String) async throws {
                try await sql.insert(into: "plan_items").columns("id", "plan_id", "kind", "item_key", "node_key", "sort_order", "data")
                    .values(SQLBind(UUID()), SQLBind(plan.id), SQLBind(kind), SQLBind(key), SQLBind(node), SQLBind(order), SQLBind(json)).run()
            }
            try await legacy("campaign", "C1", nil, 0, #"{"asOf":"2024-06-30","isFinal":false,"key":"C1","state":"preparazione","title":"Al 30/06"}"#)
            try await legacy("value", "OB-1-I1", "OB-1", 0, #"{"actual":{"number":10},"campaignKey":"C1","indicatorKey":"OB-1-I1","nodeKey":"OB-1"}"#)
            try await legacy("value", "OB-1-I1", "OB-1", 1, #"{"actual":{"number":20},"campaignKey":"C2","indicatorKey":"OB-1-I1","nodeKey":"OB-1"}"#)
            try await legacy("value", "OB-1-I1", "OB-1", 2, #"{"actual":{"number":15},"campaignKey":"C1","indicatorKey":"OB-1-I1","nodeKey":"OB-1"}"#)
            try await legacy("value", "", "OB-1", 3, #"{"campaignKey":"C1","nodeKey":"OB-1","status":"in-linea"}"#)
            try await legacy("validation", "C1", "OB-1", 0, #"{"campaignKey":"C1","excluded":false,"nodeKey":"OB-1","reason":"Rivisto","score":80}"#)
            try await LegacyMonitoringRows.move(on: sql)

            let campaigns = try await app.store.campaigns(of: plan)
            #expect(campaigns.map(\.key) == ["C1", "C2"])
            #expect(campaigns[0].state == .daAprire)
            let c1 = try #require(try await app.store.campaign("C1", of: plan))
            #expect(c1.entry("OB-1", indicator: "OB-1-I1")?.actual?.number == 15)
            #expect(c1.objectiveEntry("OB-1")?.status == .inLinea)
            #expect(c1.validation(of: "OB-1")?.score == 80 && c1.validation(of: "OB-1")?.kind == .modifica)
            let c2 = try #require(try await app.store.campaign("C2", of: plan))
            #expect(c2.entry("OB-1", indicator: "OB-1-I1")?.actual?.number == 20)
            #expect(c2.campaign.title == "Campagna C2")
        }
    }
}
