import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

@Suite("Demo installation and database selection")
struct DemoAndStartupTests {
    @Test func demoLoadsTheFourSeedEntiAndOneUserPerRole() async throws {
        try await withTestApp { app in
            let bundles = try DemoInstaller.bundledFiles().map { try BundleImporter.decode(try Data(contentsOf: $0)) }
            #expect(Set(bundles.map(\.ente.slug)) == ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"])
            #expect(try await DemoInstaller.isEmpty(app.db))
            let accounts = try await DemoInstaller(users: app.userStore).install(on: app.db, bundles: bundles)
            #expect(Set(accounts.map(\.role)) == Set(Role.allCases))
            #expect(!(try await DemoInstaller.isEmpty(app.db)))
            let cassano = try #require(try await EnteStore.find(slug: "cassano-d-adda", on: app.db))
            let org = try await OrganisationStore.snapshot(enteID: try cassano.requireID(), on: app.db)
            #expect(org.units.count == 9)
            let u02 = try #require(org.units.first { $0.code == "02" })
            #expect(Responsibility.holder(of: u02.key, on: Day(year: 2024, month: 4, day: 30)!, in: org.assignments) != nil)
            #expect(Responsibility.holder(of: u02.key, on: Day(year: 2024, month: 5, day: 15)!, in: org.assignments) == nil)
            let unione = try #require(try await EnteStore.find(slug: "unione-bellusco-mezzago", on: app.db))
            #expect(unione.domain.kind == .unioneDiComuni)
            #expect(unione.domain.memberNames == ["Bellusco", "Mezzago"])
            var client = Client(app: app)
            #expect(try await client.login("nucleo", password: DemoInstaller.password).status == .seeOther)
            let home = try await client.send(.GET, "/")
            for name in ["Pisogne", "Leggiuno", "Cassano", "BELLUSCO"] { #expect(home.body.string.contains(name)) }
            // Cassano's mid-year campaign has invented organisational figures, said to be invented.
            let organisational = try await client.send(
                .GET, "/enti/cassano-d-adda/piani/PIAO-2024-2026/monitoraggio/M-2024-06-30/performance-organizzativa")
            #expect(organisational.status == .ok)
            #expect(organisational.body.string.contains("Rendiconto 2023"))
            #expect(organisational.body.string.contains("Dato dimostrativo inventato"))
            #expect(organisational.body.string.contains("punti su 50"))
        }
    }

    @Test(arguments: [
        ("sqlite://./x.sqlite", DatabaseLocation.sqliteFile(path: "./x.sqlite")),
        ("sqlite:///var/lib/t.sqlite", .sqliteFile(path: "/var/lib/t.sqlite")),
        ("sqlite::memory:", .sqliteMemory),
        ("postgres://u:p@127.0.0.1:5432/db", .postgres(url: "postgres://u:p@127.0.0.1:5432/db")),
    ])
    func databaseURLsAreUnderstood(url: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation(url: url) == expected)
    }

    @Test func badDatabaseURLsSayWhatAndHowToFix() {
        #expect(throws: DatabaseLocationError.unsupportedScheme("mysql://x")) { try DatabaseLocation(url: "mysql://x") }
        #expect(throws: DatabaseLocationError.missingDatabaseName("postgres://u@h:5432")) { try DatabaseLocation(url: "postgres://u@h:5432") }
        #expect(DatabaseLocationError.unsupportedScheme("mysql://x").description.contains("usa sqlite:///percorso/file.sqlite oppure postgres://"))
        #expect((try? DatabaseLocation(url: "postgres://u:segreta@h:5432/db"))?.redacted.contains("segreta") == false)
    }

    @Test func migrationsRunTwiceWithoutHarm() async throws {
        try await withTestApp { app in
            try await app.prepareDatabase()
            #expect(try await EnteRecord.query(on: app.db).count() == 0)
        }
    }
}
