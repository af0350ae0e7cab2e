import Foundation
import Logging
import Synchronization
import Testing
import TraguardoCore
import Vapor
import VaporTesting

@testable import TraguardoWeb

/// Liveness, readiness, metrics and request ids: what the proxy, the supervisor and Prometheus see.
@Suite("Operations: health, readiness, metrics, request ids", .serialized)
struct OperationsTests {
    static let token = "token-di-prova-delle-metriche-0123456789"

    @Test func healthAndReadinessAnswerWithoutASession() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/health") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""status":"ok""#))
                #expect(res.headers.setCookie == nil, "a probe must not create sessions")
            }
            try await app.testing().test(.GET, "/ready") { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""status":"pronto""#))
            }
        }
    }

    @Test func metricsNeedTheTokenOrALoopbackPeerWithoutAProxy() async throws {
        let withToken: (inout Settings) -> Void = { $0.metricsToken = Self.token }
        try await withTestApp(adjusting: withToken) { app in
            var client = Client(app: app)
            _ = try await client.login("admin")  // no account needed: a session opens nothing here
            try await app.testing().test(.GET, "/metrics") { res async in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("TRAGUARDO_METRICS_TOKEN"))
            }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer sbagliato-sbagliato-sbagliato"]) { res async in
                #expect(res.status == .forbidden)
            }
            // Some traffic first, so the request and scoring series exist.
            _ = try await Fixture.install(on: app)
            var nucleo = Client(app: app)
            _ = try await nucleo.login("nucleo")
            #expect(try await nucleo.send(.GET, "/enti/alfa/piani/P-2024/punteggi").status == .ok)
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"]) { res async in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("text/plain") == true)
                let text = res.body.string
                #expect(text.contains("# TYPE http_requests_total counter"))
                #expect(text.contains(#"path="/enti/:ente/piani/:plan/punteggi""#), "series by route pattern, not by URL")
                #expect(text.contains("http_request_duration_seconds_bucket"))
                #expect(text.contains("traguardo_database_up 1"))
                #expect(text.contains("traguardo_database_ping_seconds"))
                #expect(text.contains("traguardo_database_pool_max_connections"))
                #expect(text.contains("traguardo_scoring_seconds_count"))
                #expect(text.contains(#"traguardo_info{version="\#(Traguardo.version)"} 1"#))
            }
        }
    }

    @Test func onARealSocketLoopbackGetsMetricsAndTheProxyDoesNot() async throws {
        try await withTestApp { app in
            try await app.testing(method: .running(port: 0)).test(.GET, "/metrics") { res async in
                #expect(res.status == .ok, "Prometheus on this machine scrapes the instance's port directly")
            }
            try await app.testing(method: .running(port: 0)).test(.GET, "/metrics", headers: ["X-Forwarded-For": "203.0.113.7"]) { res async in
                #expect(res.status == .forbidden, "through the proxy, metrics stay closed")
            }
        }
    }

    /// On a real socket, where the peer is loopback: the token opens the metrics even through a proxy, a wrong token
    /// does not, and without a token the proxy's forwarding header closes them.
    @Test func theTokenDecidesOnARealSocket() async throws {
        let withToken: (inout Settings) -> Void = { $0.metricsToken = Self.token }
        try await withTestApp(adjusting: withToken) { app in
            let tester = try app.testing(method: .running(port: 0))
            try await tester.test(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)", "X-Forwarded-For": "203.0.113.7"]) {
                res async in #expect(res.status == .ok)
            }
            try await tester.test(.GET, "/metrics", headers: ["Authorization": "Bearer sbagliato-sbagliato-sbagliato"]) { res async in
                #expect(res.status == .forbidden, "a wrong token is refused even from loopback")
            }
            try await tester.test(.GET, "/metrics", headers: ["X-Real-IP": "203.0.113.7"]) { res async in
                #expect(res.status == .forbidden)
            }
            try await tester.test(.GET, "/metrics") { res async in #expect(res.status == .ok) }
        }
    }

    @Test func everyResponseCarriesItsRequestId() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/login", headers: ["X-Request-Id": "nginx-4f2a.9_b"]) { res async in
                #expect(res.headers.first(name: "X-Request-Id") == "nginx-4f2a.9_b")
            }
            try await app.testing().test(.GET, "/pagina-inesistente", headers: ["X-Request-Id": "riga\nfalsa del log"]) { res async in
                let id = res.headers.first(name: "X-Request-Id") ?? ""
                #expect(res.status == .notFound)
                #expect(!id.isEmpty && !id.contains("riga"), "an id that could forge a log line is replaced by a fresh one")
            }
        }
    }

    @Test func jsonLogLinesCarryTheRequestIdAsAField() throws {
        let lines = Mutex<[Data]>([])
        var logger = Logger(label: "traguardo.test") { label in
            JSONLogHandler(label: label, level: .info, sink: { data in lines.withLock { $0.append(data) } })
        }
        logger[metadataKey: "request-id"] = "abc-123"
        logger.info("GET /ready 200", metadata: ["status": "200"])
        logger.debug("non scritto: sotto il livello")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: written[0]) as? [String: String])
        #expect(object["request-id"] == "abc-123")
        #expect(object["message"] == "GET /ready 200")
        #expect(object["level"] == "info")
        #expect(object["status"] == "200")
        #expect(object["ts"]?.hasSuffix("Z") == true)
        #expect(written[0].last == 0x0A)
    }
}
