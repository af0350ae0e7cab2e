import Foundation
import TraguardoCore
import Vapor

/// What a process supervisor, a load balancer and Prometheus ask of an instance.
struct OperationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.health, use: health)
        routes.on(.ready, use: ready)
        routes.on(.metrics, use: metrics)
    }

    struct Status: Content {
        let status: String
        let version: String
        var motivo: String?
    }

    /// Liveness: the process answers. No database, so an outage of the database never gets healthy instances
    /// restarted in a loop.
    @Sendable func health(req: Request) async throws -> Status {
        Status(status: "ok", version: Traguardo.version)
    }

    /// Readiness: the database answers within two seconds; the proxy stops sending traffic otherwise.
    @Sendable func ready(req: Request) async throws -> Response {
        let status: Status
        let code: HTTPResponseStatus
        do {
            _ = try await ping(req)
            (status, code) = (Status(status: "pronto", version: Traguardo.version), .ok)
        } catch {
            req.logger.warning("Readiness: il database non risponde: \(error)")
            (status, code) = (
                Status(status: "non pronto", version: Traguardo.version, motivo: "Il database non risponde: \(error)"), .serviceUnavailable
            )
        }
        let response = try await status.encodeResponse(for: req)
        response.status = code
        return response
    }

    /// Prometheus text format, version 0.0.4.
    @Sendable func metrics(req: Request) async throws -> Response {
        let ping = try? await ping(req)
        OperationsMetrics.refresh(
            databaseUp: ping != nil, ping: ping,
            poolSize: req.application.settings?.database.poolSize(eventLoops: Array(req.application.eventLoopGroup.makeIterator()).count))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: OperationsMetrics.registry.emitToString()))
    }

    /// A trivial query with a deadline: a database that hangs counts as down.
    func ping(_ req: Request) async throws -> Duration {
        let clock = ContinuousClock(), start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await req.store.ping() }
            group.addTask {
                try await Task.sleep(for: .seconds(2))
                throw Abort(.serviceUnavailable, reason: "nessuna risposta in 2 secondi")
            }
            try await group.next()
            group.cancelAll()
        }
        return clock.now - start
    }
}
