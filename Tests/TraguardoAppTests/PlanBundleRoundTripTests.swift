import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

@Suite("Plan bundles: import, export, counts")
struct PlanBundleRoundTripTests {
    static func seed(_ slug: String) throws -> PlanBundle {
        let url = try #require(DemoInstaller.bundledFiles().first { $0.lastPathComponent == "\(slug).json" })
        return try BundleImporter.decode(try Data(contentsOf: url))
    }

    /// Organisation lists come back in the database's order (units by order, people by name); everything
    /// else in the original order.
    static func canonical(_ b: PlanBundle) -> PlanBundle {
        var c = b
        c.units.sort { $0.key < $1.key }
        c.people.sort { $0.key < $1.key }
        c.assignments.sort { ($0.unitKey, $0.personKey, $0.validity.from?.iso ?? "") < ($1.unitKey, $1.personKey, $1.validity.from?.iso ?? "") }
        c.politicalReferents.sort { $0.key < $1.key }
        return c
    }

    @Test(arguments: ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"])
    func exportGivesBackExactlyWhatWasImported(slug: String) async throws {
        try await withTestApp { app in
            let original = try Self.seed(slug)
            try await BundleImporter.importBundle(original, on: app.db, actor: .system)
            let ente = try #require(try await EnteStore.find(slug: slug, on: app.db))
            let plan = try #require(try await PlanStore.record(enteID: try ente.requireID(), on: app.db))
            let exported = try await PlanStore.bundle(of: plan, on: app.db)
            #expect(Self.canonical(exported) == Self.canonical(original))
        }
    }

    @Test func theAnalysesCountsSurviveTheDatabase() async throws {
        try await withTestApp { app in
            for slug in ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"] {
                try await BundleImporter.importBundle(try Self.seed(slug), on: app.db, actor: .system)
            }
            func stats(_ slug: String) async throws -> PlanStatistics {
                let ente = try #require(try await EnteStore.find(slug: slug, on: app.db))
                let plan = try #require(try await PlanStore.record(enteID: try ente.requireID(), on: app.db))
                let b = try await PlanStore.bundle(of: plan, on: app.db)
                return PlanStatistics(b, warnings: PlanWarnings.check(b).count)
            }
            let pisogne = try await stats("pisogne")
            #expect(pisogne.nodesByLevel["obiettivo-performance"] == 29)
            #expect(pisogne.crossCuttingObjectives == 4)
            let leggiuno = try await stats("leggiuno")
            #expect(leggiuno.units == 5)
            #expect(leggiuno.phases == 105)
            let cassano = try await stats("cassano-d-adda")
            #expect(cassano.units == 9)
            #expect(cassano.assignments == 9)
            #expect(cassano.nodesByLevel == ["indirizzo-strategico": 9, "obiettivo-strategico": 13, "obiettivo-operativo": 36])
            #expect(cassano.indicators == 147)
            #expect(cassano.participants == 72)
            #expect(cassano.participations == 165)
            let unione = try await stats("unione-bellusco-mezzago")
            #expect(unione.nodesByLevel["obiettivo-performance"] == 38)
            #expect(unione.units == 6)
        }
    }

    @Test func aDryRunReportsAndWritesNothing() async throws {
        try await withTestApp { app in
            let summary = try await BundleImporter.importBundle(
                try Self.seed("cassano-d-adda"), options: .init(dryRun: true), on: app.db, actor: .system)
            #expect(summary.dryRun)
            #expect(summary.unitsCreated == 9)
            #expect(summary.indicators == 147)
            #expect(try await EnteRecord.query(on: app.db).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aBrokenBundleIsRefusedWithThePathOfEachProblem() async throws {
        try await withTestApp { app in
            var bundle = try Self.seed("pisogne")
            bundle.nodes[2].ownerUnitKeys = ["U-INESISTENTE"]
            bundle.indicators[0].nodeKey = "OP-NESSUNO"
            await #expect(throws: BundleImportError.self) { try await BundleImporter.importBundle(bundle, on: app.db, actor: .system) }
            do {
                try await BundleImporter.importBundle(bundle, on: app.db, actor: .system)
            } catch let error as BundleImportError {
                #expect(error.description.contains("nodes[2].ownerUnitKeys: unità \"U-INESISTENTE\" inesistente"))
                #expect(error.description.contains("indicators[0].nodeKey: nodo \"OP-NESSUNO\" inesistente"))
            }
            #expect(try await EnteRecord.query(on: app.db).count() == 0)
        }
    }

    /// A bundle that carries its SMVP: adopted with the plan in one transaction for the plan's year, not again when
    /// the same one is in force, not at all in a dry run, and refused by rule path when it is broken.
    @Test func aBundleCarriesTheMethodologyItWasScoredWith() async throws {
        try await withTestApp { app in
            var bundle = try Self.seed("leggiuno")
            var smvp = try #require(MethodologyStore.preset("generale"))
            smvp.indicators.date.lateStep = .monthsAndHalf
            bundle.methodology = smvp
            let dry = try await BundleImporter.importBundle(bundle, options: .init(dryRun: true), on: app.db, actor: .system)
            #expect(dry.methodologyVersion == 1)
            #expect(try await MethodologyRecord.query(on: app.db).count() == 0, "a dry run adopts nothing")

            let summary = try await BundleImporter.importBundle(bundle, on: app.db, actor: .system)
            #expect(summary.methodologyVersion == 1)
            let ente = try #require(try await EnteStore.find(slug: "leggiuno", on: app.db))
            let adopted = try await MethodologyStore.current(enteID: try ente.requireID(), year: bundle.plan.year, on: app.db)
            #expect(adopted.methodology == smvp && adopted.version == 1)
            let again = try await BundleImporter.importBundle(bundle, options: .init(replacePlan: true), on: app.db, actor: .system)
            #expect(again.methodologyVersion == nil, "the same methodology in force is not adopted twice")

            var broken = bundle
            broken.methodology?.indicators.date.monthsToZero = 0
            do {
                try await BundleImporter.importBundle(broken, options: .init(replacePlan: true), on: app.db, actor: .system)
                Issue.record("a broken methodology must refuse the import")
            } catch let error as BundleImportError {
                #expect(error.description.contains("methodology.indicators.date.monthsToZero"))
            }
            #expect(try await MethodologyRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func importingTheSamePlanTwiceNeedsReplace() async throws {
        try await withTestApp { app in
            let bundle = try Self.seed("leggiuno")
            try await BundleImporter.importBundle(bundle, on: app.db, actor: .system)
            await #expect(throws: BundleImportError.planExists(bundle.plan.key, "leggiuno")) {
                try await BundleImporter.importBundle(bundle, on: app.db, actor: .system)
            }
            let again = try await BundleImporter.importBundle(bundle, options: .init(replacePlan: true), on: app.db, actor: .system)
            #expect(again.planReplaced)
            #expect(again.unitsKept == 5)
            #expect(try await PlanNodeRecord.query(on: app.db).count() == bundle.nodes.count)
        }
    }

    @Test func malformedJSONIsExplainedInItalian() throws {
        let missing = Data(#"{"format":"traguardo-plan-bundle","version":1}"#.utf8)
        #expect(throws: BundleImportError.decoding("ente: campo obbligatorio mancante.")) { try BundleImporter.decode(missing) }
        #expect(throws: BundleImportError.decoding("il file non è un JSON valido.")) { try BundleImporter.decode(Data("{".utf8)) }
    }
}

@Suite("Plan pages")
struct PlanPageTests {
    @Test func treeAndCardShowTheSeedAsItsPIAODoes() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            try await BundleImporter.importBundle(
                try PlanBundleRoundTripTests.seed("cassano-d-adda"), options: .init(slug: "alfa"), on: app.db, actor: .system)
            var client = Client(app: app)
            _ = try await client.login("lettore")
            let list = try await client.send(.GET, "/enti/alfa/piani")
            #expect(list.body.string.contains("/enti/alfa/piani/PIAO-2024-2026"))
            let tree = try await client.send(.GET, "/enti/alfa/piani/PIAO-2024-2026")
            #expect(tree.status == .ok)
            #expect(tree.body.string.components(separatedBy: "<tr>").count - 1 == 58 + 1, "one row per node plus the header")
            #expect(tree.body.string.contains("Obiettivi operativi: 36"))
            let card = try await client.send(.GET, "/enti/alfa/piani/PIAO-2024-2026/nodi/OO-01")
            #expect(card.status == .ok)
            #expect(card.body.string.contains("Indicatori"))
            #expect(card.body.string.contains("Obiettivo strategico"))
            let missing = try await client.send(.GET, "/enti/alfa/piani/PIAO-2024-2026/nodi/NESSUNO")
            #expect(missing.status == .notFound)
            #expect(
                missing.body.string.contains("Obiettivo \"NESSUNO\" inesistente")
                    || missing.body.string.contains("Obiettivo &quot;NESSUNO&quot; inesistente"))
        }
    }
}
