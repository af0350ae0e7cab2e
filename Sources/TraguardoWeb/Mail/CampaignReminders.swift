import Foundation
import TraguardoCore
import TraguardoPersistence

/// The reminders of a campaign from what the store holds: one per responsabile of a unit that has not submitted
/// (by their grants, or as the person who holds the unit on the reference date). The dashboard's button and the
/// daily job compose them here, so both say the same thing to the same people.
enum CampaignReminders {
    /// `bundle`: the plan as in force on the campaign's reference date.
    static func messages(
        ente: String, bundle: PlanBundle, data: CampaignData, organisation org: OrganisationSnapshot, members: [Account], today: Day,
        link: String
    ) -> [OutboxMessage] {
        let campaign = data.campaign
        let recipients = members.compactMap { account -> Reminders.Recipient? in
            guard let grant = account.grants.first(where: { $0.role == .responsabile }) else { return nil }
            let granted = Set(org.unitIDs.filter { grant.unitIDs.contains($0.value) }.map(\.key))
            let scope = EntryRules.Scope.responsabile(granted: granted, personKey: grant.personKey, assignments: org.assignments, on: campaign.asOf)
            return Reminders.Recipient(username: account.username, displayName: account.displayName, email: account.email, unitKeys: scope.unitKeys)
        }
        let toDo = MonitoringToDo.build(
            campaign: campaign, nodes: bundle.nodes, indicators: bundle.indicators, values: data.values, validations: data.validations,
            scope: EntryRules.Scope(unitKeys: [], isManager: true))
        return Reminders.compose(
            ente: ente, plan: bundle.plan, toDo: toDo, submissions: data.submissions, recipients: recipients,
            unitName: { key in bundle.units.first { $0.key == key }?.displayName ?? key }, today: today, link: link)
    }

    /// The same, reading everything from the store (the daily job has no request and no caches).
    static func messages(store: Store, ente: StoredEnte, plan: StoredPlan, campaignKey: String, today: Day, baseURL: String) async throws
        -> [OutboxMessage]
    {
        guard let data = try await store.campaign(campaignKey, of: plan) else { return [] }
        var bundle = try await store.bundle(of: plan)
        (bundle.nodes, bundle.indicators) = VariationRules.inForce(
            on: data.campaign.asOf, nodes: bundle.nodes, indicators: bundle.indicators, variations: bundle.variations)
        let link = baseURL + Links.ente(ente.ente.slug).plan(plan.plan.key).campaign(campaignKey).dashboard
        return messages(
            ente: ente.ente.name, bundle: bundle, data: data, organisation: try await store.organisation(enteID: ente.id),
            members: try await store.members(of: ente.id), today: today, link: link)
    }
}
