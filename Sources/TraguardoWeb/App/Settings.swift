import Foundation
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

    public init(database: DatabaseLocation, secureCookies: Bool = true, bcryptCost: Int = 12, demoOnEmptyDatabase: Bool = true) {
        self.database = database
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.demoOnEmptyDatabase = demoOnEmptyDatabase
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
            demoOnEmptyDatabase: env["TRAGUARDO_NO_DEMO"] == nil)
    }
}
