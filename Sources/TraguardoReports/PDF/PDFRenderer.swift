import Foundation

/// Turns a document's HTML into PDF with a program from Debian's packages. One small interface, found at run time,
/// so the rest of Traguardo works (and says how to get PDFs) when none is installed.
public protocol PDFRenderer: Sendable {
    /// "Chromium 156.0.8078.79 (headless)", for logs and the closing notes.
    var name: String { get }
    /// Whether the output is PDF/A (archival), which publication in Amministrazione Trasparente prefers.
    var producesPDFA: Bool { get }
    func render(html: String) async throws -> Data
}

public struct PDFRenderingError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    public static let notInstalled = PDFRenderingError(
        "Per generare i PDF serve Chromium o WeasyPrint: installa uno dei due con «apt-get install chromium» oppure «apt-get install weasyprint». Gli altri formati (HTML, XLSX, ODS, CSV, JSON) funzionano anche senza."
    )
}

public enum PDFRenderers {
    /// The renderer to use: `TRAGUARDO_PDF_RENDERER` (chromium, weasyprint) when set, else Chromium, else WeasyPrint.
    /// Debian's `chromium-headless-shell` comes first: the same engine without the browser's shell, it starts in
    /// 0,26 s instead of 0,84 s. One process per document: a browser kept running would save only that start, and
    /// a long-lived child process is one more thing to supervise.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> (any PDFRenderer)? {
        let chromium = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"].lazy
            .compactMap { find($0, environment) }.first
        let weasy = find("weasyprint", environment)
        switch environment["TRAGUARDO_PDF_RENDERER"]?.lowercased() {
        case "weasyprint": return weasy.map(WeasyPrintRenderer.init)
        case "chromium": return chromium.map(ChromiumRenderer.init)
        default: return chromium.map(ChromiumRenderer.init) ?? weasy.map(WeasyPrintRenderer.init)
        }
    }

    /// The executable's path on PATH, if any.
    static func find(_ program: String, _ environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Runs one conversion at a time per slot: a browser per request would exhaust a small server.
actor RenderSlots {
    static let shared = RenderSlots(limit: 2)
    private let limit: Int
    private var busy = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func acquire() async {
        if busy < limit {
            busy += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy -= 1 } else { waiting.removeFirst().resume() }
    }
}

/// A program run with a deadline; its error output is kept for the message when it fails.
enum ExternalProgram {
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) async throws {
        await RenderSlots.shared.acquire()
        defer { Task { await RenderSlots.shared.release() } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw PDFRenderingError("La generazione del PDF ha superato \(Int(timeout)) secondi ed è stata interrotta.")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw PDFRenderingError("Il programma \((executable as NSString).lastPathComponent) non ha generato il PDF: \(text.suffix(400))")
        }
    }

    /// A private working directory, removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try await body(dir)
    }
}

/// Chromium headless `--print-to-pdf`: the same engine as the browser tests; honours `@page` margin boxes, so page
/// headers and "Pagina N di M" come from the print styles. Its PDFs are tagged (headings, tables and reading order
/// for screen readers, as published documents must be accessible) but not PDF/A.
public struct ChromiumRenderer: PDFRenderer {
    let executable: String
    /// `chromium-headless-shell` is headless by construction: it takes no `--headless`.
    let isHeadlessShell: Bool
    public var name: String { isHeadlessShell ? "Chromium headless shell" : "Chromium (headless)" }
    public var producesPDFA: Bool { false }

    public init(executable: String) {
        self.executable = executable
        isHeadlessShell = (executable as NSString).lastPathComponent == "chromium-headless-shell"
    }

    public func render(html: String) async throws -> Data {
        try await ExternalProgram.withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("documento.html"), output = dir.appendingPathComponent("documento.pdf")
            try Data(html.utf8).write(to: input)
            try await ExternalProgram.run(
                executable,
                (isHeadlessShell ? [] : ["--headless"]) + [
                    "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-dev-shm-usage",
                    "--user-data-dir=\(dir.appendingPathComponent("profilo").path)", "--print-to-pdf=\(output.path)", input.absoluteString,
                ])
            return try Data(contentsOf: output)
        }
    }
}

/// WeasyPrint: no JavaScript (none is needed: charts are SVG), the best paged-media support, and PDF/A-3b output
/// where the installed version offers `--pdf-variant`.
public struct WeasyPrintRenderer: PDFRenderer {
    let executable: String
    public let producesPDFA: Bool
    public var name: String { producesPDFA ? "WeasyPrint (PDF/A-3b)" : "WeasyPrint" }

    public init(executable: String) {
        self.executable = executable
        producesPDFA = Self.supportsVariants(executable)
    }

    static func supportsVariants(_ executable: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--help"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.contains("--pdf-variant")
    }

    public func render(html: String) async throws -> Data {
        try await ExternalProgram.withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("documento.html"), output = dir.appendingPathComponent("documento.pdf")
            try Data(html.utf8).write(to: input)
            var arguments = [input.path, output.path]
            if producesPDFA { arguments = ["--pdf-variant", "pdf/a-3b"] + arguments }
            try await ExternalProgram.run(executable, arguments)
            return try Data(contentsOf: output)
        }
    }
}
