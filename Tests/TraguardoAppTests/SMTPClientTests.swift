import Foundation
import Testing

@testable import TraguardoMail

@Suite("Sending e-mail to a real SMTP server (aiosmtpd)", .enabled(if: SMTPSink.isAvailable, "aiosmtpd non installato"), .serialized)
struct SMTPClientTests {
    let from = MailAddress(parsing: "Traguardo – Comune <performance@comune.example.it>")!

    func message(to address: String, name: String = "Mario Rossi", subject: String = "Promemoria", body: String = "Ciao") -> MailMessage {
        MailMessage(id: UUID(), from: from, to: MailAddress(name: name, address: address)!, subject: subject, body: body)
    }

    /// The body of a received message, decoded from its base64 part.
    func body(_ data: String) -> String {
        let parts = data.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        let encoded = parts.dropFirst().joined(separator: "\n")
        return String(decoding: Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) ?? Data(), as: UTF8.self)
    }

    @Test func aPlainRelayReceivesEveryMessageWithItsHeadersAndBodyIntact() async throws {
        let sink = try SMTPSink()
        let client = SMTPClient(settings: MailSettings(host: "127.0.0.1", port: sink.port, security: .none, from: from))
        let text = "Gentile Mario,\n.\n.riga che inizia con un punto\nScadenza: 31/07/2026 – città"
        let results = await client.send([
            message(to: "mario.rossi@comune.example.it", subject: "Promemoria: Monitoraggio al 30/06 – Cassano d'Adda, attività", body: text),
            message(to: "anna.bianchi@comune.example.it", name: "Anna Bianchi"),
        ])
        #expect(results.count == 2)
        for result in results { #expect((try? result.get()) != nil) }
        let received = try sink.received()
        #expect(received.count == 2)
        let first = try #require(received.first { $0.rcptTos == ["mario.rossi@comune.example.it"] })
        #expect(first.mailFrom == "performance@comune.example.it")
        // Dot-stuffing undone by the server: the body arrives exactly as written, accents included.
        #expect(body(first.data) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(first.data.contains("Subject: =?UTF-8?B?"))
        #expect(first.data.contains("To: Mario Rossi <mario.rossi@comune.example.it>"))
        #expect(first.data.contains("Auto-Submitted: auto-generated"))
        #expect(first.data.contains("@comune.example.it>"))
        #expect(!first.tls)
    }

    @Test func credentialsTravelOnlyAfterSTARTTLSAndTheServersCertificateIsChecked() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, key) = try SMTPSink.certificate(in: folder)
        let sink = try SMTPSink(arguments: ["--user", "traguardo", "--password", "segreto", "--cert", cert, "--key", key])
        let settings = MailSettings(
            host: "localhost", port: sink.port, security: .starttls, username: "traguardo", password: "segreto", from: from, caFile: cert)
        let results = await SMTPClient(settings: settings).send([message(to: "mario.rossi@comune.example.it")])
        #expect((try? results[0].get()) != nil, "\(results)")
        let received = try sink.received()
        #expect(received.count == 1)
        #expect(received.first?.tls == true)
        #expect(received.first?.authenticated == true)

        // Not trusting the server's certificate: nothing is sent, and the error says TLS.
        var untrusted = settings
        untrusted.caFile = nil
        let refused = await SMTPClient(settings: untrusted).send([message(to: "mario.rossi@comune.example.it")])
        guard case .failure(let error) = refused[0] else {
            Issue.record("sent to an untrusted server")
            return
        }
        #expect(error.description.contains("TLS"))
        #expect(try sink.received().count == 1)

        // A wrong password is a permanent refusal.
        var wrong = settings
        wrong.password = "sbagliata"
        let denied = await SMTPClient(settings: wrong).send([message(to: "mario.rossi@comune.example.it")])
        guard case .failure(let authError) = denied[0] else {
            Issue.record("accepted a wrong password")
            return
        }
        #expect(authError.isPermanent)
        #expect(authError.description.contains("AUTH"))
    }

    @Test func aRefusedRecipientFailsAloneAndTheOthersAreStillSent() async throws {
        let sink = try SMTPSink(arguments: ["--reject", "nessuno@comune.example.it"])
        let client = SMTPClient(settings: MailSettings(host: "127.0.0.1", port: sink.port, security: .none, from: from))
        let results = await client.send([
            message(to: "mario.rossi@comune.example.it"), message(to: "nessuno@comune.example.it"), message(to: "anna.bianchi@comune.example.it"),
        ])
        #expect((try? results[0].get()) != nil)
        guard case .failure(let error) = results[1] else {
            Issue.record("a refused recipient counted as sent")
            return
        }
        #expect(error.isPermanent)
        #expect(error.description.contains("550"))
        #expect((try? results[2].get()) != nil)
        #expect(try sink.received().map(\.rcptTos) == [["mario.rossi@comune.example.it"], ["anna.bianchi@comune.example.it"]])
    }

    @Test func aServerThatIsDownOrSilentIsATemporaryFailure() async throws {
        let port = try SMTPSink.freePort()
        let down = await SMTPClient(settings: MailSettings(host: "127.0.0.1", port: port, security: .none, from: from))
            .send([message(to: "mario.rossi@comune.example.it"), message(to: "anna.bianchi@comune.example.it")])
        #expect(down.count == 2)
        for result in down {
            guard case .failure(let error) = result else {
                Issue.record("sent with no server")
                continue
            }
            #expect(!error.isPermanent)
        }

        // A server that accepts the connection and never greets: the wait ends at the configured timeout.
        let silent = Process()
        silent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        silent.arguments = [
            "python3", "-c",
            "import socket,time,sys; s=socket.socket(); s.bind(('127.0.0.1', \(port))); s.listen(); print('ready', flush=True); c=s.accept(); time.sleep(30)",
        ]
        let output = Pipe()
        silent.standardOutput = output
        try silent.run()
        defer { silent.terminate() }
        _ = output.fileHandleForReading.availableLine(timeout: 10)
        let started = Date()
        let timedOut = await SMTPClient(settings: MailSettings(host: "127.0.0.1", port: port, security: .none, from: from, timeout: .seconds(1)))
            .send([message(to: "mario.rossi@comune.example.it")])
        guard case .failure(let error) = timedOut.first else {
            Issue.record("sent to a server that never greeted")
            return
        }
        #expect(error == .timeout)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
