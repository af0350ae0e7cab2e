import Foundation
import TraguardoCore
import TraguardoFuzzing

/// Issue 11's fuzzing: mutants of the seeds (JSON, XLSX, ODS) and hostile files fed to the import on a SQLite file
/// database, for a bounded time. Findings are saved with the mutation that made them, to be replayed by hand.
///   traguardo-bench fuzz [--seconds N] [--seed S] [--out DIR]
enum FuzzCommand {
    static func run(_ arguments: [String]) async throws -> Int32 {
        var seconds = 60.0, seed = UInt64(Date().timeIntervalSince1970), out = "/tmp/traguardo-fuzz"
        var args = arguments[...]
        while let a = args.popFirst() {
            switch a {
            case "--seconds": seconds = Double(args.popFirst() ?? "") ?? seconds
            case "--seed": seed = UInt64(args.popFirst() ?? "") ?? seed
            case "--out": out = args.popFirst() ?? out
            default:
                print("Uso: traguardo-bench fuzz [--seconds N] [--seed S] [--out CARTELLA]")
                return 2
            }
        }
        let database = try await BenchDatabase.open()
        print("Traguardo — fuzzing dell'importazione per \(Int(seconds)) s, seme \(seed) (SQLite, un core)")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Each input is on disk before it runs: after a crash, the file that caused it is there to replay.
        let current = "\(out)/in-corso"
        let run = try await FuzzRun.run(
            harness: FuzzHarness(db: database.db), seed: seed, seconds: seconds,
            before: { input in
                try? input.data.write(to: URL(fileURLWithPath: current))
                try? Data(input.origin.utf8).write(to: URL(fileURLWithPath: current + ".origine.txt"))
            },
            progress: { partial in
                if partial.executions % 1000 == 0 { print("  \(partial.executions) esecuzioni, \(partial.findings.count) problemi") }
            })
        await database.close()
        func n(_ x: Double, _ d: Int) -> String { ItalianFormat.number(x, decimals: d) }
        print("Esecuzioni: \(run.executions) in \(n(run.seconds, 1)) s (\(n(Double(run.executions) / max(run.seconds, 0.001), 1))/s)")
        print("Accettati: \(run.accepted); rifiutati: \(run.refused), di cui \(run.refusedWithPlace) con il punto dell'errore")
        print("Più lento: \(n(run.slowest.seconds * 1000, 0)) ms (\(run.slowest.origin.prefix(120)))")
        print("Rifiuti più frequenti:")
        for (message, count) in run.messages.sorted(by: { $0.value > $1.value }).prefix(12) { print("  \(count)× \(message)") }
        try? FileManager.default.removeItem(atPath: current)
        try? FileManager.default.removeItem(atPath: current + ".origine.txt")
        if run.findings.isEmpty {
            print("Problemi: nessuno (nessun arresto, nessun blocco, nessuna scrittura parziale, ogni rifiuto in italiano)")
            return 0
        }
        print("Problemi: \(run.findings.count) (file in \(out))")
        for (i, finding) in run.findings.enumerated() {
            let path = "\(out)/problema-\(i + 1).\(finding.input.kind.rawValue)"
            try finding.input.data.write(to: URL(fileURLWithPath: path))
            print("  \(path): \(finding.input.origin.prefix(160))")
            for problem in finding.problems { print("    - \(problem.prefix(300))") }
        }
        return 1
    }
}
