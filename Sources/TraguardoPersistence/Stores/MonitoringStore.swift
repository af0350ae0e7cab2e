import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// Campaigns and what happens in them: entries, submissions, the Nucleo's decisions and minutes. Each change
/// re-reads what its rule needs inside its transaction, checks it with the core, writes and audits. Entries of one
/// objective are locked optimistically by the version of the objective's own row.
public enum MonitoringStore {
    // MARK: Reading

    public static func campaigns(planID: UUID, on db: any Database) async throws -> [Campaign] {
        try await PlanStore.sqlDatabase(db).select().column("data").from(CampaignRecord.schema)
            .where("plan_id", .equal, SQLBind(planID)).orderBy("sort_order").all()
            .map { try decode(Campaign.self, $0) }
    }

    /// One campaign with its entries, decisions, submissions and minutes; nil when the plan has no such campaign.
    public static func data(planID: UUID, campaignKey: String, on db: any Database) async throws -> CampaignData? {
        let sql = try PlanStore.sqlDatabase(db)
        guard
            let row = try await sql.select().columns("id", "data").from(CampaignRecord.schema)
                .where("plan_id", .equal, SQLBind(planID)).where("key", .equal, SQLBind(campaignKey)).first()
        else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        var data = CampaignData(campaign: try decode(Campaign.self, row))
        for r in try await rows(EntryRecord.schema, ["data", "indicator_key", "node_key", "version", "updated_at"], campaignID: id, on: sql) {
            data.values.append(try decode(MonitoringValue.self, r))
            if try r.decode(column: "indicator_key", as: String.self).isEmpty {
                let node = try r.decode(column: "node_key", as: String.self)
                data.versions[node] = try r.decode(column: "version", as: Int.self)
                data.lastChanges[node] = try r.decode(column: "updated_at", as: Date?.self)
            }
        }
        data.validations = try await rows(ValidationRecord.schema, ["data"], campaignID: id, on: sql).map { try decode(Validation.self, $0) }
        data.submissions = try await sql.select().column("data").from(SubmissionRecord.schema).where("campaign_id", .equal, SQLBind(id))
            .orderBy("unit_key").all().map { try decode(UnitSubmission.self, $0) }
        data.minutes = try await sql.select().column("data").from(MinutesRecord.schema).where("campaign_id", .equal, SQLBind(id))
            .orderBy("date").orderBy("number").all().map { try decode(Minutes.self, $0) }
        (data.organisational, data.organisationalVersions) = try await OrganisationalStore.read(campaignID: id, on: sql)
        return data
    }

    /// Every campaign of a plan with its entries and decisions, in their stored order (for the bundle).
    public static func all(planID: UUID, on db: any Database) async throws -> (
        campaigns: [Campaign], values: [MonitoringValue], validations: [Validation], organisational: [OrganisationalValue]
    ) {
        let sql = try PlanStore.sqlDatabase(db)
        let campaigns = try await campaigns(planID: planID, on: db)
        func joined(_ table: String) async throws -> [SQLRow] {
            try await sql.select().column(SQLColumn("data", table: table)).from(table)
                .join(CampaignRecord.schema, on: SQLColumn("campaign_id", table: table), .equal, SQLColumn("id", table: CampaignRecord.schema))
                .where(SQLColumn("plan_id", table: CampaignRecord.schema), .equal, SQLBind(planID))
                .orderBy(SQLColumn("sort_order", table: table)).all()
        }
        let values = try await joined(EntryRecord.schema).map { try decode(MonitoringValue.self, $0) }
        let validations = try await joined(ValidationRecord.schema).map { try decode(Validation.self, $0) }
        return (campaigns, values, validations, try await OrganisationalStore.all(planID: planID, on: sql))
    }

    // MARK: Campaigns

    /// Writes a bundle's campaigns, entries and decisions (import), in the caller's transaction.
    static func insert(
        campaigns: [Campaign], values: [MonitoringValue], validations: [Validation], organisational: [OrganisationalValue] = [], planID: UUID,
        on db: any Database
    ) async throws {
        var ids: [String: UUID] = [:]
        for (i, c) in campaigns.enumerated() {
            let record = try CampaignRecord(planID: planID, campaign: c, order: i)
            try await record.create(on: db)
            ids[c.key] = try record.requireID()
        }
        let sql = try PlanStore.sqlDatabase(db)
        let now = Date()
        var entryRows: [[any SQLExpression]] = []
        for (i, v) in values.enumerated() {
            guard let campaign = ids[v.campaignKey] else { throw MonitoringError.unknownCampaign(v.campaignKey) }
            entryRows.append([
                SQLBind(UUID()), SQLBind(campaign), SQLBind(v.nodeKey), SQLBind(v.indicatorKey ?? ""), SQLBind(i), SQLBind(try json(v)), SQLBind(1),
                SQLBind(now),
            ])
        }
        // Chunks keep each INSERT well under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: entryRows.count, by: 100) {
            let insert = sql.insert(into: EntryRecord.schema)
                .columns("id", "campaign_id", "node_key", "indicator_key", "sort_order", "data", "version", "updated_at")
            for row in entryRows[start..<min(start + 100, entryRows.count)] { insert.values(row) }
            try await insert.run()
        }
        var validationRows: [[any SQLExpression]] = []
        for (i, v) in validations.enumerated() {
            guard let campaign = ids[v.campaignKey] else { throw MonitoringError.unknownCampaign(v.campaignKey) }
            validationRows.append([
                SQLBind(UUID()), SQLBind(campaign), SQLBind(v.nodeKey), SQLBind(i), SQLBind(try json(v)), SQLBind(1), SQLBind(now),
            ])
        }
        for start in stride(from: 0, to: validationRows.count, by: 100) {
            let insert = sql.insert(into: ValidationRecord.schema).columns(
                "id", "campaign_id", "node_key", "sort_order", "data", "version", "updated_at")
            for row in validationRows[start..<min(start + 100, validationRows.count)] { insert.values(row) }
            try await insert.run()
        }
        try await OrganisationalStore.insert(organisational, campaignIDs: ids, on: sql)
    }

    /// Removes every campaign of a plan with all it holds (plan deletion and re-import).
    static func deleteAll(planID: UUID, on db: any Database) async throws {
        let sql = try PlanStore.sqlDatabase(db)
        let ids = try await sql.select().column("id").from(CampaignRecord.schema).where("plan_id", .equal, SQLBind(planID)).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return }
        for table in [
            EntryRecord.schema, ValidationRecord.schema, SubmissionRecord.schema, MinutesRecord.schema, "evidence_files", OrganisationalStore.table,
        ] {
            try await sql.delete(from: table).where("campaign_id", .in, ids).run()
        }
        try await sql.delete(from: CampaignRecord.schema).where("plan_id", .equal, SQLBind(planID)).run()
    }

    /// Entries of a removed indicator, in every campaign of the plan.
    static func deleteEntries(indicatorKey: String, nodeKey: String?, planID: UUID, on db: any Database) async throws {
        let sql = try PlanStore.sqlDatabase(db)
        let ids = try await sql.select().column("id").from(CampaignRecord.schema).where("plan_id", .equal, SQLBind(planID)).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return }
        let delete = sql.delete(from: EntryRecord.schema).where("campaign_id", .in, ids).where("indicator_key", .equal, SQLBind(indicatorKey))
        if let nodeKey { delete.where("node_key", .equal, SQLBind(nodeKey)) }
        try await delete.run()
    }

    public static func create(_ campaign: Campaign, planID: UUID, on db: any Database, actor: Actor) async throws -> Campaign {
        try await db.writeTransaction { tx in
            let plan = try await PlanEditor.load(planID, on: tx)
            let existing = try await campaigns(planID: planID, on: tx)
            let created = try CampaignLifecycle.create(campaign, on: try plan.value, existing: existing)
            try await CampaignRecord(planID: planID, campaign: created, order: existing.count).create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: plan.$ente.id, entity: .campaign, entityID: created.key, action: .create, after: created)
            return created
        }
    }

    public static func move(
        planID: UUID, campaignKey: String, to state: CampaignState, reason: String?, allows: @escaping @Sendable (Permission) -> Bool,
        on db: any Database, actor: Actor
    ) async throws -> Campaign {
        try await db.writeTransaction { tx in
            let plan = try await PlanEditor.load(planID, on: tx)
            let record = try await campaignRecord(planID: planID, key: campaignKey, on: tx)
            let before = try record.value
            let after = try CampaignLifecycle.move(before, to: state, reason: reason, plan: try plan.value, allows: allows)
            try record.update(after)
            record.version += 1
            try await record.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: plan.$ente.id, entity: .campaign, entityID: campaignKey, action: .update, before: before, after: after)
            return after
        }
    }

    // MARK: Entries

    /// Saves the entries of one objective: the objective-level entry and one per indicator (an empty one is removed).
    /// `expectedVersion` is the version the writer read (0: nothing saved yet); a different current version means
    /// someone else saved in between, and nothing is written. Returns the new version.
    public static func saveEntries(
        planID: UUID, campaignKey: String, node: PlanNode, objective: MonitoringValue, indicators: [MonitoringValue], expectedVersion: Int,
        scope: EntryRules.Scope, on db: any Database, actor: Actor
    ) async throws -> Int {
        try EntryRules.checkStatus(objective)
        return try await WriteConflict.mapped {
            try await db.writeTransaction { tx in
                let record = try await campaignRecord(planID: planID, key: campaignKey, on: tx)
                let campaignID = try record.requireID()
                let campaign = try record.value
                let submissions = try await SubmissionRecord.query(on: tx).filter(\.$campaign.$id == campaignID).all().map { try $0.value }
                let validation = try await ValidationRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$nodeKey == node.key).first()
                try EntryRules.checkEntry(node: node, campaign: campaign, scope: scope, submissions: submissions, validation: try validation?.value)
                let existing = try await EntryRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$nodeKey == node.key).all()
                let before = try existing.map { try $0.value }
                let sql = try PlanStore.sqlDatabase(tx)
                let now = Date()
                var next =
                    (try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("sort_order")), as: "m").from(EntryRecord.schema)
                        .where("campaign_id", .equal, SQLBind(campaignID)).first()?.decode(column: "m", as: Int?.self) ?? nil) ?? -1
                // The lock: move the objective row's version only if it is still the one the writer read.
                var head = objective
                head.campaignKey = campaignKey
                head.nodeKey = node.key
                head.indicatorKey = nil
                let newVersion = expectedVersion + 1
                if expectedVersion == 0 {
                    guard !existing.contains(where: { $0.indicatorKey.isEmpty }) else { throw MonitoringError.conflict }
                    next += 1
                    try await insertEntry(head, campaignID: campaignID, order: next, version: 1, by: actor.name, now: now, on: sql)
                } else {
                    let updated = try await sql.update(EntryRecord.schema)
                        .set("data", to: SQLBind(try json(head))).set("version", to: SQLBind(newVersion)).set("updated_at", to: SQLBind(now))
                        .set("updated_by", to: SQLBind(actor.name))
                        .where("campaign_id", .equal, SQLBind(campaignID)).where("node_key", .equal, SQLBind(node.key)).where(
                            "indicator_key", .equal, SQLBind("")
                        )
                        .where("version", .equal, SQLBind(expectedVersion))
                        .returning("id").all()
                    guard !updated.isEmpty else { throw MonitoringError.conflict }
                }
                for var value in indicators {
                    guard let key = value.indicatorKey else { continue }
                    value.campaignKey = campaignKey
                    value.nodeKey = node.key
                    let current = existing.first { $0.indicatorKey == key }
                    if value.isEmpty {
                        if let current { try await current.delete(on: tx) }
                    } else if let current {
                        try current.store(value)
                        current.version += 1
                        current.updatedBy = actor.name
                        try await current.save(on: tx)
                    } else {
                        next += 1
                        try await insertEntry(value, campaignID: campaignID, order: next, version: 1, by: actor.name, now: now, on: sql)
                    }
                }
                let after = try await EntryRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$nodeKey == node.key).all().map {
                    try $0.value
                }
                try await AuditLog.record(
                    on: tx, actor: actor, enteID: try await enteID(planID, on: tx), entity: .entry, entityID: "\(campaignKey)/\(node.key)",
                    action: before.isEmpty ? .create : .update, before: before.isEmpty ? nil : before, after: after)
                return newVersion
            }
        }
    }

    /// The responsabile hands the unit's entries to the segretario; entries then lock for them.
    public static func submit(
        planID: UUID, campaignKey: String, unitKey: String, on: Day, on db: any Database, actor: Actor
    ) async throws {
        try await setSubmission(planID: planID, campaignKey: campaignKey, unitKey: unitKey, on: db, actor: actor) { campaign in
            guard campaign.state.acceptsEntries else { throw MonitoringError.notOpen(campaign.state.label) }
            return UnitSubmission(campaignKey: campaignKey, unitKey: unitKey, state: .inviata, on: on, by: actor.name)
        }
    }

    /// The segretario gives a unit's submission back for changes, with a note.
    public static func giveBack(
        planID: UUID, campaignKey: String, unitKey: String, note: String, on: Day, on db: any Database, actor: Actor
    ) async throws {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw MonitoringError.reasonRequired("Restituisci al settore") }
        try await setSubmission(planID: planID, campaignKey: campaignKey, unitKey: unitKey, on: db, actor: actor) { campaign in
            guard campaign.state.acceptsEntries else { throw MonitoringError.notOpen(campaign.state.label) }
            return UnitSubmission(campaignKey: campaignKey, unitKey: unitKey, state: .restituita, on: on, by: actor.name, note: note)
        }
    }

    private static func setSubmission(
        planID: UUID, campaignKey: String, unitKey: String, on db: any Database, actor: Actor,
        _ make: @escaping @Sendable (Campaign) throws -> UnitSubmission
    ) async throws {
        try await db.writeTransaction { tx in
            let record = try await campaignRecord(planID: planID, key: campaignKey, on: tx)
            let submission = try make(try record.value)
            let campaignID = try record.requireID()
            let existing = try await SubmissionRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$unitKey == unitKey).first()
            let row = existing ?? SubmissionRecord()
            let before = try existing?.value
            row.$campaign.id = campaignID
            row.unitKey = unitKey
            row.state = submission.state.rawValue
            try row.store(submission)
            try await row.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: try await enteID(planID, on: tx), entity: .submission, entityID: "\(campaignKey)/\(unitKey)",
                action: before == nil ? .create : .update, before: before, after: submission)
        }
    }

    // MARK: Validation

    /// Records the Nucleo's decision on one objective (replacing an earlier one), after the core's rule.
    public static func decide(
        planID: UUID, campaignKey: String, nodeKey: String, kind: ValidationKind, score: Double?, reason: String, computed: Double?,
        rounding: RoundingPolicy, minutes: String?, on db: any Database, actor: Actor
    ) async throws -> Validation {
        try await db.writeTransaction { tx in
            let record = try await campaignRecord(planID: planID, key: campaignKey, on: tx)
            let campaignID = try record.requireID()
            let decision = try ValidationRules.decide(
                kind, score: score, reason: reason, computed: computed, rounding: rounding, campaign: try record.value, nodeKey: nodeKey,
                minutes: minutes)
            let existing = try await ValidationRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$nodeKey == nodeKey).first()
            let before = try existing?.value
            let row = existing ?? ValidationRecord()
            if existing == nil {
                row.$campaign.id = campaignID
                row.nodeKey = nodeKey
                row.version = 0
                row.order = try await ValidationRecord.query(on: tx).filter(\.$campaign.$id == campaignID).count()
            }
            row.version += 1
            row.updatedBy = actor.name
            try row.store(decision)
            try await row.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: try await enteID(planID, on: tx), entity: .validation, entityID: "\(campaignKey)/\(nodeKey)",
                action: before == nil ? .create : .update, before: before, after: decision)
            return decision
        }
    }

    public static func addMinutes(_ minutes: Minutes, planID: UUID, on db: any Database, actor: Actor) async throws {
        guard !minutes.number.trimmingCharacters(in: .whitespaces).isEmpty else { throw MonitoringError.missing("Numero del verbale") }
        try await db.writeTransaction { tx in
            let record = try await campaignRecord(planID: planID, key: minutes.campaignKey, on: tx)
            let campaignID = try record.requireID()
            if try await MinutesRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$number == minutes.number).first() != nil {
                throw MonitoringError.invalidValue(
                    field: "Numero del verbale", message: "esiste già un verbale n. \(minutes.number) in questa campagna.")
            }
            let row = MinutesRecord()
            row.$campaign.id = campaignID
            row.number = minutes.number
            row.date = minutes.date.iso
            try row.store(minutes)
            try await row.create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: try await enteID(planID, on: tx), entity: .minutes,
                entityID: "\(minutes.campaignKey)/\(minutes.number)",
                action: .create, after: minutes)
        }
    }

    // MARK: Helpers

    static func campaignRecord(planID: UUID, key: String, on db: any Database) async throws -> CampaignRecord {
        guard let record = try await CampaignRecord.query(on: db).filter(\.$plan.$id == planID).filter(\.$key == key).first() else {
            throw MonitoringError.unknownCampaign(key)
        }
        return record
    }

    private static func enteID(_ planID: UUID, on db: any Database) async throws -> UUID {
        try await PlanEditor.load(planID, on: db).$ente.id
    }

    private static func insertEntry(
        _ value: MonitoringValue, campaignID: UUID, order: Int, version: Int, by: String, now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: EntryRecord.schema)
            .columns("id", "campaign_id", "node_key", "indicator_key", "sort_order", "data", "version", "updated_at", "updated_by")
            .values(
                SQLBind(UUID()), SQLBind(campaignID), SQLBind(value.nodeKey), SQLBind(value.indicatorKey ?? ""), SQLBind(order),
                SQLBind(try json(value)),
                SQLBind(version), SQLBind(now), SQLBind(by)
            ).run()
    }

    private static func rows(_ table: String, _ columns: [String], campaignID: UUID, on sql: any SQLDatabase) async throws -> [SQLRow] {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from(table).where("campaign_id", .equal, SQLBind(campaignID))
            .orderBy("sort_order").all()
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ row: any SQLRow) throws -> T {
        try DocumentCoding.decoder.decode(T.self, from: Data(try row.decode(column: "data", as: String.self).utf8))
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try DocumentCoding.encoder.encode(value), as: UTF8.self)
    }
}
