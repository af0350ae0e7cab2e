/// Why a message could not be delivered, in Italian for the outbox page. A 5xx reply is permanent: sending the
/// same message again would get the same answer.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case connection(String)
    case timeout
    case reply(command: String, code: Int, text: String)
    case unexpected(String)
    case startTLSUnavailable
    case authenticationUnavailable

    public var isPermanent: Bool {
        switch self {
        case .reply(_, let code, _): code >= 500
        case .startTLSUnavailable, .authenticationUnavailable: true
        case .connection, .timeout, .unexpected: false
        }
    }

    public var description: String {
        switch self {
        case .connection(let detail): "Server SMTP non raggiungibile: \(detail)."
        case .timeout: "Il server SMTP non ha risposto in tempo."
        case .reply(let command, let code, let text): "Il server SMTP ha risposto \(code) a \(command): \(text)"
        case .unexpected(let detail): "Risposta del server SMTP non comprensibile: \(detail)."
        case .startTLSUnavailable: "Il server SMTP non offre STARTTLS: imposta SMTP_SECURITY=tls oppure none."
        case .authenticationUnavailable: "Il server SMTP non accetta l'autenticazione PLAIN o LOGIN richiesta da SMTP_USERNAME."
        }
    }
}

/// One reply of the server: its code and its lines of text (several for EHLO).
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " ") }
}
