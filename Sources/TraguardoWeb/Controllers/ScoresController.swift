import TraguardoCore
import TraguardoPersistence
import Vapor

/// Scores of a plan under the ente's methodology; the sheet is kept per revision of the ente's data.
struct ScoresController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.scores, use: scores)
    }

    @Sendable func scores(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        return try await req.renderKept(.plans) {
            let plan = try await req.plan()
            let bundle = try await req.bundle(of: plan)
            let (methodology, version) = try await req.methodology(year: plan.plan.year)
            let input = ScoringInput(bundle: bundle, methodology: methodology, campaignKey: req.query("campagna"))
            let sheet = try await req.scoreSheet(plan, bundle: bundle, campaign: input.campaignKey)
            return (
                "Punteggi · \(plan.plan.title)",
                {
                    ScoresPage.build(
                        layout: $0, ente: ente.ente.slug, plan: plan.plan, campaigns: bundle.campaigns, campaign: input.campaignKey, sheet: sheet,
                        adoptedVersion: version)
                }
            )
        }
    }
}
