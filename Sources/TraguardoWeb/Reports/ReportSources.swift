import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoReports

/// Gathers what a document is made of from the database, the same way for the CLI and the web.
public enum ReportSources {
    public enum Failure: Error, CustomStringConvertible {
        case unknownCampaign(String, [String])
        case noCampaign(ReportKind)

        public var description: String {
            switch self {
            case .unknownCampaign(let key, let known):
                "Campagna «\(key)» inesistente; campagne del piano: \(known.isEmpty ? "nessuna" : known.joined(separator: ", "))."
            case .noCampaign(let kind): "«\(kind.title)» riporta i risultati di una campagna di monitoraggio, ma il piano non ne ha ancora."
            }
        }
    }

    /// `cached` may be passed when the caller already holds it (the web keeps it cached).
    public static func input(
        _ kind: ReportKind, store: Store, enteID: UUID, plan: StoredPlan, campaign: String?, cached: PlanBundle? = nil,
        layout: ReportLayout? = nil, today: Day
    ) async throws -> ReportInput {
        let bundle: PlanBundle
        if let cached { bundle = cached } else { bundle = try await store.bundle(of: plan) }
        if let campaign, !bundle.campaigns.contains(where: { $0.key == campaign }) {
            throw Failure.unknownCampaign(campaign, bundle.campaigns.map(\.key))
        }
        let chosen = campaign ?? bundle.campaigns.last(where: \.isFinal)?.key ?? bundle.campaigns.last?.key
        if kind.usesCampaign && kind != .openData && chosen == nil { throw Failure.noCampaign(kind) }
        let (methodology, version) = try await store.methodology(enteID: enteID, year: plan.plan.year)
        var minutes: [Minutes] = []
        if let chosen { minutes = try await store.campaign(chosen, of: plan)?.minutes ?? [] }
        let stored = try await store.reportLayout(enteID: enteID)
        return ReportInput(
            bundle: bundle, methodology: methodology, methodologyVersion: version, campaignKey: chosen, minutes: minutes,
            layout: layout ?? stored, deliberation: bundle.plan.reportApproval, generatedOn: today)
    }
}
