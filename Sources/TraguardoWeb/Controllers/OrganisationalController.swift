import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Organisational performance in a campaign: everyone in the ente reads the figures and the points; the segretario
/// (and the Nucleo) enter the figures while the campaign is running. The page and the JSON API share the rules.
struct OrganisationalController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.organisational, use: show)
        routes.on(.saveOrganisational, use: save)
        routes.on(.apiOrganisational, use: api)
        routes.on(.apiSaveOrganisational, use: apiSave)
    }

    /// The figures of a campaign with the lock of each and the points they make.
    struct Figures: Content {
        struct Dimension: Content {
            let key: String
            let name: String
            let maxPoints: Double
            /// Percent; null: "non rilevato".
            let achievement: Double?
            /// Null when the dimension is not measured.
            let points: Double?
        }

        let values: [OrganisationalValue]
        let versions: [String: Int]
        /// Null when the methodology has no organisational performance or nothing is measured.
        let points: Double?
        let totalPoints: Double?
        let dimensions: [Dimension]

        init(_ data: CampaignData, score: OrganisationalScore?) {
            values = data.organisational
            versions = data.organisationalVersions
            points = score.flatMap { $0.isMeasured ? $0.points : nil }
            totalPoints = score?.totalPoints
            dimensions = (score?.dimensions ?? []).map {
                Dimension(
                    key: $0.key, name: $0.name, maxPoints: $0.maxPoints, achievement: $0.achievement, points: $0.achievement == nil ? nil : $0.points)
            }
        }
    }

    struct FiguresInput: Content {
        struct Figure: Content {
            let key: String
            /// Null clears the figure.
            let value: Double?
            let source: String?
            let note: String?
            /// The version read (0: none yet); a different current version is a 409 and nothing is written.
            let version: Int
        }

        let values: [Figure]
    }

    @Sendable func api(req: Request) async throws -> Figures {
        let context = try await req.campaignContext()
        return Figures(context.data, score: context.sheet.organisationalScore)
    }

    @Sendable func apiSave(req: Request) async throws -> Figures {
        let context = try await req.campaignContext()
        let body = try req.content.decode(FiguresInput.self)
        let (methodology, _) = try await req.methodology(year: context.bundle.plan.year)
        let key = context.data.campaign.key
        let changes = body.values.map { f in
            OrganisationalStore.Change(
                key: f.key,
                value: f.value.map { OrganisationalValue(campaignKey: key, key: f.key, value: $0, source: f.source.nonEmpty, note: f.note.nonEmpty) },
                expectedVersion: f.version)
        }
        try await Refusals.asAbort {
            try await req.store.saveOrganisational(
                changes, campaign: key, methodology: methodology.organisational, in: context.plan, actor: req.actor)
        }
        // The points after this save: the cached plan is of the revision this request started with, so read it again.
        let bundle = try await req.store.bundle(of: context.plan)
        let report = ScoringEngine.measuredScore(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: key))
        guard let data = try await req.store.campaign(key, of: context.plan) else { throw Abort(.notFound) }
        return Figures(data, score: report.organisational)
    }

    /// Kept rendered per user and revision of the ente, like the dashboard: the figures change only with a save.
    @Sendable func show(req: Request) async throws -> Response {
        try await req.renderKept(.plans) {
            let context = try await req.campaignContext()
            let (methodology, _) = try await req.methodology(year: context.bundle.plan.year)
            let canEnter = context.allows(.enterOrganisational)
            return (
                "Performance organizzativa · \(context.data.campaign.title)",
                { OrganisationalPage.build(layout: $0, context: context, methodology: methodology.organisational, canEnter: canEnter) }
            )
        }
    }

    @Sendable func save(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let (methodology, _) = try await req.methodology(year: context.bundle.plan.year)
        let org = methodology.organisational
        let form = try req.content.decode(OrganisationalForm.self)
        let shown = OrganisationalPage.Shown(value: form.value ?? [:], source: form.source ?? [:], note: form.note ?? [:])
        let changes: [OrganisationalStore.Change]
        switch form.changes(org.map(OrganisationalEntry.fields) ?? [], campaign: context.data.campaign.key) {
        case .success(let c): changes = c
        case .failure(let error): return try await render(req, context, org, error: error.message, shown: shown, status: .unprocessableEntity)
        }
        do {
            try await req.store.saveOrganisational(changes, campaign: context.data.campaign.key, methodology: org, in: context.plan, actor: req.actor)
        } catch let error as MonitoringError {
            // A stale form shows what is stored now (this request read it after the other save); any other refusal
            // keeps what the user typed.
            return try await render(req, context, org, error: error.description, shown: error == .conflict ? nil : shown, status: error.httpStatus)
        }
        req.flash("Valori di performance organizzativa salvati.")
        return req.redirect(to: context.links.organisational)
    }

    private func render(
        _ req: Request, _ context: CampaignContext, _ org: OrganisationalPerformance?, error: String?, shown: OrganisationalPage.Shown? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let page = OrganisationalPage.build(
            layout: try await req.layout("Performance organizzativa · \(context.data.campaign.title)", .plans), context: context,
            methodology: org, canEnter: context.allows(.enterOrganisational), error: error, shown: shown)
        return try await req.render(page, status: status)
    }
}
