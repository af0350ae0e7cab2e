import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoReports
import TraguardoSpreadsheet

/// Issue 10's speed targets: the full monitoring report of the largest demo ente to PDF, against LibreOffice
/// converting the same content (the HTML, as entes convert their Word/Writer files today), in one run; and XLSX
/// and ODS of 10,000 rows under a second each.
enum ReportsBenchmark {
    static func run(repeats: Int) async throws {
        let clock = ContinuousClock()
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15 }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        func f(_ x: Double) -> String { ItalianFormat.number(x, decimals: 1) }
        print("Traguardo — benchmark dei documenti (\(repeats) ripetizioni, mediana)")
        guard let pdf = PDFRenderers.detect() else {
            print(PDFRenderingError.notInstalled.description)
            return
        }
        let office = ["soffice", "libreoffice"].lazy.compactMap { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/\(name)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }.first
        for slug in ["cassano-d-adda", "unione-bellusco-mezzago"] {
            guard let bundle = try DemoInstaller.demoBundle(slug) else { continue }
            let methodology = MethodologyStore.preset(slug == "unione-bellusco-mezzago" ? "bellusco-mezzago-2020" : "generale")!
            let input = ReportInput(bundle: bundle, methodology: methodology, generatedOn: ItalianFormat.day(of: Date()))
            var build: [Double] = [], render: [Double] = [], libre: [Double] = []
            var pages = "", html = ""
            for _ in 0..<repeats {
                var doc: ReportDocument!
                build.append(
                    ms(
                        clock.measure {
                            doc = ReportGenerator.document(.monitoring, input)
                            html = HTMLRenderer.render(doc)
                        }))
                var data = Data()
                let start = clock.now
                data = try await pdf.render(html: html)
                render.append(ms(clock.now - start))
                pages = "\(data.count / 1024) KiB"
                if let office { libre.append(try convertWithLibreOffice(office, html: html)) }
            }
            let ours = median(build) + median(render)
            print("\(slug): report di monitoraggio, HTML \(html.utf8.count / 1024) KiB, PDF \(pages)")
            print("  Traguardo (modello + HTML \(f(median(build))) ms, PDF con \(pdf.name) \(f(median(render))) ms): \(f(ours)) ms")
            if !libre.isEmpty {
                print("  LibreOffice headless, stesso HTML → PDF: \(f(median(libre))) ms — Traguardo \(f(median(libre) / ours))× più veloce")
            } else {
                print("  LibreOffice non installato: confronto saltato (apt-get install libreoffice-writer-nogui)")
            }
        }
        // 10,000 rows × 8 columns: text, integer, two scores, a percentage, a date, a number and a note.
        let columns = [
            ReportColumn("Obiettivo", key: "obiettivo"), ReportColumn("N.", key: "n", .integer),
            ReportColumn("Calcolato", key: "calcolato", .score), ReportColumn("Validato", key: "validato", .score),
            ReportColumn("Raggiungimento", key: "raggiungimento", .percent), ReportColumn("Scadenza", key: "scadenza", .date),
            ReportColumn("Valore", key: "valore", .number), ReportColumn("Nota", key: "nota"),
        ]
        let rows = (0..<10_000).map(row)
        let table = ReportTable(
            name: "Obiettivi", title: "10.000 righe", columns: columns, rows: rows,
            total: ReportTotal(label: "Media", cells: [.init(column: 2, value: .number(50), formula: .average)]))
        let doc = ReportDocument(
            kind: .openData, title: "Prova", enteName: "Ente di prova",
            sections: [ReportSection(id: "dati", title: "Dati", blocks: [.table(table)])], generatedOn: ItalianFormat.day(of: Date()))
        for format in SpreadsheetFormat.allCases {
            var times: [Double] = []
            var size = 0
            for _ in 0..<repeats {
                times.append(ms(try clock.measure { size = try TableRenderers.spreadsheet(doc, as: format).count }))
            }
            print("\(format.rawValue.uppercased()) di 10.000 righe × 8 colonne: \(f(median(times))) ms (\(size / 1024) KiB)")
        }
    }

    static func row(_ i: Int) -> [ReportValue] {
        let validated: ReportValue = i % 7 == 0 ? .missing("non rilevato") : .number(Double(i % 97))
        let note: ReportValue = .text(i % 3 == 0 ? "nota del Nucleo" : "")
        let due: ReportValue = .date(Day(year: 2024, month: 1 + i % 12, day: 1 + i % 28)!)
        var out: [ReportValue] = [.text("Obiettivo n. \(i) – attività ordinaria"), .number(Double(i)), .number(Double(i % 101)), validated]
        out += [.number(Double(i % 100) + 0.5), due, .number(Double(i) * 1.25), note]
        return out
    }

    /// LibreOffice converting the HTML file to PDF, timed from launch to file (a cold start, as a clerk's click).
    static func convertWithLibreOffice(_ office: String, html: String) throws -> Double {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = [
            // The Writer import of HTML ("HTML (StarWriter)"): the Writer/Web one did not finish a 50-page report in 10 minutes.
            "-env:UserInstallation=file://\(dir.appendingPathComponent("profile").path)", "--headless", "--infilter=HTML (StarWriter)",
            "--convert-to", "pdf", "--outdir", dir.path, input.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(start) * 1000
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.pdf").path) else {
            throw PDFRenderingError("LibreOffice non ha prodotto il PDF")
        }
        return elapsed
    }
}
