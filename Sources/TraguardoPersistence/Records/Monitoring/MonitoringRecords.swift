import FluentKit
import Foundation
import TraguardoCore

/// A monitoring campaign of a plan. Columns for what is queried (key, reference day, state); the value as JSON.
public final class CampaignRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "campaigns"
    typealias Value = Campaign

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "key") public var key: String
    @Field(key: "as_of") public var asOf: String
    @Field(key: "state") public var state: String
    @Field(key: "sort_order") public var order: Int
    @Field(key: "data") public var data: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    init(planID: UUID, campaign: Campaign, order: Int) throws {
        self.$plan.id = planID
        self.order = order
        self.version = 1
        try update(campaign)
    }

    func update(_ campaign: Campaign) throws {
        key = campaign.key
        asOf = campaign.asOf.iso
        state = campaign.state.rawValue
        try store(campaign)
    }
}

/// What an owner entered for one indicator (or, with `indicator_key` "", for the objective as a whole).
/// The objective-level row's `version` is the objective's lock: every save of its entries moves it.
public final class EntryRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "monitoring_entries"
    typealias Value = MonitoringValue

    @ID(key: .id) public var id: UUID?
    @Parent(key: "campaign_id") public var campaign: CampaignRecord
    @Field(key: "node_key") public var nodeKey: String
    @Field(key: "indicator_key") public var indicatorKey: String
    @Field(key: "sort_order") public var order: Int
    @Field(key: "data") public var data: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @OptionalField(key: "updated_by") public var updatedBy: String?

    public init() {}
}

/// The Nucleo's decision on one objective in one campaign.
public final class ValidationRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "validations"
    typealias Value = Validation

    @ID(key: .id) public var id: UUID?
    @Parent(key: "campaign_id") public var campaign: CampaignRecord
    @Field(key: "node_key") public var nodeKey: String
    @Field(key: "sort_order") public var order: Int
    @Field(key: "data") public var data: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @OptionalField(key: "updated_by") public var updatedBy: String?

    public init() {}
}

/// A unit's submission of its entries in one campaign.
public final class SubmissionRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "unit_submissions"
    typealias Value = UnitSubmission

    @ID(key: .id) public var id: UUID?
    @Parent(key: "campaign_id") public var campaign: CampaignRecord
    @Field(key: "unit_key") public var unitKey: String
    @Field(key: "state") public var state: String
    @Field(key: "data") public var data: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// The Nucleo's minutes of a meeting on a campaign.
public final class MinutesRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "campaign_minutes"
    typealias Value = Minutes

    @ID(key: .id) public var id: UUID?
    @Parent(key: "campaign_id") public var campaign: CampaignRecord
    @Field(key: "number") public var number: String
    @Field(key: "date") public var date: String
    @Field(key: "data") public var data: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A variation of an approved plan.
public final class VariationRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "plan_variations"
    typealias Value = Variation

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "number") public var number: Int
    @Field(key: "node_key") public var nodeKey: String
    @Field(key: "state") public var state: String
    @Field(key: "data") public var data: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    init(planID: UUID, variation: Variation) throws {
        self.$plan.id = planID
        try update(variation)
    }

    func update(_ v: Variation) throws {
        number = v.number
        nodeKey = v.nodeKey
        state = v.state.rawValue
        try store(v)
    }
}
