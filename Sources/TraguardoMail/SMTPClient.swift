import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Sends messages to one SMTP server (RFC 5321): EHLO, STARTTLS or TLS, AUTH PLAIN or LOGIN, then each message over
/// the same connection. A message the server refuses (a 5xx to its recipient) fails alone; a broken connection
/// fails the messages not yet accepted.
public struct SMTPClient: Sendable {
    public let settings: MailSettings
    let group: any EventLoopGroup

    public init(settings: MailSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.group = group
    }

    /// One result per message, in order.
    public func send(_ messages: [MailMessage]) async -> [Result<Void, SMTPError>] {
        guard !messages.isEmpty else { return [] }
        var results: [Result<Void, SMTPError>] = []
        do {
            let channel = try await connect()
            try await channel.executeThenClose { inbound, outbound in
                let session = SMTPSession(
                    settings: settings, channel: channel.channel, lines: inbound.makeAsyncIterator(), outbound: outbound)
                try await session.run(messages) { results.append($0) }
            }
        } catch {
            let failure = Self.smtpError(error)
            while results.count < messages.count { results.append(.failure(failure)) }
        }
        return results
    }

    private func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let tls = settings.security == .tls ? try makeTLSContext() : nil
        let host = settings.host
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(Int64(settings.timeout.components.seconds)))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls { try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(tls, host: host)) }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.connection("\(settings.host):\(settings.port) (\(error))")
        }
    }

    func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.caFile { configuration.trustRoots = .file(file) }
        return try NIOSSLContext(configuration: configuration)
    }

    static func tlsHandler(_ context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        // SNI carries names only: for an IP address the certificate is still checked, without a name.
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    static func smtpError(_ error: any Error) -> SMTPError {
        if let error = error as? SMTPError { return error }
        if error is NIOSSLError || error is BoringSSLError { return .connection("TLS non riuscito (\(error))") }
        return .connection("\(error)")
    }
}

/// The conversation of one connection.
final class SMTPSession {
    let settings: MailSettings
    let channel: any Channel
    var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    init(
        settings: MailSettings, channel: any Channel, lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.settings = settings
        self.channel = channel
        self.lines = lines
        self.outbound = outbound
    }

    func run(_ messages: [MailMessage], report: (Result<Void, SMTPError>) -> Void) async throws {
        try expect(await reply(), 220, "apertura della connessione")
        var extensions = try await hello()
        if settings.security == .starttls {
            guard extensions.contains("STARTTLS") else { throw SMTPError.startTLSUnavailable }
            try await command("STARTTLS", expecting: 220)
            let context = try SMTPClient(settings: settings).makeTLSContext()
            let host = settings.host
            let channel = self.channel
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try SMTPClient.tlsHandler(context, host: host), position: .first)
            }.get()
            extensions = try await hello()
        }
        if let username = settings.username, let password = settings.password {
            try await authenticate(username: username, password: password, extensions: extensions)
        }
        for (index, message) in messages.enumerated() {
            do {
                try await deliver(message)
                report(.success(()))
            } catch let error as SMTPError where error.isPermanent {
                report(.failure(error))
                // The transaction is abandoned; the connection serves the next message.
                if index < messages.count - 1 { try await command("RSET", expecting: 250) }
            }
        }
        try? await write(ByteBuffer(string: "QUIT\r\n"))
        _ = try? await reply()
    }

    /// EHLO, and the extensions the server announces (the first word of each line after the greeting).
    private func hello() async throws -> Set<String> {
        try await write(ByteBuffer(string: "EHLO \(settings.heloName)\r\n"))
        let answer = try await reply()
        try expect(answer, 250, "EHLO")
        return Set(answer.lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
            .union(
                answer.lines.dropFirst().filter { $0.uppercased().hasPrefix("AUTH") }.flatMap { line in
                    line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map { "AUTH " + $0 }
                })
    }

    private func authenticate(username: String, password: String, extensions: Set<String>) async throws {
        if extensions.contains("AUTH PLAIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try await command("AUTH PLAIN \(token)", expecting: 235, label: "AUTH PLAIN")
        } else if extensions.contains("AUTH LOGIN") {
            try await command("AUTH LOGIN", expecting: 334)
            try await command(Data(username.utf8).base64EncodedString(), expecting: 334, label: "AUTH LOGIN (utente)")
            try await command(Data(password.utf8).base64EncodedString(), expecting: 235, label: "AUTH LOGIN (password)")
        } else {
            throw SMTPError.authenticationUnavailable
        }
    }

    private func deliver(_ message: MailMessage) async throws {
        try await command("MAIL FROM:<\(message.from.address)>", expecting: 250)
        try await command("RCPT TO:<\(message.to.address)>", expecting: 250, 251)
        try await command("DATA", expecting: 354)
        // Dot-stuffing (RFC 5321 §4.5.2): a line that starts with "." gets another one.
        let stuffed = message.text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        let ending = stuffed.hasSuffix("\r\n") ? ".\r\n" : "\r\n.\r\n"
        try await write(ByteBuffer(string: stuffed + ending))
        try expect(await reply(), 250, "fine del messaggio")
    }

    private func command(_ text: String, expecting codes: Int..., label: String? = nil) async throws {
        try await write(ByteBuffer(string: text + "\r\n"))
        let answer = try await reply()
        guard codes.contains(answer.code) else {
            throw SMTPError.reply(command: label ?? text, code: answer.code, text: answer.text)
        }
    }

    private func expect(_ answer: SMTPReply, _ code: Int, _ label: String) throws {
        guard answer.code == code else { throw SMTPError.reply(command: label, code: answer.code, text: answer.text) }
    }

    /// A write that fails because the connection went away (a refused TLS handshake closes it before the next
    /// command) reports why it went away, which the inbound side holds, rather than "I/O on closed channel".
    private func write(_ buffer: ByteBuffer) async throws {
        do {
            try await outbound.write(buffer)
        } catch {
            while try await nextLine() != nil {}
            throw SMTPClient.smtpError(error)
        }
    }

    /// A reply, with its continuation lines ("250-…" until "250 …"), within the configured wait.
    private func reply() async throws -> SMTPReply {
        var texts: [String] = []
        while true {
            guard let line = try await nextLine() else { throw SMTPError.connection("il server ha chiuso la connessione") }
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError.unexpected("«\(line.prefix(80))»") }
            let rest = line.dropFirst(3)
            texts.append(String(rest.dropFirst()))
            if rest.first != "-" { return SMTPReply(code: code, lines: texts) }
        }
    }

    private func nextLine() async throws -> String? {
        let channel = self.channel
        let expired = NIOLockedValueBox(false)
        // A server that stops answering must not hold the outbox: past the wait the connection is closed, which
        // ends the read.
        let timer = channel.eventLoop.scheduleTask(in: .seconds(settings.timeout.components.seconds)) {
            expired.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        let line: ByteBuffer?
        do {
            line = try await lines.next()
        } catch {
            throw expired.withLockedValue { $0 } ? SMTPError.timeout : SMTPClient.smtpError(error)
        }
        guard var buffer = line else {
            if expired.withLockedValue({ $0 }) { throw SMTPError.timeout }
            return nil
        }
        return buffer.readString(length: buffer.readableBytes).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}
