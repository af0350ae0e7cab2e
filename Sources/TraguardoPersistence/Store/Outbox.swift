import Foundation
import SQLKit
import TraguardoCore

/// A message in the outbox with where its delivery stands.
public struct QueuedMessage: Sendable {
    public let message: OutboxMessage
    public let createdAt: Date?
    public let sentAt: Date?
    /// Attempts made so far (0: not yet tried).
    public let attempts: Int
    public let lastError: String?
    /// Set when the app gave up: a permanent refusal, no address, too many attempts.
    public let failedAt: Date?
    public let nextAttemptAt: Date?
}

/// A message taken from the outbox by one sender, which holds it until `recordDelivery` or `recordFailure`.
public struct ClaimedMessage: Sendable {
    public let id: UUID
    public let enteID: UUID
    public let message: OutboxMessage
    public let attempts: Int
}

extension Store {
    /// Queues messages of an ente (about a campaign), audited as one change.
    public func enqueue(_ messages: [OutboxMessage], enteID: UUID, campaignKey: String?, actor: Actor) async throws {
        guard !messages.isEmpty else { return }
        try await db.writeTransaction { tx in
            try await OutboxStore.insert(messages, enteID: enteID, campaignKey: campaignKey, on: PlanStore.sqlDatabase(tx))
            try await AuditLog.record(
                on: tx, actor: actor, enteID: enteID, entity: .campaign, entityID: campaignKey ?? "", action: .update,
                after: ["promemoria": messages.map(\.recipient)])
        }
    }

    /// Queues the automatic reminders of a campaign due on `day`, unless that round was already queued (by this
    /// instance or another one): true when this call queued it. The round is recorded even with no message, so a
    /// campaign whose units have all submitted is not examined again that day.
    @discardableResult
    public func enqueueScheduledReminders(
        _ messages: [OutboxMessage], enteID: UUID, plan: StoredPlan, campaignKey: String, due day: Day, actor: Actor
    ) async throws -> Bool {
        do {
            return try await db.writeTransaction { tx in
                let sql = try PlanStore.sqlDatabase(tx)
                guard let campaignID = try await OutboxStore.campaignID(planID: plan.id, key: campaignKey, on: sql) else { return false }
                if try await OutboxStore.hasReminderRound(campaignID: campaignID, day: day, on: sql) { return false }
                try await sql.insert(into: "campaign_reminders").columns("id", "campaign_id", "due_day", "created_at")
                    .values(SQLBind(UUID()), SQLBind(campaignID), SQLBind(day.iso), SQLBind(Date())).run()
                try await OutboxStore.insert(messages, enteID: enteID, campaignKey: campaignKey, on: sql)
                if !messages.isEmpty {
                    try await AuditLog.record(
                        on: tx, actor: actor, enteID: enteID, entity: .campaign, entityID: campaignKey, action: .update,
                        after: ["promemoria automatici": messages.map(\.recipient), "giorno": [day.iso]])
                }
                return true
            }
        } catch  where WriteConflict.isConflict(error) {
            // Another instance recorded the same round a moment ago.
            return false
        }
    }

    /// Whether the automatic reminders of a campaign due on `day` were queued.
    public func hasReminderRound(plan: StoredPlan, campaignKey: String, due day: Day) async throws -> Bool {
        let sql = try PlanStore.sqlDatabase(db)
        guard let id = try await OutboxStore.campaignID(planID: plan.id, key: campaignKey, on: sql) else { return false }
        return try await OutboxStore.hasReminderRound(campaignID: id, day: day, on: sql)
    }

    /// The messages of an ente about a campaign, newest first.
    public func outbox(enteID: UUID, campaignKey: String) async throws -> [QueuedMessage] {
        try await OutboxStore.list(enteID: enteID, campaignKey: campaignKey, on: PlanStore.sqlDatabase(db))
    }

    /// Takes up to `limit` messages due for sending and holds them for `lease` seconds: another instance does not
    /// take them meanwhile, and a sender that dies leaves them to be taken again when the lease ends.
    public func claimOutbox(limit: Int, now: Date = Date(), lease: TimeInterval = 300) async throws -> [ClaimedMessage] {
        try await OutboxStore.claim(limit: limit, now: now, lease: lease, on: PlanStore.sqlDatabase(db))
    }

    public func recordDelivery(of id: UUID, at date: Date = Date()) async throws {
        try await PlanStore.sqlDatabase(db).update("outbox").set("sent_at", to: SQLBind(date)).set("last_error", to: SQLLiteral.null)
            .set("claimed_by", to: SQLLiteral.null).set("claimed_until", to: SQLLiteral.null).set(
                "attempts", to: SQLBind(try await attempts(of: id) + 1)
            )
            .where("id", .equal, SQLBind(id)).run()
    }

    /// A failed attempt: tried again at `retryAt`, or given up when it is nil.
    public func recordFailure(of id: UUID, error: String, retryAt: Date?, at date: Date = Date()) async throws {
        let update = try PlanStore.sqlDatabase(db).update("outbox").set("last_error", to: SQLBind(String(error.prefix(500))))
            .set("attempts", to: SQLBind(try await attempts(of: id) + 1)).set("claimed_by", to: SQLLiteral.null)
            .set("claimed_until", to: SQLLiteral.null)
        if let retryAt {
            try await update.set("next_attempt_at", to: SQLBind(retryAt)).where("id", .equal, SQLBind(id)).run()
        } else {
            try await update.set("failed_at", to: SQLBind(date)).where("id", .equal, SQLBind(id)).run()
        }
    }

    private func attempts(of id: UUID) async throws -> Int {
        try await PlanStore.sqlDatabase(db).select().column("attempts").from("outbox").where("id", .equal, SQLBind(id)).first()?
            .decode(column: "attempts", as: Int?.self) ?? 0
    }
}

enum OutboxStore {
    static func insert(_ messages: [OutboxMessage], enteID: UUID, campaignKey: String?, on sql: any SQLDatabase) async throws {
        for m in messages {
            try await sql.insert(into: "outbox").columns("id", "ente_id", "campaign_key", "data", "created_at", "attempts")
                .values(
                    SQLBind(UUID()), SQLBind(enteID), SQLBind(campaignKey),
                    SQLBind(String(decoding: try DocumentCoding.encoder.encode(m), as: UTF8.self)), SQLBind(Date()), SQLBind(0)
                ).run()
        }
    }

    static func campaignID(planID: UUID, key: String, on sql: any SQLDatabase) async throws -> UUID? {
        try await sql.select().column("id").from(CampaignRecord.schema).where("plan_id", .equal, SQLBind(planID)).where("key", .equal, SQLBind(key))
            .first()?.decode(column: "id", as: UUID.self)
    }

    static func hasReminderRound(campaignID: UUID, day: Day, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("campaign_reminders").where("campaign_id", .equal, SQLBind(campaignID))
            .where("due_day", .equal, SQLBind(day.iso)).first() != nil
    }

    static func list(enteID: UUID, campaignKey: String, on sql: any SQLDatabase) async throws -> [QueuedMessage] {
        try await sql.select()
            .columns("data", "created_at", "sent_at", "attempts", "last_error", "failed_at", "next_attempt_at").from("outbox")
            .where("ente_id", .equal, SQLBind(enteID)).where("campaign_key", .equal, SQLBind(campaignKey))
            .orderBy("created_at", .descending).limit(200).all()
            .map { row in
                QueuedMessage(
                    message: try DocumentCoding.decoder.decode(OutboxMessage.self, from: Data(try row.decode(column: "data", as: String.self).utf8)),
                    createdAt: try row.decode(column: "created_at", as: Date?.self), sentAt: try row.decode(column: "sent_at", as: Date?.self),
                    attempts: try row.decode(column: "attempts", as: Int?.self) ?? 0,
                    lastError: try row.decode(column: "last_error", as: String?.self),
                    failedAt: try row.decode(column: "failed_at", as: Date?.self),
                    nextAttemptAt: try row.decode(column: "next_attempt_at", as: Date?.self))
            }
    }

    static func claim(limit: Int, now: Date, lease: TimeInterval, on sql: any SQLDatabase) async throws -> [ClaimedMessage] {
        func due(_ query: some SQLPredicateBuilder) {
            query.where("sent_at", .is, SQLLiteral.null).where("failed_at", .is, SQLLiteral.null)
                .where(group: { $0.where("next_attempt_at", .is, SQLLiteral.null).orWhere("next_attempt_at", .lessThanOrEqual, SQLBind(now)) })
                .where(group: { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, SQLBind(now)) })
        }
        let candidates = sql.select().column("id").from("outbox")
        due(candidates)
        let ids = try await candidates.orderBy("created_at").limit(limit).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        // The conditions again in the update: of two instances racing for a row, the second finds it leased.
        let token = UUID().uuidString
        let update = sql.update("outbox").set("claimed_by", to: SQLBind(token)).set("claimed_until", to: SQLBind(now.addingTimeInterval(lease)))
            .where("id", .in, SQLBind.group(ids))
        due(update)
        try await update.run()
        return try await sql.select().columns("id", "ente_id", "data", "attempts").from("outbox").where("claimed_by", .equal, SQLBind(token))
            .orderBy("created_at").all()
            .map { row in
                ClaimedMessage(
                    id: try row.decode(column: "id", as: UUID.self), enteID: try row.decode(column: "ente_id", as: UUID.self),
                    message: try DocumentCoding.decoder.decode(OutboxMessage.self, from: Data(try row.decode(column: "data", as: String.self).utf8)),
                    attempts: try row.decode(column: "attempts", as: Int?.self) ?? 0)
            }
    }
}
