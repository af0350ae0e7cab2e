import Synchronization
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Work that depends only on an ente's data at one revision (a decoded plan, its score sheets), kept and
/// reused until the revision moves. The revision is read from the database on every request (with the ente,
/// by `AccessMiddleware`) and is bumped in the same transaction as every change, so each app instance drops
/// stale entries on its own without talking to the others.
final class DerivedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// A value, or the computation that will give it: concurrent requests for a missing value wait for one
    /// computation instead of each starting their own (64 connections opening a freshly edited plan).
    private enum Slot {
        case ready(Value)
        case pending(Task<Value, any Error>)
    }

    private struct Entry {
        let revision: Int
        var slot: Slot
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
    func value(_ key: Key, revision: Int, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let slot: Slot = state.withLock { s in
            s.clock += 1
            if var entry = s.entries[key], entry.revision >= revision {
                entry.used = s.clock
                s.entries[key] = entry
                return entry.slot
            }
            let task = Task { try await compute() }
            s.entries[key] = Entry(revision: revision, slot: .pending(task), used: s.clock)
            if s.entries.count > capacity, let oldest = s.entries.min(by: { $0.value.used < $1.value.used })?.key {
                s.entries.removeValue(forKey: oldest)
            }
            return .pending(task)
        }
        switch slot {
        case .ready(let value):
            return value
        case .pending(let task):
            do {
                let value = try await task.value
                state.withLock { s in
                    if let entry = s.entries[key], entry.revision == revision, case .pending = entry.slot {
                        s.entries[key]?.slot = .ready(value)
                    }
                }
                return value
            } catch {
                // A failed computation is not kept: the next request tries again.
                state.withLock { s in
                    if let entry = s.entries[key], entry.revision == revision, case .pending = entry.slot { s.entries.removeValue(forKey: key) }
                }
                throw error
            }
        }
    }
}

/// The caches of one app instance.
struct DerivedCaches: Sendable {
    /// Decoded plans (structure: organisation, cascade, indicators, variations), by plan id, per structure revision.
    let bundles = DerivedCache<UUID, PlanBundle>(capacity: 64)
    /// The campaigns' rows of a plan (campaigns, entries, decisions), by plan id, per revision: an owner's save
    /// re-reads these, not the whole plan.
    let monitoring = DerivedCache<UUID, PlanMonitoring>(capacity: 64)
    /// One campaign's data (entries, decisions, submissions, minutes, versions), per revision.
    let campaigns = DerivedCache<CampaignKey, CampaignRead>(capacity: 128)
    /// Organisations (units, people, assignments), by ente id.
    let organisations = DerivedCache<UUID, OrganisationSnapshot>(capacity: 256)
    /// What the plan tree shows of a plan (outline, counts, warnings), by plan id.
    let trees = DerivedCache<UUID, PlanTreePage.Digest>(capacity: 64)
    /// The methodology in force (and its adopted version), by ente and year.
    let methodologies = DerivedCache<MethodologyKey, AdoptedMethodology>(capacity: 256)
    /// Score sheets, by plan, campaign and methodology.
    let scores = DerivedCache<ScoreKey, ScoreSheet>(capacity: 128)

    struct MethodologyKey: Hashable, Sendable {
        let ente: UUID
        let year: Int
    }

    struct AdoptedMethodology: Sendable {
        let methodology: Methodology
        let version: Int?
    }

    struct ScoreKey: Hashable, Sendable {
        let plan: UUID
        let campaign: String?
        let methodology: String
    }
}

struct CampaignKey: Hashable, Sendable {
    let plan: UUID
    let campaign: String
}

/// A campaign as read, nil when the plan has none with that key (kept too: a missing key is asked again and again).
struct CampaignRead: Sendable {
    let data: CampaignData?
}

struct DerivedCachesKey: StorageKey { typealias Value = DerivedCaches }

extension Application {
    /// A plan as pages read it, from the caches (see `Request.bundle(of:)`); also for pages about several enti.
    func planBundle(_ plan: StoredPlan, ente: StoredEnte, store: Store) async throws -> PlanBundle {
        var bundle = try await caches.bundles.value(plan.id, revision: ente.structureRevision) { try await store.bundle(of: plan) }
        let rows = try await caches.monitoring.value(plan.id, revision: ente.revision) { try await store.monitoring(of: plan) }
        bundle.campaigns = rows.campaigns
        bundle.values = rows.values
        bundle.validations = rows.validations
        bundle.organisationalValues = rows.organisational
        return bundle
    }

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

    /// The organisation of the ente of the URL, read once per revision of the ente.
    func organisation() async throws -> OrganisationSnapshot {
        let ente = try requireEnte()
        return try await application.caches.organisations.value(ente.id, revision: ente.structureRevision) {
            try await self.store.organisation(enteID: ente.id)
        }
    }

    /// The methodology in force in the ente of the URL for a year, decoded once per revision of the ente.
    func methodology(year: Int) async throws -> (methodology: Methodology, version: Int?) {
        let ente = try requireEnte()
        let adopted = try await application.caches.methodologies.value(.init(ente: ente.id, year: year), revision: ente.structureRevision) {
            let (methodology, version) = try await self.store.methodology(enteID: ente.id, year: year)
            return DerivedCaches.AdoptedMethodology(methodology: methodology, version: version)
        }
        return (adopted.methodology, adopted.version)
    }

    /// The whole plan with the ente's organisation: its structure decoded once per structure revision of the ente,
    /// its campaigns' rows once per revision.
    func bundle(of plan: StoredPlan) async throws -> PlanBundle {
        try await application.planBundle(plan, ente: try requireEnte(), store: store)
    }
}
