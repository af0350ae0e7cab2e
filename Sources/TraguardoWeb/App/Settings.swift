import Foundation
import TraguardoMail
import TraguardoPersistence

/// Everything the app reads from the environment, parsed once at start-up.
public struct Settings: Sendable {
    public var database: DatabaseLocation
    /// Secure (HTTPS-only) session cookies. On by default; `TRAGUARDO_INSECURE_COOKIES=1` allows plain
    /// http on a developer's machine, which the first-run message points out.
    public var secureCookies: Bool
    public var bcryptCost: Int
    /// Load the demo enti and accounts when the database is empty.
    public var demoOnEmptyDatabase: Bool
    /// The SMTP server for e-mail (`SMTP_*`); nil: messages wait in the outbox, visible in the pages.
    public var mail: MailSettings?
    /// The address users reach the app at (`TRAGUARDO_PUBLIC_URL`, e.g. https://performance.comune.it), for links in
    /// e-mail; nil: the Host of the request, or the address `serve` listens on.
    public var publicURL: String?
    /// `TRAGUARDO_METRICS_TOKEN`: a bearer token that opens /metrics from elsewhere than this machine.
    public var metricsToken: String?

    public init(
        database: DatabaseLocation, secureCookies: Bool = true, bcryptCost: Int = 12, demoOnEmptyDatabase: Bool = true, mail: MailSettings? = nil,
        publicURL: String? = nil, metricsToken: String? = nil
    ) {
        self.database = database
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.demoOnEmptyDatabase = demoOnEmptyDatabase
        self.mail = mail
        self.publicURL = publicURL
        self.metricsToken = metricsToken
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        let url = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? DatabaseLocation.defaultURL
        let location = try DatabaseLocation(url: url)
        let local: Bool
        switch location {
        case .sqliteFile, .sqliteMemory: local = true
        case .postgres: local = false
        }
        // SQLite means a single-machine install, usually a laptop on http://localhost: cookies must work there.
        let insecure = env["TRAGUARDO_INSECURE_COOKIES"].map { $0 == "1" || $0 == "true" } ?? local
        return Settings(
            database: location, secureCookies: !insecure,
            bcryptCost: env["TRAGUARDO_BCRYPT_COST"].flatMap(Int.init) ?? 12,
            demoOnEmptyDatabase: env["TRAGUARDO_NO_DEMO"] == nil, mail: try MailSettings.fromEnvironment(env),
            publicURL: try publicURL(env["TRAGUARDO_PUBLIC_URL"]), metricsToken: try metricsToken(env["TRAGUARDO_METRICS_TOKEN"]))
    }

    static func metricsToken(_ raw: String?) throws -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        guard raw.count >= 16 else {
            throw SettingsError("TRAGUARDO_METRICS_TOKEN è troppo corto (\(raw.count) caratteri): usane almeno 16, es. «openssl rand -hex 24».")
        }
        return raw
    }

    static func publicURL(_ raw: String?) throws -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let url = URL(string: raw), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw SettingsError("TRAGUARDO_PUBLIC_URL vale «\(raw)»: serve un indirizzo completo, es. https://performance.comune.it")
        }
        return raw.hasSuffix("/") ? String(raw.dropLast()) : raw
    }
}

public struct SettingsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
