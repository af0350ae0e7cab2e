import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoFuzzing
import TraguardoPersistence
import TraguardoSpreadsheet
import VaporTesting
import ZIPFoundation

@testable import TraguardoWeb

/// The bounded fuzz run of CI (a longer one: `traguardo-bench fuzz --seconds 600`), on the engine under test, and
/// the hostile uploads of issue 11 through the browser's import route.
@Suite("Fuzzed and hostile input", .serialized)
struct FuzzTests {
    @Test func mutantsOfTheSeedsAreAcceptedOrRefusedInItalianWithNothingHalfWritten() async throws {
        try await withTestApp { app in
            let run = try await FuzzRun.run(harness: FuzzHarness(db: app.db), seed: 20_261_207, seconds: 40, maxExecutions: 160)
            #expect(run.executions >= 40)
            #expect(run.refused > 0 && run.accepted > 0, "the mutants exercise both outcomes")
            for finding in run.findings {
                Issue.record("\(finding.input.origin): \(finding.problems.joined(separator: "; "))")
            }
        }
    }

    /// Through the route: every mutant gets a page (422 with the reasons, or the redirect of a successful import),
    /// never an error 500.
    @Test func theUploadRouteNeverFailsOnAMutant() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            _ = try await s.send(.GET, "/enti/alfa/importa")
            var rng = FuzzRandom(seed: 7)
            let seeds = try FuzzCorpus.seeds().filter { $0.origin.hasPrefix("pisogne") || $0.origin.hasPrefix("leggiuno") }
            for _ in 0..<24 {
                let input = FuzzCorpus.mutant(of: seeds, using: &rng)
                let response = try await s.upload("/enti/alfa/importa", file: input.data, filename: input.filename, fields: ["replace": "1"])
                #expect([.seeOther, .unprocessableEntity].contains(response.status), "\(input.origin): \(response.status.code)")
                if response.status == .seeOther { _ = try await s.send(.GET, "/enti/alfa/importa") }
            }
        }
    }

    @Test func hostileFilesAreRefusedWithAClearMessage() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            _ = try await s.send(.GET, "/enti/alfa/importa")
            // Deeply nested JSON: refused by the scan, before any parser recurses.
            let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
            var response = try await s.upload("/enti/alfa/importa", file: deep, filename: "piano.json")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("livelli di elenchi o oggetti annidati"))
            // A title of a million characters: in JSON refused by the scan with its line and column, in a workbook by
            // its sheet, row and column.
            var bundle = try BundleImporter.decode(try ImportUploadTests.seedData("pisogne"))
            bundle.nodes[2].title = String(repeating: "Ω", count: 1_000_000)
            response = try await s.upload("/enti/alfa/importa", file: try PlanFileFormat.json.encode(bundle), filename: "piano.json")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("testo di oltre 100.000 caratteri, oltre il limite"))
            #expect(response.body.string.contains("riga "))
            response = try await s.upload("/enti/alfa/importa", file: try PlanFileFormat.xlsx.encode(bundle), filename: "piano.xlsx")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("testo di 1.000.000 caratteri, oltre il limite di 100.000"))
            #expect(response.body.string.contains("Nodi"))
            // A zip bomb: one part of an XLSX inflating to 100 MB of zeros (about 100 KB on the wire).
            let archive = try Archive(data: Data(), accessMode: .create)
            let zeros = Data(count: 100 * 1024 * 1024)
            try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate) {
                position, size in zeros.subdata(in: Int(position)..<Int(position) + size)
            }
            let bomb = try #require(archive.data)
            #expect(bomb.count < 1_000_000)
            response = try await s.upload("/enti/alfa/importa", file: bomb, filename: "piano.xlsx")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("supera il limite consentito"))
            #expect(try await PlanRecord.query(on: app.db).count() == 1, "only the fixture's plan")
            // Over the route's 20 MB: refused while the body streams in, before the handler, in Italian. Only a real
            // socket streams (the in-memory tester hands the handler the whole body).
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: s.cookie ?? "")
            headers.add(name: .contentType, value: "multipart/form-data; boundary=b")
            var body = Data("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(s.csrf ?? "")\r\n".utf8)
            body.append(Data("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"piano.json\"\r\n\r\n".utf8))
            body.append(Data(count: 21 * 1024 * 1024))
            body.append(Data("\r\n--b--\r\n".utf8))
            try await app.testing(method: .running(port: 0)).test(.POST, "/enti/alfa/importa", headers: headers, body: ByteBuffer(data: body)) {
                res async in
                #expect(res.status == .payloadTooLarge)
                #expect(res.body.string.contains("troppo grande"))
            }
        }
    }
}
