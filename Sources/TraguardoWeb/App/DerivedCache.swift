import Synchronization
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Work that depends only on an ente's data at one revision (a decoded plan, its score sheets), kept and
/// reused until the revision moves. The revision is read from the database on every request (with the ente,
/// by `AccessMiddleware`) and is bumped in the same transaction as every change, so each app instance drops
/// stale entries on its own without talking to the others.
final class DerivedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let revision: Int
        let value: Value
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key` at `revision`, computing (and keeping) it when missing or stale.
    func value(_ key: Key, revision: Int, compute: () async throws -> Value) async rethrows -> Value {
        let hit: Value? = state.withLock { s in
            guard var entry = s.entries[key], entry.revision == revision else { return nil }
            s.clock += 1
            entry.used = s.clock
            s.entries[key] = entry
            return entry.value
        }
        if let hit { return hit }
        let value = try await compute()
        state.withLock { s in
            s.clock += 1
            // A newer revision stored meanwhile by a concurrent request wins.
            if let existing = s.entries[key], existing.revision > revision { return }
            s.entries[key] = Entry(revision: revision, value: value, used: s.clock)
            if s.entries.count > capacity, let oldest = s.entries.min(by: { $0.value.used < $1.value.used })?.key {
                s.entries.removeValue(forKey: oldest)
            }
        }
        return value
    }
}

/// The caches of one app instance.
struct DerivedCaches: Sendable {
    /// Decoded plans, by plan id.
    let bundles = DerivedCache<UUID, PlanBundle>(capacity: 64)
    /// Score sheets, by plan, campaign and methodology.
    let scores = DerivedCache<ScoreKey, ScoreSheet>(capacity: 128)

    struct ScoreKey: Hashable, Sendable {
        let plan: UUID
        let campaign: String?
        let methodology: String
    }
}

struct DerivedCachesKey: StorageKey { typealias Value = DerivedCaches }

extension Application {
    /// Set once by `configure`, before the server accepts requests.
    var caches: DerivedCaches {
        guard let caches = storage[DerivedCachesKey.self] else { fatalError("configure(_:settings:) has not run") }
        return caches
    }
}

extension Request {
    /// The plan named by the `:plan` parameter in the ente of the URL, or an Italian 404.
    func plan() async throws -> StoredPlan {
        let ente = try requireEnte()
        let key = parameter("plan")
        guard let plan = try await store.plan(enteID: ente.id, key: key) else {
            throw Abort(.notFound, reason: "Piano \"\(key)\" inesistente in questo ente.")
        }
        return plan
    }

    /// The whole plan with the ente's organisation, decoded once per revision of the ente.
    func bundle(of plan: StoredPlan) async throws -> PlanBundle {
        let revision = try requireEnte().revision
        return try await application.caches.bundles.value(plan.id, revision: revision) {
            try await store.bundle(of: plan)
        }
    }
}
