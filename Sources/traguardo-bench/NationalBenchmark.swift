import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence

/// Issue 11's national size: N synthetic enti (default 8,000) shaped like the seeds — 150 objectives × 4 indicators,
/// three campaigns with values and the Nucleo's decisions — written straight into PostgreSQL through the import,
/// then every ente scored from the database end to end (read, compile, score), timed per indicator.
///   traguardo-bench national --postgres URL [--enti N] [--seed S] [--solo-punteggi]
enum NationalBenchmark {
    static func run(_ arguments: [String]) async throws -> Int32 {
        var enti = 8_000, seed: UInt64 = 20_240_601, url: String?, generate = true
        var args = arguments[...]
        while let a = args.popFirst() {
            switch a {
            case "--enti": enti = Int(args.popFirst() ?? "") ?? enti
            case "--seed": seed = UInt64(args.popFirst() ?? "") ?? seed
            case "--postgres": url = args.popFirst()
            case "--solo-punteggi": generate = false
            default:
                print("Uso: traguardo-bench national --postgres URL [--enti N] [--seed S] [--solo-punteggi]")
                return 2
            }
        }
        guard let url else {
            print("Serve --postgres URL: il dataset nazionale si genera in PostgreSQL (un database vuoto).")
            return 2
        }
        let bench = try await BenchDatabase.open(postgresURL: url)
        let clock = ContinuousClock()
        if generate {
            print("Traguardo — generazione di \(enti) enti sintetici in PostgreSQL (seme \(seed))")
            let start = clock.now
            var rows = 0
            for e in 0..<enti {
                let bundle = Self.bundle(e, seed: seed)
                try await BundleImporter.importBundle(bundle, on: bench.db, actor: .system)
                rows += bundle.nodes.count + bundle.indicators.count + bundle.values.count + bundle.validations.count + bundle.units.count
                if (e + 1) % 500 == 0 || e + 1 == enti {
                    let s = ms(clock.now - start) / 1000
                    print("  \(e + 1) enti, \(rows) righe di piano e monitoraggio, \(Int(s)) s (\(Int(Double(e + 1) / s)) enti/s)")
                }
            }
        }
        let status = try await scoreAll(bench.db)
        await bench.close()
        return status
    }

    /// One synthetic ente as a bundle: the scoring benchmark's plan, with three campaigns (30/06, 30/09, 31/12).
    static func bundle(_ index: Int, seed: UInt64) -> PlanBundle {
        let input = Synthetic.ente(index, seed: seed, methodology: Synthetic.methodology)
        let campaigns = [
            Campaign(key: "M1", title: "Monitoraggio al 30/06", asOf: Day(year: 2024, month: 6, day: 30)!, isFinal: false, state: .chiusa),
            Campaign(key: "M2", title: "Monitoraggio al 30/09", asOf: Day(year: 2024, month: 9, day: 30)!, isFinal: false, state: .chiusa),
            Campaign(key: "C", title: "Rendicontazione al 31/12", asOf: Synthetic.asOf, isFinal: true, state: .inValidazione),
        ]
        var values: [MonitoringValue] = []
        values.reserveCapacity(input.values.count * 3)
        for campaign in campaigns {
            values += input.values.map { v in
                var copy = v
                copy.campaignKey = campaign.key
                return copy
            }
        }
        return PlanBundle(
            ente: Ente(slug: String(format: "comune-%05d", index), name: "Comune sintetico n. \(index)", kind: .comune), units: input.units,
            plan: Plan(
                key: "PIAO-2024-2026", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024,
                levels: [.strategicDirection, .strategicObjective, .performanceObjective]),
            nodes: input.nodes, indicators: input.indicators, campaigns: campaigns, values: values, validations: input.validations)
    }

    /// Every ente's final campaign scored from the database: read (bundle from its rows), compile, score.
    static func scoreAll(_ db: any Database) async throws -> Int32 {
        let clock = ContinuousClock()
        let rules = PreparedMethodology(Synthetic.methodology)
        var read = Duration.zero, compile = Duration.zero, score = Duration.zero
        var indicators = 0, plans = 0, checksum = 0.0
        let records = try await EnteRecord.query(on: db).all()
        print("Punteggio di \(records.count) enti dal database (campagna finale)")
        for ente in records {
            var t = clock.now
            guard let stored = try await PlanStore.find(enteID: try ente.requireID(), on: db),
                let input = try await PlanStore.scoringInput(of: stored, campaignKey: "C", methodology: Synthetic.methodology, on: db)
            else { continue }
            read += clock.now - t
            t = clock.now
            let plan = PlanCompiler.compile(input)
            compile += clock.now - t
            t = clock.now
            checksum += ScoringEngine.score(plan, with: rules).ente.objectivesMean ?? 0
            score += clock.now - t
            indicators += plan.indicatorCount
            plans += 1
        }
        func per(_ d: Duration) -> String { ItalianFormat.number(ms(d) * 1e6 / Double(max(indicators, 1)), decimals: 1) }
        let total = read + compile + score
        print("Enti: \(plans); indicatori: \(indicators); totale \(ItalianFormat.number(ms(total) / 1000, decimals: 1)) s")
        print("  lettura dal database  \(ItalianFormat.number(ms(read) / 1000, decimals: 1)) s = \(per(read)) ns/indicatore")
        print("  compilazione          \(ItalianFormat.number(ms(compile) / 1000, decimals: 1)) s = \(per(compile)) ns/indicatore")
        print("  punteggio             \(ItalianFormat.number(ms(score) / 1000, decimals: 1)) s = \(per(score)) ns/indicatore")
        print("  dall'inizio alla fine \(per(total)) ns/indicatore")
        print("Controllo: \(ItalianFormat.number(checksum, decimals: 4))")
        return 0
    }
}
