import Vapor

/// Sessions stored by another driver (Fluent's table), read through the store's SQL read and written back only
/// when their data changed. Vapor's sessions middleware saves the session after every response, which made
/// every page view of a signed-in user a write (and, on SQLite, an fsync); a page that only reads now only reads.
struct WriteOnChangeSessions: SessionDriver {
    let base: any SessionDriver

    private struct LoadedKey: StorageKey { typealias Value = [String: String] }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            guard let data = try await request.store.sessionData(key: sessionID.string) else { return nil }
            request.storage[LoadedKey.self] = data
            return SessionData(initialData: data)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if let loaded = request.storage[LoadedKey.self], loaded == data.snapshot {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
