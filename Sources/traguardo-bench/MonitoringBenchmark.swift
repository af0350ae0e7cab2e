import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import TraguardoCore
import TraguardoPersistence

/// Issue 8's speed target: saving one objective's values and recomputing the scores it affects, < 20 ms at the
/// median on the largest demo plan. One iteration does what a save through the pages or the API does: the entries
/// written in their transaction with the optimistic lock and the audit row; then what the next page needs: the
/// campaigns' rows read again (the plan's structure stays cached: a save moves the ente's revision, not its
/// structure revision), the campaign scored with the ente's methodology and formatted as the pages print it.
enum MonitoringBenchmark {
    static func run(repeats: Int) async throws {
        let bench = try await BenchDatabase.open()
        let db = bench.db

        print("Traguardo — salvataggio di un valore e ricalcolo dei punteggi (\(repeats) ripetizioni, SQLite su file in WAL)")
        for file in DemoInstaller.bundledFiles() {
            let bundle = try BundleImporter.decode(try Data(contentsOf: file))
            try await BundleImporter.importBundle(bundle, on: db, actor: .system)
            guard let ente = try await EnteStore.find(slug: bundle.ente.slug, on: db), let enteID = ente.id,
                let stored = try await PlanStore.find(enteID: enteID, key: bundle.plan.key, on: db)
            else { continue }
            let methodology = MethodologyStore.preset("generale")!
            // A campaign of the benchmark's own, open, on the imported plan.
            let campaign = try await MonitoringStore.create(
                Campaign(key: "BENCH", title: "Benchmark", asOf: Day(year: bundle.plan.year, month: 6, day: 30)!, isFinal: false),
                planID: stored.id, on: db, actor: .system)
            _ = try await MonitoringStore.move(
                planID: stored.id, campaignKey: campaign.key, to: .aperta, reason: nil, allows: { _ in true }, on: db, actor: .system)
            let parents = Set(bundle.nodes.compactMap(\.parentKey))
            guard
                let node = bundle.nodes.first(where: { n in !parents.contains(n.key) && bundle.indicators.contains { $0.nodeKey == n.key } })
            else { continue }
            let indicator = bundle.indicators.first { $0.nodeKey == node.key }!
            let scope = EntryRules.Scope(unitKeys: [], isManager: true)
            let structure = try await PlanStore.bundle(of: stored, on: db)
            let clock = ContinuousClock()
            var version = 0
            var save: [Double] = [], read: [Double] = [], score: [Double] = [], total: [Double] = []
            for i in 0..<repeats {
                let t0 = clock.now
                version = try await MonitoringStore.saveEntries(
                    planID: stored.id, campaignKey: campaign.key, node: node,
                    objective: MonitoringValue(campaignKey: "", nodeKey: "", status: .inLinea),
                    indicators: [
                        MonitoringValue(campaignKey: "", nodeKey: "", indicatorKey: indicator.key, actual: Measure(number: Double(40 + i % 50)))
                    ],
                    expectedVersion: version, scope: scope, on: db, actor: .system)
                let t1 = clock.now
                var fresh = structure
                let rows = try await MonitoringStore.all(planID: stored.id, on: db)
                (fresh.campaigns, fresh.values, fresh.validations) = (rows.campaigns, rows.values, rows.validations)
                let t2 = clock.now
                let sheet = ScoreSheet(ScoringEngine.score(ScoringInput(bundle: fresh, methodology: methodology, campaignKey: campaign.key)))
                precondition(sheet.objectives.contains { $0.key == node.key })
                let t3 = clock.now
                save.append(ms(t1 - t0))
                read.append(ms(t2 - t1))
                score.append(ms(t3 - t2))
                total.append(ms(t3 - t0))
            }
            func median(_ xs: [Double]) -> String { ItalianFormat.number(xs.sorted()[xs.count / 2], decimals: 2) }
            func p90(_ xs: [Double]) -> String { ItalianFormat.number(xs.sorted()[xs.count * 9 / 10], decimals: 2) }
            print(
                "\(bundle.ente.name): \(bundle.nodes.count) nodi, \(bundle.indicators.count) indicatori — mediana \(median(total)) ms "
                    + "(salvataggio \(median(save)), rilettura delle campagne \(median(read)), punteggi \(median(score))), p90 \(p90(total)) ms")
        }
        await bench.close()
    }
}
