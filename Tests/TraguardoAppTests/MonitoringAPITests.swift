import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

/// The JSON API of monitoring: a program with a token pushes actuals under its user's rights; a stale version is a
/// 409 and nothing is written; the OpenAPI document describes every API endpoint.
@Suite("Monitoring API")
struct MonitoringAPITests {
    @Test func aTokenPushesActualsUnderItsUsersRights() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            let store = app.store
            let plan = try await Fixture.openCampaign("M-06", asOf: Day(year: 2024, month: 6, day: 30)!, on: app, enteID: fixture.alfaID)
            let (token, hash) = APIToken.generate()
            try await store.createAPIToken(username: "responsabile", name: "gestionale", tokenHash: hash, actor: .system)

            func call(_ method: HTTPMethod, _ path: String, token: String? = token, json: String? = nil) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
                if json != nil { headers.contentType = .json }
                return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
            }
            let base = "/api/v1/enti/alfa/piani/P-2024/campagne"
            #expect(try await call(.GET, base, token: nil).status == .unauthorized)
            #expect(try await call(.GET, base, token: "tg_falso").status == .unauthorized)
            let list = try await call(.GET, base)
            #expect(list.status == .ok && list.body.string.contains("\"key\":\"M-06\""))
            // Typed values: a JSON number; text is read by the indicator's form.
            let first = try await call(
                .PUT, base + "/M-06/obiettivi/OB-1",
                json: #"{"version":0,"status":"in-linea","indicators":[{"indicatorKey":"OB-1-I1","value":45}]}"#)
            #expect(first.status == .ok)
            #expect(first.body.string.contains("\"version\":1") && first.body.string.contains("\"computed\":\"50,00\""))
            let stale = try await call(
                .PUT, base + "/M-06/obiettivi/OB-1", json: #"{"version":0,"indicators":[{"indicatorKey":"OB-1-I1","value":"99"}]}"#)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Qualcun altro ha modificato questi dati"))
            let bad = try await call(
                .PUT, base + "/M-06/obiettivi/OB-1", json: #"{"version":1,"indicators":[{"indicatorKey":"OB-1-I1","value":"tanti"}]}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("indicators[0].value"))
            let data = try #require(try await store.campaign("M-06", of: plan))
            #expect(data.entry("OB-1", indicator: "OB-1-I1")?.actual?.number == 45)
            // The responsabile may not move the campaign nor validate: the same rights as in the pages.
            #expect(try await call(.POST, base + "/M-06/stato", json: #"{"to":"in-validazione"}"#).status == .forbidden)
            #expect(try await call(.PUT, base + "/M-06/obiettivi/OB-1/validazione", json: #"{"kind":"conferma"}"#).status == .forbidden)
            let scores = try await call(.GET, base + "/M-06/punteggi")
            #expect(scores.status == .ok && scores.body.string.contains("\"computed\":\"50,00\""))
            // A browser session must still send its CSRF token to the API.
            var browser = Client(app: app)
            _ = try await browser.login("responsabile")
            let noToken = try await browser.send(.PUT, base + "/M-06/obiettivi/OB-1", withCSRF: false)
            #expect(noToken.status == .forbidden)
            // An unknown method on a known path is a 405 with Allow.
            let trace = try await call(.DELETE, base)
            #expect(trace.status == .methodNotAllowed && trace.headers.first(name: "Allow") == "GET")
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryAPIEndpoint() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/TraguardoWeb/Public/api/v1/openapi.json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        for endpoint in Endpoint.allCases where endpoint.segments.first == .literal("api") {
            let path =
                "/"
                + endpoint.segments.map { s in
                    if case .literal(let text) = s { return text }
                    return "{\(s.parameterName!)}"
                }.joined(separator: "/")
            #expect(paths[path]?[endpoint.method.rawValue.lowercased()] != nil, "\(endpoint.signature) is not in openapi.json")
        }
        try await withTestApp { app in
            let served = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(served.status == .ok && served.body.string.contains("\"openapi\": \"3.1.0\""))
        }
    }
}
