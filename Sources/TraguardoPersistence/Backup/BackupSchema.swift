/// What a backup holds: every table of the database, parents before children, and each column's portable kind.
/// Written out rather than read from the database because the two engines declare the same column differently
/// (SQLite says INTEGER for a boolean, REAL for a timestamp, JSON for an array); `BackupSchemaTests` compares it
/// with both live schemas, so a migration that adds a table or a column fails the tests until it is listed here.
public enum BackupSchema {
    public enum Kind: String, Codable, Sendable {
        case uuid, text, int, bool, timestamp, bytes
        /// An array column: `text[]`/`uuid[]` on PostgreSQL, JSON text on SQLite.
        case strings, uuids
    }

    public struct Column: Codable, Equatable, Sendable {
        public let name: String
        public let kind: Kind
    }

    public struct Table: Sendable {
        public let name: String
        public let columns: [Column]
        /// Columns pointing at rows of the same table (a unit's parent): written as NULL first, set once every
        /// row of the table is in, so the order of rows never breaks a foreign key.
        public let selfReferences: [String]

        init(_ name: String, _ columns: KeyValuePairs<String, Kind>, selfReferences: [String] = []) {
            self.name = name
            self.columns = columns.map { Column(name: $0.key, kind: $0.value) }
            self.selfReferences = selfReferences
        }
    }

    /// Fluent's own bookkeeping: migrations are re-run by the target, login sessions are not worth restoring.
    public static let excludedTables: Set<String> = ["_fluent_migrations", "_fluent_sessions"]

    public static let tables: [Table] = [
        Table(
            "enti",
            [
                "id": .uuid, "slug": .text, "name": .text, "kind": .text, "codice_istat": .text, "codice_ipa": .text, "employees": .int,
                "population": .int, "member_slugs": .strings, "member_names": .strings, "created_at": .timestamp, "revision": .int,
                "structure_revision": .int,
            ]),
        Table(
            "users",
            [
                "id": .uuid, "username": .text, "display_name": .text, "password_hash": .text, "is_system_admin": .bool, "is_active": .bool,
                "failed_logins": .int, "locked_until": .timestamp, "last_login_at": .timestamp, "created_at": .timestamp, "email": .text,
            ]),
        Table("memberships", ["id": .uuid, "user_id": .uuid, "ente_id": .uuid, "role": .text, "unit_ids": .uuids, "person_key": .text]),
        Table(
            "org_units",
            [
                "id": .uuid, "ente_id": .uuid, "key": .text, "code": .text, "name": .text, "kind": .text, "parent_id": .uuid, "sort_order": .int,
                "notes": .text,
            ], selfReferences: ["parent_id"]),
        Table(
            "people",
            [
                "id": .uuid, "ente_id": .uuid, "key": .text, "family_name": .text, "given_name": .text, "staff_grade": .text, "position": .text,
                "home_unit_id": .uuid, "email": .text,
            ]),
        Table(
            "assignments",
            [
                "id": .uuid, "ente_id": .uuid, "person_id": .uuid, "unit_id": .uuid, "role": .text, "valid_from": .text, "valid_to": .text,
                "act": .text,
            ]),
        Table(
            "political_referents",
            [
                "id": .uuid, "ente_id": .uuid, "key": .text, "name": .text, "office": .text, "deleghe": .strings, "valid_from": .text,
                "valid_to": .text,
            ]),
        Table(
            "methodologies",
            [
                "id": .uuid, "ente_id": .uuid, "year": .int, "version": .int, "methodology_id": .text, "data": .text, "adopted_by": .text,
                "created_at": .timestamp,
            ]),
        Table(
            "plans",
            ["id": .uuid, "ente_id": .uuid, "key": .text, "year": .int, "state": .text, "data": .text, "updated_at": .timestamp]),
        Table(
            "plan_nodes",
            ["id": .uuid, "plan_id": .uuid, "key": .text, "level": .text, "parent_key": .text, "sort_order": .int, "data": .text]),
        Table(
            "plan_items",
            ["id": .uuid, "plan_id": .uuid, "kind": .text, "item_key": .text, "node_key": .text, "sort_order": .int, "data": .text]),
        Table(
            "plan_variations",
            [
                "id": .uuid, "plan_id": .uuid, "number": .int, "node_key": .text, "state": .text, "data": .text, "updated_at": .timestamp,
            ]),
        Table(
            "campaigns",
            [
                "id": .uuid, "plan_id": .uuid, "key": .text, "as_of": .text, "state": .text, "sort_order": .int, "data": .text, "version": .int,
                "updated_at": .timestamp,
            ]),
        Table(
            "monitoring_entries",
            [
                "id": .uuid, "campaign_id": .uuid, "node_key": .text, "indicator_key": .text, "sort_order": .int, "data": .text, "version": .int,
                "updated_at": .timestamp, "updated_by": .text,
            ]),
        Table(
            "validations",
            [
                "id": .uuid, "campaign_id": .uuid, "node_key": .text, "sort_order": .int, "data": .text, "version": .int,
                "updated_at": .timestamp, "updated_by": .text,
            ]),
        Table(
            "unit_submissions",
            ["id": .uuid, "campaign_id": .uuid, "unit_key": .text, "state": .text, "data": .text, "updated_at": .timestamp]),
        Table(
            "campaign_minutes",
            ["id": .uuid, "campaign_id": .uuid, "number": .text, "date": .text, "data": .text, "created_at": .timestamp]),
        Table("campaign_reminders", ["id": .uuid, "campaign_id": .uuid, "due_day": .text, "created_at": .timestamp]),
        Table(
            "organisational_values",
            [
                "id": .uuid, "campaign_id": .uuid, "key": .text, "sort_order": .int, "data": .text, "version": .int, "updated_at": .timestamp,
                "updated_by": .text,
            ]),
        Table(
            "evidence_files",
            ["id": .uuid, "campaign_id": .uuid, "node_key": .text, "meta": .text, "bytes": .bytes, "created_at": .timestamp]),
        Table("report_layouts", ["id": .uuid, "ente_id": .uuid, "data": .text, "updated_at": .timestamp]),
        Table("api_tokens", ["id": .uuid, "user_id": .uuid, "name": .text, "token_hash": .text, "created_at": .timestamp]),
        Table(
            "outbox",
            [
                "id": .uuid, "ente_id": .uuid, "campaign_key": .text, "data": .text, "created_at": .timestamp, "sent_at": .timestamp,
                "attempts": .int, "last_error": .text, "failed_at": .timestamp, "next_attempt_at": .timestamp, "claimed_by": .text,
                "claimed_until": .timestamp,
            ]),
        Table(
            "audit_log",
            [
                "id": .uuid, "at": .timestamp, "actor_id": .uuid, "actor_name": .text, "ente_id": .uuid, "entity": .text, "entity_id": .text,
                "action": .text, "before": .text, "after": .text,
            ]),
    ]
}
