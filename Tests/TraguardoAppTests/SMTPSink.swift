import Foundation

/// A real SMTP server for a test: `Tests/smtp/sink.py` (aiosmtpd) in a child process, on a free port, writing every
/// message it accepts to a folder as JSON.
final class SMTPSink {
    struct Received: Decodable {
        let mailFrom: String
        let rcptTos: [String]
        let data: String
        let tls: Bool
        let authenticated: Bool

        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from", rcptTos = "rcpt_tos", data, tls, authenticated
        }
    }

    /// aiosmtpd is installed (CI installs it; elsewhere the tests that need it are skipped unless
    /// TRAGUARDO_REQUIRE_SMTP is set, which makes a missing aiosmtpd a failure).
    static let isAvailable: Bool = {
        if ProcessInfo.processInfo.environment["TRAGUARDO_REQUIRE_SMTP"] != nil { return true }
        return (try? run("/usr/bin/env", ["python3", "-c", "import aiosmtpd"])) == 0
    }()

    let port: Int
    let folder: URL
    private let process: Process
    /// Our end of the sink's standard input: closing it (here, or by the kernel when the test process dies) ends the
    /// sink, so no server outlives its test.
    private let input = Pipe()

    init(arguments: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--port", String(port), "--dir", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        // "ready PORT" once it listens.
        let line = output.fileHandleForReading.availableLine(timeout: 15)
        guard line?.hasPrefix("ready") == true else {
            process.terminate()
            throw SinkError("the SMTP sink did not start (aiosmtpd installed? output: \(line ?? "nothing"))")
        }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        // Not waitUntilExit: off the main thread it spins on an empty run loop.
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        try? FileManager.default.removeItem(at: folder)
    }

    func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("smtp/sink.py")
    }

    static func freePort() throws -> Int {
        var output = ""
        guard
            try run(
                "/usr/bin/env", ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
                output: &output) == 0, let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw SinkError("no free port") }
        return port
    }

    /// A self-signed certificate for localhost and 127.0.0.1, made by the openssl command: (certificate, key).
    static func certificate(in folder: URL) throws -> (String, String) {
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let status = try run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
        guard status == 0 else { throw SinkError("openssl could not make a certificate") }
        return (cert, key)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        var ignored = ""
        return try run(executable, arguments, output: &ignored)
    }

    static func run(_ executable: String, _ arguments: [String], output: inout String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        output = String(decoding: data, as: UTF8.self)
        return process.terminationStatus
    }
}

struct SinkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension FileHandle {
    /// The first line written to this pipe within `timeout` seconds.
    func availableLine(timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        while Date() < deadline {
            let chunk = availableData
            if chunk.isEmpty { return nil }
            data.append(chunk)
            if let text = String(data: data, encoding: .utf8), let newline = text.firstIndex(of: "\n") {
                return String(text[..<newline])
            }
        }
        return nil
    }
}
