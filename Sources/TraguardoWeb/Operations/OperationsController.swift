import Foundation
import Synchronization
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

    /// A trivial query with a deadline: a database that hangs counts as down. The query runs in a task of its own
    /// that is not awaited past the deadline (a Fluent query does not stop when cancelled), so the probe answers in
    /// two seconds whatever the database does.
    func ping(_ req: Request) async throws -> Duration {
        let clock = ContinuousClock(), start = clock.now
        let store = req.store
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let once = ResumeOnce(continuation)
            Task {
                do {
                    try await store.ping()
                    once.resume(.success(()))
                } catch {
                    once.resume(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(2))
                once.resume(.failure(Abort(.serviceUnavailable, reason: "nessuna risposta in 2 secondi")))
            }
        }
        return clock.now - start
    }
}

/// A continuation resumed by whichever of two tasks finishes first; the other's result is dropped.
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<Void, any Error>?>

    init(_ continuation: CheckedContinuation<Void, any Error>) { self.continuation = Mutex(continuation) }

    func resume(_ result: Result<Void, any Error>) { continuation.withLock { $0.take() }?.resume(with: result) }
}
