import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// The reads every request makes (its session, its user, its ente, its plan), through SQLKit's builders and
/// Codable rows. The same tables as the Fluent models, without building a model per row: on a page that
/// otherwise serves from the cache, turning rows into Fluent models was most of the request's work.
extension Store {
    private var sql: any SQLDatabase {
        get throws { try PlanStore.sqlDatabase(db) }
    }

    /// The data of a stored session, by the key its cookie carries (Fluent's `_fluent_sessions` table).
    public func sessionData(key: String) async throws -> [String: String]? {
        struct Row: Decodable { let data: [String: String] }
        return try await sql.select().column("data").from("_fluent_sessions").where(SQLIdentifier("key"), .equal, SQLBind(key))
            .first(decoding: Row.self)?.data
    }

    /// The signed-in user and every grant, in one query; nil for an unknown or disabled account.
    public func principal(userID: UUID) async throws -> Principal? {
        struct Row: Decodable {
            let username: String
            let displayName: String
            let isSystemAdmin: Bool
            let isActive: Bool
            let enteID: UUID?
            let role: String?
            let unitIDs: [UUID]?
            let personKey: String?

            enum CodingKeys: String, CodingKey {
                case username, role
                case displayName = "display_name", isSystemAdmin = "is_system_admin", isActive = "is_active"
                case enteID = "ente_id", unitIDs = "unit_ids", personKey = "person_key"
            }
        }
        let rows = try await sql.select()
            .column(SQLColumn("username", table: "u")).column(SQLColumn("display_name", table: "u"))
            .column(SQLColumn("is_system_admin", table: "u")).column(SQLColumn("is_active", table: "u"))
            .column(SQLColumn("ente_id", table: "m")).column(SQLColumn("role", table: "m")).column(SQLColumn("unit_ids", table: "m"))
            .column(SQLColumn("person_key", table: "m"))
            .from(SQLAlias(SQLIdentifier(UserRecord.schema), as: SQLIdentifier("u")))
            .join(
                SQLAlias(SQLIdentifier(MembershipRecord.schema), as: SQLIdentifier("m")), method: SQLJoinMethod.left,
                on: SQLColumn("user_id", table: "m"), .equal, SQLColumn("id", table: "u")
            )
            .where(SQLColumn("id", table: "u"), .equal, SQLBind(userID))
            .all(decoding: Row.self)
        guard let first = rows.first, first.isActive else { return nil }
        let grants = rows.compactMap { row -> Grant? in
            guard let ente = row.enteID, let role = row.role.flatMap(Role.init(rawValue:)) else { return nil }
            return Grant(enteID: ente, role: role, unitIDs: Set(row.unitIDs ?? []), personKey: row.personKey)
        }
        return Principal(
            userID: userID, username: first.username, displayName: first.displayName, isSystemAdmin: first.isSystemAdmin,
            grants: grants)
    }

    private struct EnteRow: Decodable {
        let id: UUID
        let slug: String
        let name: String
        let kind: String
        let codiceIstat: String?
        let codiceIpa: String?
        let employees: Int?
        let population: Int?
        let memberSlugs: [String]
        let memberNames: [String]
        let revision: Int
        let structureRevision: Int

        enum CodingKeys: String, CodingKey {
            case id, slug, name, kind, employees, population, revision
            case structureRevision = "structure_revision"
            case codiceIstat = "codice_istat", codiceIpa = "codice_ipa", memberSlugs = "member_slugs", memberNames = "member_names"
        }

        var stored: StoredEnte {
            StoredEnte(
                id: id,
                ente: Ente(
                    slug: slug, name: name, kind: EnteKind(rawValue: kind) ?? .altro, codiceISTAT: codiceIstat,
                    codiceIPA: codiceIpa, employees: employees, population: population, memberSlugs: memberSlugs,
                    memberNames: memberNames),
                revision: revision, structureRevision: structureRevision)
        }
    }

    private func enteQuery() throws -> SQLSelectBuilder {
        try sql.select().columns(
            "id", "slug", "name", "kind", "codice_istat", "codice_ipa", "employees", "population", "member_slugs",
            "member_names", "revision", "structure_revision"
        )
        .from(EnteRecord.schema)
    }

    /// How many enti a principal may see, without reading them.
    public func enteCount(visibleTo principal: Principal) async throws -> Int {
        guard principal.isSystemAdmin else { return Set(principal.grants.map(\.enteID)).count }
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(EnteRecord.schema).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// An ente by its slug, with its current revision.
    public func ente(slug: String) async throws -> StoredEnte? {
        try await enteQuery().where(SQLIdentifier("slug"), .equal, SQLBind(slug)).first(decoding: EnteRow.self)?.stored
    }

    /// The enti a principal may see, by name. Nobody sees an ente without a grant on it, except administrators.
    /// `matching` keeps those whose name or identifier contains the text (any case); `limit` the first ones: an
    /// administrator of a national installation sees thousands.
    public func enti(visibleTo principal: Principal, matching: String? = nil, limit: Int? = nil) async throws -> [StoredEnte] {
        let query = try enteQuery().orderBy("name")
        if let text = matching?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query.where { group in
                group.where(SQLFunction("LOWER", args: SQLIdentifier("name")), .like, SQLBind(pattern))
                    .orWhere(SQLIdentifier("slug"), .like, SQLBind(pattern))
            }
        }
        if let limit { query.limit(limit) }
        if !principal.isSystemAdmin {
            let ids = Array(Set(principal.grants.map(\.enteID)))
            guard !ids.isEmpty else { return [] }
            query.where(SQLIdentifier("id"), .in, SQLBind.group(ids))
        }
        return try await query.all(decoding: EnteRow.self).map(\.stored)
    }

    /// The plan with that key, or the latest (of `year` when given).
    public func plan(enteID: UUID, key: String? = nil, year: Int? = nil) async throws -> StoredPlan? {
        struct Row: Decodable {
            let id: UUID
            let data: String
        }
        let query = try sql.select().columns("id", "data").from(PlanRecord.schema).where(SQLIdentifier("ente_id"), .equal, SQLBind(enteID))
        if let key { query.where(SQLIdentifier("key"), .equal, SQLBind(key)) }
        if let year { query.where(SQLIdentifier("year"), .equal, SQLBind(year)) }
        guard let row = try await query.orderBy("year", .descending).limit(1).first(decoding: Row.self) else { return nil }
        return StoredPlan(id: row.id, enteID: enteID, plan: try DocumentCoding.decoder.decode(Plan.self, from: Data(row.data.utf8)))
    }
}
