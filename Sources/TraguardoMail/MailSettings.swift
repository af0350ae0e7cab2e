import Foundation

/// How the app reaches its SMTP server, read from the environment. Without `SMTP_HOST` no e-mail leaves the app:
/// messages stay in the outbox, visible in the pages.
public struct MailSettings: Sendable, Equatable {
    /// How the connection is protected: STARTTLS after connecting (port 587), TLS from the first byte (port 465),
    /// or nothing (a relay on the same machine or network, port 25).
    public enum Security: String, Sendable, CaseIterable {
        case starttls
        case tls
        case none

        var defaultPort: Int {
            switch self {
            case .starttls: 587
            case .tls: 465
            case .none: 25
            }
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender as written in the From header, e.g. `Traguardo <performance@comune.example.it>`.
    public var from: MailAddress
    /// The name this machine gives in EHLO.
    public var heloName: String
    /// A PEM file of the certificate authorities to trust instead of the system's (a server with its own CA).
    public var caFile: String?
    /// The longest wait for any one reply of the server.
    public var timeout: Duration

    public init(
        host: String, port: Int? = nil, security: Security = .starttls, username: String? = nil, password: String? = nil, from: MailAddress,
        heloName: String = "traguardo.localdomain", caFile: String? = nil, timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.heloName = heloName
        self.caFile = caFile
        self.timeout = timeout
    }

    /// The settings in the environment, nil when `SMTP_HOST` is not set; an Italian error naming the variable when
    /// one is set wrongly.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> MailSettings? {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let host = value("SMTP_HOST") else { return nil }
        let security: Security
        if let raw = value("SMTP_SECURITY") {
            guard let parsed = Security(rawValue: raw.lowercased()) else {
                throw MailSettingsError("SMTP_SECURITY vale «\(raw)»: usa starttls, tls oppure none.")
            }
            security = parsed
        } else {
            security = .starttls
        }
        var port: Int?
        if let raw = value("SMTP_PORT") {
            guard let parsed = Int(raw), (1...65535).contains(parsed) else {
                throw MailSettingsError("SMTP_PORT vale «\(raw)»: serve un numero di porta tra 1 e 65535.")
            }
            port = parsed
        }
        guard let rawFrom = value("SMTP_FROM") else {
            throw MailSettingsError("SMTP_HOST è impostato ma manca SMTP_FROM, il mittente dei messaggi (es. «Traguardo <performance@comune.it>»).")
        }
        guard let from = MailAddress(parsing: rawFrom) else {
            throw MailSettingsError("SMTP_FROM vale «\(rawFrom)»: non è un indirizzo e-mail valido.")
        }
        let username = value("SMTP_USERNAME")
        let password = value("SMTP_PASSWORD")
        if (username == nil) != (password == nil) {
            throw MailSettingsError("Imposta sia SMTP_USERNAME sia SMTP_PASSWORD, oppure nessuno dei due.")
        }
        if username != nil, security == .none, !["127.0.0.1", "localhost", "::1"].contains(host) {
            throw MailSettingsError("Le credenziali SMTP non si inviano in chiaro a un altro computer: imposta SMTP_SECURITY a starttls o tls.")
        }
        var timeout = Duration.seconds(30)
        if let raw = value("SMTP_TIMEOUT") {
            guard let seconds = Int(raw), seconds > 0 else {
                throw MailSettingsError("SMTP_TIMEOUT vale «\(raw)»: serve un numero di secondi maggiore di zero.")
            }
            timeout = .seconds(seconds)
        }
        if let file = value("SMTP_CA_FILE"), !FileManager.default.isReadableFile(atPath: file) {
            throw MailSettingsError("SMTP_CA_FILE indica «\(file)», che non esiste o non è leggibile.")
        }
        return MailSettings(
            host: host, port: port, security: security, username: username, password: password, from: from,
            heloName: value("SMTP_HELO") ?? "traguardo.localdomain", caFile: value("SMTP_CA_FILE"), timeout: timeout)
    }
}

public struct MailSettingsError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
