import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// The persistence API of the layers above (web handlers, CLI): core values in and out, no Fluent type in any
/// signature, so callers never import Fluent. Only the app's configuration builds one from a database.
public struct Store: Sendable {
    let db: any Database
    public let users: UserStore

    public init(database: any Database, users: UserStore) {
        self.db = database
        self.users = users
    }
}

/// An ente as stored: its id, the core value, and the revision that moves with every change of its data.
public struct StoredEnte: Hashable, Sendable {
    public let id: UUID
    public let ente: Ente
    public let revision: Int
    /// Moves with the structure only (organisation, plans, methodology, variations), not with monitoring entries.
    public let structureRevision: Int

    public init(id: UUID, ente: Ente, revision: Int, structureRevision: Int? = nil) {
        self.id = id
        self.ente = ente
        self.revision = revision
        self.structureRevision = structureRevision ?? revision
    }

    init(_ record: EnteRecord) throws {
        id = try record.requireID()
        ente = record.domain
        revision = record.revision
        structureRevision = record.structureRevision
    }
}

/// A local account with its grants, for the user pages.
public struct Account: Hashable, Sendable {
    public let username: String
    public let displayName: String
    public let isSystemAdmin: Bool
    public let lockedUntil: Date?
    public let grants: [Grant]
    public let email: String?

    public init(username: String, displayName: String, isSystemAdmin: Bool, lockedUntil: Date?, grants: [Grant], email: String? = nil) {
        self.username = username
        self.displayName = displayName
        self.isSystemAdmin = isSystemAdmin
        self.lockedUntil = lockedUntil
        self.grants = grants
        self.email = email
    }
}

/// One adopted version of an ente's methodology.
public struct MethodologyVersion: Sendable {
    public let year: Int
    public let version: Int
    public let name: String
    public let adoptedBy: String
    public let adoptedAt: Date?
    /// The rules of this version (nil when the stored file can no longer be read).
    public let methodology: Methodology?

    public init(year: Int, version: Int, name: String, adoptedBy: String, adoptedAt: Date?, methodology: Methodology? = nil) {
        self.year = year
        self.version = version
        self.name = name
        self.adoptedBy = adoptedBy
        self.adoptedAt = adoptedAt
        self.methodology = methodology
    }
}

// MARK: enti

extension Store {

    public func allEnti() async throws -> [StoredEnte] {
        try await EnteRecord.query(on: db).sort(\.$name).all().map(StoredEnte.init)
    }

    public func createEnte(_ ente: Ente, actor: Actor) async throws {
        try await EnteStore.create(ente, on: db, actor: actor)
    }

    /// Units and people of each of these enti, in two grouped queries, for the home page's cards.
    public func counts(enti: [UUID]) async throws -> [UUID: (units: Int, people: Int)] {
        guard !enti.isEmpty else { return [:] }
        let sql = try PlanStore.sqlDatabase(db)
        struct Row: Decodable {
            let enteID: UUID
            let n: Int

            enum CodingKeys: String, CodingKey {
                case n
                case enteID = "ente_id"
            }
        }
        func count(_ table: String) async throws -> [UUID: Int] {
            let rows = try await sql.select().column("ente_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where(SQLIdentifier("ente_id"), .in, SQLBind.group(enti)).groupBy("ente_id").all(decoding: Row.self)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.enteID, $0.n) })
        }
        let units = try await count(OrgUnitRecord.schema), people = try await count(PersonRecord.schema)
        return Dictionary(uniqueKeysWithValues: enti.map { ($0, (units: units[$0] ?? 0, people: people[$0] ?? 0)) })
    }

    /// A trivial query: the database answers.
    public func ping() async throws {
        _ = try await EnteRecord.query(on: db).limit(1).all(\.$id)
    }
}

// MARK: organisation

extension Store {
    public func organisation(enteID: UUID) async throws -> OrganisationSnapshot {
        try await OrganisationStore.snapshot(enteID: enteID, on: db)
    }

    public func createUnit(_ unit: OrgUnit, enteID: UUID, actor: Actor) async throws {
        try await OrganisationStore.createUnit(unit, enteID: enteID, on: db, actor: actor)
    }

    public func createPerson(_ person: Person, enteID: UUID, actor: Actor) async throws {
        try await OrganisationStore.createPerson(person, enteID: enteID, on: db, actor: actor)
    }

    public func createAssignment(_ assignment: Assignment, enteID: UUID, actor: Actor) async throws {
        try await OrganisationStore.createAssignment(assignment, enteID: enteID, on: db, actor: actor)
    }
}

// MARK: accounts

extension Store {

    public func authenticate(username: String, password: String) async throws -> LoginOutcome {
        try await users.authenticate(username: username, password: password, on: db)
    }

    public func createUser(_ user: NewUser, actor: Actor) async throws {
        try await users.create(user, on: db, actor: actor)
    }

    /// Every account with every grant, by username.
    public func accounts() async throws -> [Account] {
        try await UserRecord.query(on: db).with(\.$memberships).sort(\.$username).all().map(Self.account)
    }

    /// The accounts with a role in an ente, each with its grants in that ente only.
    public func members(of enteID: UUID) async throws -> [Account] {
        let memberships = try await MembershipRecord.query(on: db).filter(\.$ente.$id == enteID).with(\.$user).all()
        let grouped = Dictionary(grouping: memberships, by: { $0.user.username })
        return grouped.keys.sorted().map { username in
            let ms = grouped[username]!
            let user = ms[0].user
            return Account(
                username: username, displayName: user.displayName, isSystemAdmin: user.isSystemAdmin,
                lockedUntil: user.lockedUntil, grants: ms.compactMap(\.grant), email: user.email)
        }
    }

    private static func account(_ u: UserRecord) -> Account {
        Account(
            username: u.username, displayName: u.displayName, isSystemAdmin: u.isSystemAdmin, lockedUntil: u.lockedUntil,
            grants: u.memberships.compactMap(\.grant))
    }
}

// MARK: audit

extension Store {
    public func audit(_ filter: AuditLog.Filter) async throws -> [AuditEntry] {
        try await AuditLog.entries(on: db, filter: filter)
    }

    public func recordLogout(_ principal: Principal) async throws {
        try await AuditLog.record(
            on: db, actor: Actor(id: principal.userID, name: principal.username), enteID: nil, entity: .session,
            entityID: principal.username, action: .logout)
    }
}

// MARK: plans

extension Store {
    public func plans(enteID: UUID) async throws -> [Plan] {
        try await PlanStore.plans(enteID: enteID, on: db)
    }

    public func bundle(of plan: StoredPlan) async throws -> PlanBundle {
        try await PlanStore.bundle(of: plan, on: db)
    }

    public func createPlan(_ plan: Plan, enteID: UUID, actor: Actor) async throws {
        try await PlanEditor.createPlan(plan, enteID: enteID, on: db, actor: actor)
    }

    public func move(
        _ plan: StoredPlan, to state: PlanState, act: Act?, allows: @escaping @Sendable (Permission) -> Bool,
        actor: Actor
    ) async throws -> Plan {
        try await PlanEditor.move(planID: plan.id, to: state, act: act, allows: allows, on: db, actor: actor)
    }

    public func save(_ node: PlanNode, previousKey: String?, in plan: StoredPlan, actor: Actor) async throws {
        try await PlanEditor.save(node, previousKey: previousKey, planID: plan.id, on: db, actor: actor)
    }

    public func deleteNode(_ key: String, in plan: StoredPlan, actor: Actor) async throws {
        try await PlanEditor.delete(nodeKey: key, planID: plan.id, on: db, actor: actor)
    }

    public func duplicateNode(_ key: String, in plan: StoredPlan, actor: Actor) async throws -> String {
        try await PlanEditor.duplicate(nodeKey: key, planID: plan.id, on: db, actor: actor)
    }

    @discardableResult
    public func add(_ indicator: Indicator, to plan: StoredPlan, actor: Actor) async throws -> Indicator {
        try await PlanEditor.addIndicator(indicator, planID: plan.id, on: db, actor: actor)
    }

    @discardableResult
    public func add(_ phase: Phase, to plan: StoredPlan, actor: Actor) async throws -> Phase {
        try await PlanEditor.addPhase(phase, planID: plan.id, on: db, actor: actor)
    }

    public func remove(_ kind: PlanItemKind, key: String, of nodeKey: String, in plan: StoredPlan, actor: Actor) async throws {
        try await PlanEditor.removeItem(kind, key: key, nodeKey: nodeKey, planID: plan.id, on: db, actor: actor)
    }

    @discardableResult
    public func importBundle(_ bundle: PlanBundle, options: BundleImporter.Options = .init(), actor: Actor) async throws -> BundleImporter.Summary {
        try await BundleImporter.importBundle(bundle, options: options, on: db, actor: actor)
    }
}

// MARK: methodology

extension Store {
    public func methodology(enteID: UUID, year: Int) async throws -> (methodology: Methodology, version: Int?) {
        try await MethodologyStore.current(enteID: enteID, year: year, on: db)
    }

    public func methodologyHistory(enteID: UUID) async throws -> [MethodologyVersion] {
        try await MethodologyStore.history(enteID: enteID, on: db).map {
            MethodologyVersion(
                year: $0.year, version: $0.version, name: (try? $0.methodology.name) ?? $0.methodologyID,
                adoptedBy: $0.adoptedBy, adoptedAt: $0.createdAt, methodology: try? $0.methodology)
        }
    }

    @discardableResult
    public func adopt(_ methodology: Methodology, enteID: UUID, year: Int, actor: Actor) async throws -> Int {
        try await MethodologyStore.adopt(methodology, enteID: enteID, year: year, on: db, actor: actor)
    }
}
