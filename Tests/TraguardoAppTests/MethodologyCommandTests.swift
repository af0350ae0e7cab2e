import Foundation
import Testing

/// The executable `scripts/test` builds next to the tests (`swift build --product traguardo`).
enum TraguardoBinary {
    static let url: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".build/debug/traguardo")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()
}

/// `traguardo methodology …` as an operator runs it, on a demo database in a temporary folder: export the SMVP in
/// force, check it and a broken copy, adopt an edited one, and export it back identical.
@Suite("The methodology commands", .enabled(if: TraguardoBinary.url != nil, "eseguibile traguardo non compilato"), .serialized)
struct MethodologyCommandTests {
    struct Run {
        let status: Int32
        let output: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: String...) throws -> Run {
        let process = Process()
        process.executableURL = TraguardoBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = "sqlite://\(folder.path)/cli.sqlite"
        environment["TRAGUARDO_BCRYPT_COST"] = "4"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func exportCheckAdoptExportGivesTheSameFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run("demo").status == 0)
        let presets = try run("methodology", "list")
        #expect(presets.output.contains("generale"))

        // The methodology in force in Cassano (the general one, adopted by the demo as version 1) as a file.
        #expect(try run("methodology", "list", "--ente", "cassano-d-adda").output.contains("2024\tv1\tMetodologia generale Traguardo"))
        #expect(try run("methodology", "export", "--ente", "cassano-d-adda", "-o", path("smvp.json")).status == 0)
        let checked = try run("methodology", "check", path("smvp.json"), "--ente", "cassano-d-adda")
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("valida"))
        #expect(checked.output.contains("0 punteggi cambiano"))

        // A broken copy: refused, naming the rule and what is wrong; nothing adopted.
        let original = try String(contentsOfFile: path("smvp.json"), encoding: .utf8)
        try original.replacingOccurrences(of: "\"monthsToZero\" : 12", with: "\"monthsToZero\" : -1")
            .write(toFile: path("rotta.json"), atomically: true, encoding: .utf8)
        let broken = try run("methodology", "adopt", path("rotta.json"), "--ente", "cassano-d-adda", "--year", "2024")
        #expect(broken.status != 0)
        #expect(broken.output.contains("errore: indicators.date.monthsToZero: I mesi di ritardo che azzerano il punteggio devono essere più di 0."))

        // An edited copy: the lateness counted in whole months plus a half; adopted as version 2, in force.
        let edited = original.replacingOccurrences(of: "\"lateStep\" : \"mezzo-mese\"", with: "\"lateStep\" : \"mesi-e-mezzo\"")
        try edited.write(toFile: path("nuova.json"), atomically: true, encoding: .utf8)
        let dry = try run("methodology", "adopt", path("nuova.json"), "--ente", "cassano-d-adda", "--year", "2024", "--dry-run")
        #expect(dry.output.contains("Solo prova: nulla è stato adottato."))
        let adopted = try run("methodology", "adopt", path("nuova.json"), "--ente", "cassano-d-adda", "--year", "2024")
        #expect(adopted.status == 0, "\(adopted.output)")
        #expect(adopted.output.contains("versione 2"))
        let history = try run("methodology", "list", "--ente", "cassano-d-adda").output.split(separator: "\n")
        #expect(history.first { $0.hasPrefix("2024\tv2") }?.hasSuffix("in vigore") == true)
        #expect(history.first { $0.hasPrefix("2024\tv1") }?.hasSuffix("in vigore") == false)
        let shown = try run("methodology", "show", "--ente", "cassano-d-adda", "--year", "2024")
        #expect(shown.output.contains("mesi interi più mezzo mese per la frazione"))
        #expect(try run("methodology", "export", "--ente", "cassano-d-adda", "--year", "2024", "-o", path("di-nuovo.json")).status == 0)
        #expect(try String(contentsOfFile: path("di-nuovo.json"), encoding: .utf8) == edited)
    }
}
