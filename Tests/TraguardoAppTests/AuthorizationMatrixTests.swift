import Foundation
import Testing
import TraguardoCore
@testable import TraguardoWeb
import Vapor
import VaporTesting

/// Walks every registered route as every role (and anonymous) against ente "alfa", and checks allow/deny.
/// A route added without a row here fails `everyRouteHasAMatrixEntry`.
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    static let everyone: Set<String> = ["anonymous", "admin", "segretario", "responsabile", "nucleo", "lettore", "estraneo"]
    static let signedIn = everyone.subtracting(["anonymous"])
    static let viewers: Set<String> = ["admin", "segretario", "responsabile", "nucleo", "lettore"]
    static let managers: Set<String> = ["admin", "segretario"]
    static let auditors: Set<String> = ["admin", "segretario", "nucleo"]
    static let editors: Set<String> = ["admin", "segretario", "responsabile"]

    /// "METHOD path" → who may call it. `:ente` is replaced by "alfa"; "estraneo" is segretario of "beta" only.
    static let matrix: [String: Set<String>] = [
        "GET /login": everyone,
        "POST /login": everyone,
        "POST /logout": signedIn,
        "GET /": signedIn,
        "GET /scegli-ente": signedIn,
        "GET /health": everyone,
        "GET /enti/:ente": viewers,
        "GET /enti/:ente/organizzazione": viewers,
        "GET /enti/:ente/piani": viewers,
        "GET /enti/:ente/piani/:plan": viewers,
        "GET /enti/:ente/piani/:plan/nodi/:node": viewers,
        "POST /enti/:ente/piani": managers,
        "GET /enti/:ente/importa": managers,
        "GET /enti/:ente/modello": managers,
        "GET /enti/:ente/piani/:plan/esporta": viewers,
        "POST /enti/:ente/importa": managers,
        "GET /enti/:ente/piani/:plan/punteggi": viewers,
        "GET /enti/:ente/metodologia": viewers,
        "POST /enti/:ente/metodologia": managers,
        "POST /enti/:ente/piani/:plan/stato": managers,
        "POST /enti/:ente/piani/:plan/rinnovo": managers,
        "GET /enti/:ente/piani/:plan/nuovo-nodo": editors,
        "POST /enti/:ente/piani/:plan/nodi": editors,
        "GET /enti/:ente/piani/:plan/nodi/:node/modifica": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node/elimina": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node/duplica": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node/indicatori": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node/fasi": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node/indicatori/:item/elimina": editors,
        "POST /enti/:ente/piani/:plan/nodi/:node/fasi/:item/elimina": editors,
        "POST /enti/:ente/organizzazione/unita": managers,
        "POST /enti/:ente/organizzazione/persone": managers,
        "POST /enti/:ente/organizzazione/incarichi": managers,
        "GET /enti/:ente/utenti": managers,
        "POST /enti/:ente/utenti": managers,
        "GET /enti/:ente/registro": auditors,
        "GET /admin": ["admin"],
        "POST /admin/enti": ["admin"],
        "GET /admin/registro": ["admin"],
        "GET /api/v1/me": signedIn,
        "GET /api/v1/enti": signedIn,
        "GET /api/v1/enti/:ente": viewers,
        "GET /api/v1/enti/:ente/unita": viewers,
        "GET /api/v1/enti/:ente/responsabile": viewers,
        "GET /api/v1/enti/:ente/registro": auditors,
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map { component -> String in
            if case .parameter(let name) = component { return ":\(name)" }
            return component.description
        }.joined(separator: "/")
    }

    @Test func everyRouteHasAMatrixEntryAndAnAccessRule() async throws {
        try await withTestApp { app in
            let keys = Set(app.routes.all.map(Self.key))
            for route in app.routes.all {
                #expect(Self.matrix[Self.key(route)] != nil, "route \(Self.key(route)) has no row in the authorisation matrix")
                #expect(route.access != nil, "route \(Self.key(route)) declares no access rule")
            }
            for key in Self.matrix.keys {
                #expect(keys.contains(key), "matrix row \(key) matches no route")
            }
        }
    }

    @Test func everyRoleGetsExactlyWhatTheMatrixSays() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            for route in app.routes.all {
                let key = Self.key(route)
                let allowed = Self.matrix[key] ?? []
                let path = key.split(separator: " ", maxSplits: 1)[1].replacingOccurrences(of: ":ente", with: "alfa")
                    .replacingOccurrences(of: ":plan", with: "P-2024").replacingOccurrences(of: ":node", with: "OB-0").replacingOccurrences(of: ":item", with: "NESSUNO")
                for role in Self.everyone.sorted() {
                    var client = Client(app: app)
                    if role != "anonymous" {
                        let login = try await client.login(role)
                        #expect(login.status == .seeOther, "login as \(role)")
                    } else {
                        _ = try await client.send(.GET, "/login") // a session with a CSRF token, like a real visitor
                    }
                    let response = try await client.send(route.method, path, form: route.method == .POST ? [:] : nil)
                    let denied = response.status == .unauthorized || response.status == .forbidden
                        || (response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/login") == true && key != "POST /logout")
                    if allowed.contains(role) {
                        #expect(!denied, "\(role) should be allowed \(key), got \(response.status.code)")
                        #expect(response.status != .internalServerError, "\(role) \(key) crashed: \(response.body.string.prefix(200))")
                    } else {
                        #expect(denied, "\(role) should be denied \(key), got \(response.status.code)")
                    }
                }
            }
        }
    }

    @Test func anotherEnteIsInvisibleEvenToItsNeighboursSegretario() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("estraneo")
            let page = try await client.send(.GET, "/enti/alfa")
            #expect(page.status == .forbidden)
            let missing = try await client.send(.GET, "/enti/inesistente")
            #expect(missing.status == .forbidden, "an unknown ente must look the same as a forbidden one")
            let list = try await client.send(.GET, "/api/v1/enti", json: true)
            #expect(list.body.string.contains("beta"))
            #expect(!list.body.string.contains("alfa"))
        }
    }
}
