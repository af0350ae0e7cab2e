import Fluent
import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

/// The engine under test: in-memory SQLite by default, PostgreSQL when `TEST_DATABASE_URL` names one
/// (`scripts/test` runs the suite both ways). PostgreSQL runs use `--no-parallel`: one shared database.
enum TestDatabase {
    static var location: DatabaseLocation {
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty, let loc = try? DatabaseLocation(url: url) {
            return loc
        }
        return .sqliteMemory
    }
}

/// A configured app on a clean database, shut down afterwards.
func withTestApp<T>(adjusting adjust: (inout Settings) -> Void = { _ in }, _ body: (Application) async throws -> T) async throws -> T {
    let app = try await Application.make(.testing)
    do {
        var settings = Settings(database: TestDatabase.location, secureCookies: false, bcryptCost: 4, demoOnEmptyDatabase: false)
        adjust(&settings)
        try await configure(app, settings: settings)
        if case .postgres = settings.database {
            try await app.autoRevert()
        }
        try await app.prepareDatabase()
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Two enti and one user per role in the first, plus a segretario of the second only, all with password
/// `password1`. Used by the route and access tests.
struct Fixture {
    static let password = "password1"
    let alfaID: UUID
    let betaID: UUID
    let unitA1: UUID
    let unitA2: UUID

    static let usernames = ["admin", "segretario", "responsabile", "nucleo", "lettore", "estraneo"]

    static func install(on app: Application) async throws -> Fixture {
        let db = app.db
        let alfa = try await EnteStore.create(Ente(slug: "alfa", name: "Comune di Alfa", kind: .comune), on: db, actor: .system)
        let beta = try await EnteStore.create(Ente(slug: "beta", name: "Comune di Beta", kind: .comune), on: db, actor: .system)
        let alfaID = try alfa.requireID(), betaID = try beta.requireID()
        let a1 = try await OrganisationStore.createUnit(
            OrgUnit(key: "U-01", code: "01", name: "AFFARI GENERALI", kind: .settore), enteID: alfaID, on: db, actor: .system)
        let a2 = try await OrganisationStore.createUnit(
            OrgUnit(key: "U-02", code: "02", name: "FINANZIARIO", kind: .settore), enteID: alfaID, on: db, actor: .system)
        try await OrganisationStore.createUnit(
            OrgUnit(key: "U-01", code: "01", name: "SETTORE DI BETA", kind: .settore), enteID: betaID, on: db, actor: .system)
        try await OrganisationStore.createPerson(
            Person(key: "P-rossi", familyName: "ROSSI", givenName: "Anna", staffGrade: "D1"), enteID: alfaID, on: db, actor: .system)
        try await OrganisationStore.createAssignment(
            Assignment(
                personKey: "P-rossi", unitKey: "U-02", role: .titolare,
                validity: DayRange(from: Day(year: 2024, month: 1, day: 1), to: Day(year: 2024, month: 4, day: 30))),
            enteID: alfaID, on: db, actor: .system)
        let plan = PlanBundle(
            ente: Ente(slug: "alfa", name: "Comune di Alfa", kind: .comune),
            units: [OrgUnit(key: "U-01", code: "01", name: "AFFARI GENERALI", kind: .settore)],
            plan: Plan(
                key: "P-2024", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024,
                levels: [.operationalObjective, .performanceObjective]),
            nodes: [
                PlanNode(key: "OB-0", level: .operationalObjective, code: "0", title: "Transizione digitale", ownerUnitKeys: ["U-01"]),
                PlanNode(
                    key: "OB-1", level: .performanceObjective, parentKey: "OB-0", code: "1", title: "Digitalizzare gli atti", ownerUnitKeys: ["U-01"],
                    weight: 100, classifications: ["digitalizzazione"]),
            ],
            indicators: [Indicator(key: "OB-1-I1", nodeKey: "OB-1", name: "Atti digitalizzati", form: .percent, target: Target(number: 90))])
        try await BundleImporter.importBundle(plan, on: db, actor: .system)
        let users = app.userStore
        func make(_ name: String, admin: Bool = false, _ grants: [Grant]) async throws {
            try await users.create(
                NewUser(username: name, displayName: name.capitalized, password: password, isSystemAdmin: admin, grants: grants), on: db,
                actor: .system)
        }
        try await make("admin", admin: true, [])
        try await make("segretario", [Grant(enteID: alfaID, role: .segretario)])
        try await make("responsabile", [Grant(enteID: alfaID, role: .responsabile, unitIDs: [try a1.requireID()])])
        try await make("nucleo", [Grant(enteID: alfaID, role: .nucleo)])
        try await make("lettore", [Grant(enteID: alfaID, role: .lettore)])
        try await make("estraneo", [Grant(enteID: betaID, role: .segretario)])
        return Fixture(alfaID: alfaID, betaID: betaID, unitA1: try a1.requireID(), unitA2: try a2.requireID())
    }
}

/// A cookie-keeping client over the in-memory tester, like a browser with one tab.
struct Client {
    let app: Application
    var cookie: String?
    var csrf: String?

    init(app: Application) {
        self.app = app
    }

    mutating func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil, json: Bool = false, withCSRF: Bool = true) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        if json { headers.add(name: .accept, value: "application/json") }
        var body: ByteBuffer?
        if var form {
            if withCSRF, let csrf { form["_csrf"] = csrf }
            let encoded = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
                separator: "&")
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: encoded)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        if let set = response.headers.setCookie?["traguardo-session"] {
            cookie = "traguardo-session=\(set.string)"
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// A multipart/form-data POST with one file, as a browser's upload form sends it.
    mutating func upload(
        _ path: String, file: Data, filename: String, fields: [String: String] = [:], fileField: String = "file"
    ) async throws -> TestingHTTPResponse {
        let boundary = "----traguardo-test-boundary"
        var body = Data()
        var all = fields
        if let csrf { all["_csrf"] = csrf }
        for (name, value) in all {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Opens the login page (for the CSRF token) and signs in.
    mutating func login(_ username: String, password: String = Fixture.password) async throws -> TestingHTTPResponse {
        _ = try await send(.GET, "/login")
        let response = try await send(.POST, "/login", form: ["username": username, "password": password, "next": "/"])
        if response.status == .seeOther {
            _ = try await send(.GET, "/")  // the session (and its CSRF token) is renewed at sign-in
        }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

extension Fixture {
    /// The fixture's plan P-2024 approved, with an open campaign: what monitoring tests start from.
    static func openCampaign(
        _ key: String, asOf: Day, deadline: Day? = nil, isFinal: Bool = false, on app: Application, enteID: UUID
    ) async throws -> StoredPlan {
        let store = app.store
        guard var plan = try await store.plan(enteID: enteID, key: "P-2024") else { throw Abort(.notFound) }
        if plan.plan.state == .bozza {
            _ = try await store.move(
                plan, to: .approvato, act: Act(organ: "Giunta", number: "12", date: Day(year: 2024, month: 1, day: 30)), allows: { _ in true },
                actor: .system)
            plan = try await store.plan(enteID: enteID, key: "P-2024")!
        }
        try await store.createCampaign(
            Campaign(key: key, title: key, asOf: asOf, entryDeadline: deadline, isFinal: isFinal), in: plan, actor: .system)
        try await store.moveCampaign(key, of: plan, to: .aperta, reason: nil, allows: { _ in true }, actor: .system)
        return plan
    }
}
