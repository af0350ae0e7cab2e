import Fluent
import Leaf
import LeafKit
import TraguardoCore
import TraguardoMail
import TraguardoPersistence
import Vapor

/// Builds the whole web application: database, migrations, sessions, middlewares, routes.
/// The CLI's `serve` and the tests call this same function. It is the only web file that knows Fluent:
/// everything else reaches the database through `Request.store`, which speaks core values.
public func configure(_ app: Application, settings: Settings) async throws {
    // One database id whatever the engine, so no code path depends on which one is configured.
    app.databases.use(try DatabaseSetup.factory(for: settings.database), as: .traguardo, isDefault: true)
    app.migrations.add(DatabaseSetup.migrations)
    app.migrations.add(SessionRecord.migration)
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))

    // Deterministic, readable JSON for the API and exports: sorted keys, ISO dates, unescaped slashes.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    configureViews(app)

    app.sessions.use(.fluent)
    let stored = app.sessions.driver
    app.sessions.use { _ in WriteOnChangeSessions(base: stored) }
    let secure = settings.secureCookies
    app.sessions.configuration = SessionsConfiguration(cookieName: "traguardo-session") { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: 8 * 3600, domain: nil, path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    app.storage[SettingsKey.self] = settings
    OperationsMetrics.bootstrap()
    app.storage[MailSettingsKey.self] = MailConfiguration(settings: settings.mail, publicURL: settings.publicURL)
    app.storage[DerivedCachesKey.self] = DerivedCaches()
    app.storage[PageCacheKey.self] = PageCache()
    app.storage[UserStoreKey.self] = UserStore(hasher: try BcryptHasher(cost: settings.bcryptCost, threadPool: app.threadPool))

    // Order matters: errors wrap everything; static files need no session; access runs before CSRF so an
    // anonymous POST is sent to log in rather than told its form expired.
    app.middleware = Middlewares()
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(ErrorPages())
    app.middleware.use(SecurityHeaders())
    app.middleware.use(FileMiddleware(publicDirectory: Bundle.module.resourceURL!.appendingPathComponent("Public").path + "/"))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(AccessMiddleware())
    app.middleware.use(CSRFMiddleware())

    registerRoutes(app.routes)
}

/// Leaf, reading the templates shipped in the package's resource bundle. Snapshot tests call this alone.
func configureViews(_ app: Application) {
    app.directory.viewsDirectory = Bundle.module.resourceURL!.appendingPathComponent("Views").path + "/"
    app.views.use(.leaf)
    // The views ship inside the package's resource bundle, under .build when run from a checkout: Leaf's
    // default sandbox refuses hidden folders, so sandbox it to the views folder itself instead.
    let views = app.directory.viewsDirectory
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .onlyLeafExtensions],
            sandboxDirectory: views, viewDirectory: views))
    app.leaf.cache.isEnabled = app.environment.isRelease
}

struct UserStoreKey: StorageKey { typealias Value = UserStore }
struct SettingsKey: StorageKey { typealias Value = Settings }

extension DatabaseID {
    static let traguardo = DatabaseID(string: "traguardo")
}

extension Request {
    /// The persistence API for this request, on the app's database.
    var store: Store { Store(database: db, users: application.userStore) }
}

extension Application {
    /// The account store configured for this app (bcrypt cost from the settings).
    public var userStore: UserStore {
        guard let store = storage[UserStoreKey.self] else { fatalError("configure(_:settings:) has not run") }
        return store
    }

    /// The settings the app was configured with.
    var settings: Settings? { storage[SettingsKey.self] }

    /// The persistence API on the app's database, for the CLI and the tests.
    public var store: Store { Store(database: db, users: userStore) }

    /// Migrates (all or nothing per batch) and tunes SQLite; safe to call at every start.
    public func prepareDatabase() async throws {
        try await DatabaseSetup.tuneSQLite(db)
        try await autoMigrate()
    }
}
