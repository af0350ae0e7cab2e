import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet

/// Issue 3's speed target: importing the Cassano plan (as JSON bundle and as XLSX) "well under a second".
/// Each import goes into a fresh ente of a file SQLite database in WAL mode, as `traguardo import` does.
enum ImportBenchmark {
    static func run(repeats: Int, postgresURL: String? = nil) async throws {
        guard let url = DemoInstaller.bundledFiles().first(where: { $0.lastPathComponent == "cassano-d-adda.json" }) else {
            print("Pacchetto demo cassano-d-adda.json non trovato")
            return
        }
        let json = try Data(contentsOf: url)
        let xlsx = try PlanWorkbook.write(try BundleImporter.decode(json), as: .xlsx)
        let bench = try await BenchDatabase.open(postgresURL: postgresURL)
        // Fresh ente slugs on every run: a PostgreSQL database may hold an earlier run's.
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let db = bench.db

        let clock = ContinuousClock()
        func best(_ label: String, _ body: (Int) async throws -> Void) async throws {
            var times: [Duration] = []
            for i in 0..<repeats {
                let start = clock.now
                try await body(i)
                times.append(clock.now - start)
            }
            let ms = times.map { Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1e3 }
            print(
                "\(label.padding(toLength: 44, withPad: " ", startingAt: 0)) migliore \(ItalianFormat.number(ms.min()!, decimals: 1)) ms, mediana \(ItalianFormat.number(ms.sorted()[ms.count / 2], decimals: 1)) ms"
            )
        }
        print("Traguardo — benchmark dell'importazione del piano di Cassano d'Adda (\(repeats) ripetizioni)")
        print("JSON \(json.count / 1024) KiB, XLSX \(xlsx.count / 1024) KiB; " + (postgresURL == nil ? "SQLite su file in WAL" : "PostgreSQL"))
        try await best("lettura del pacchetto JSON") { _ in _ = try BundleImporter.decode(json) }
        let decoded = try BundleImporter.decode(json)
        try await best("controlli del pacchetto") { _ in _ = BundleIntegrity.problems(in: decoded) }
        try await best("lettura del foglio XLSX") { _ in _ = try PlanWorkbook.read(xlsx, as: .xlsx) }
        try await best("importazione JSON nel database (totale)") { i in
            try await BundleImporter.importBundle(try BundleImporter.decode(json), options: .init(slug: "json-\(run)-\(i)"), on: db, actor: .system)
        }
        try await best("importazione XLSX nel database (totale)") { i in
            try await BundleImporter.importBundle(
                try PlanWorkbook.read(xlsx, as: .xlsx), options: .init(slug: "xlsx-\(run)-\(i)"), on: db, actor: .system)
        }
        await bench.close()
    }
}
