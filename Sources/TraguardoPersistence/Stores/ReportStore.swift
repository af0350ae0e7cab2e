import FluentKit
import Foundation
import TraguardoCore

/// An ente's layout of its documents, one JSON document per ente.
public final class ReportLayoutRecord: Model, @unchecked Sendable {
    public static let schema = "report_layouts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "data") public var data: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// What the documents need beyond the plan: the ente's layout choices and the act approving the Relazione.
enum ReportStore {
    static func layout(enteID: UUID, on db: any Database) async throws -> ReportLayout {
        guard let record = try await ReportLayoutRecord.query(on: db).filter(\.$ente.$id == enteID).first() else { return ReportLayout() }
        return try DocumentCoding.decoder.decode(ReportLayout.self, from: Data(record.data.utf8))
    }

    static func save(_ layout: ReportLayout, enteID: UUID, on db: any Database, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let existing = try await ReportLayoutRecord.query(on: tx).filter(\.$ente.$id == enteID).first()
            let before = try existing.map { try DocumentCoding.decoder.decode(ReportLayout.self, from: Data($0.data.utf8)) }
            let record = existing ?? ReportLayoutRecord()
            record.$ente.id = enteID
            record.data = String(decoding: try DocumentCoding.encoder.encode(layout), as: UTF8.self)
            try await record.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: enteID, entity: .reportLayout, entityID: "impaginazione",
                action: existing == nil ? .create : .update, before: before, after: layout)
        }
    }

    /// Records (or clears) the deliberation approving the year's Relazione. It is not a change of the plan's
    /// objectives, so it is allowed in every state of an approved plan.
    static func recordReportApproval(_ act: Deliberation?, planID: UUID, on db: any Database, actor: Actor) async throws -> Plan {
        try await db.writeTransaction { tx in
            let record = try await PlanEditor.load(planID, on: tx)
            let before = try record.value
            var after = before
            after.reportApproval = act
            try record.update(after)
            try await record.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: record.$ente.id, entity: .plan, entityID: before.key, action: .update,
                before: before.reportApproval, after: after.reportApproval)
            return after
        }
    }
}

extension Store {
    public func reportLayout(enteID: UUID) async throws -> ReportLayout { try await ReportStore.layout(enteID: enteID, on: db) }

    public func saveReportLayout(_ layout: ReportLayout, enteID: UUID, actor: Actor) async throws {
        try await ReportStore.save(layout, enteID: enteID, on: db, actor: actor)
    }

    @discardableResult
    public func recordReportApproval(_ act: Deliberation?, in plan: StoredPlan, actor: Actor) async throws -> Plan {
        try await ReportStore.recordReportApproval(act, planID: plan.id, on: db, actor: actor)
    }
}
