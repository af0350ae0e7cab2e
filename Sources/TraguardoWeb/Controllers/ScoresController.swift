import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Scores of a plan under the ente's methodology, each with its explanation one click away.
struct ScoresController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", "piani", ":plan", "punteggi", use: scores).requires(.ente(.viewEnte))
    }

    struct Row: Encodable {
        let code: String
        let title: String
        let computed: String
        let validated: String
        let effective: String
        let counted: Bool
        let explanation: String
        let indicators: [String]
        let hasIndicators: Bool
    }

    struct RollUpRow: Encodable {
        let name: String
        let score: String
        let counted: Int
        let total: Int
        let explanation: String
    }

    struct Campaign: Encodable {
        let key: String
        let title: String
        let selected: Bool
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let planHref: String
        let planTitle: String
        let methodology: String
        let methodologyHref: String
        let asOf: String
        let campaigns: [Campaign]
        let hasCampaigns: Bool
        let units: [RollUpRow]
        let nodes: [RollUpRow]
        let objectives: [Row]
        let enteMean: String
        let servicesMean: String
        let enteExplanation: String
        let organisational: String?
        let issues: [String]
        let hasNodes: Bool
        let hasIssues: Bool
    }

    @Sendable func scores(req: Request) async throws -> View {
        let (ente, enteID) = try req.requireEnte()
        let key = req.parameters.get("plan")?.removingPercentEncoding ?? ""
        guard let record = try await PlanStore.record(enteID: enteID, key: key, on: req.db) else {
            throw Abort(.notFound, reason: "Piano \"\(key)\" inesistente in questo ente.")
        }
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let campaignKey = (try? req.query.get(String.self, at: "campagna")).nonEmpty
        let (methodology, version) = try await MethodologyStore.current(enteID: enteID, year: bundle.plan.year, on: req.db)
        let input = ScoringInput(bundle: bundle, methodology: methodology, campaignKey: campaignKey)
        let report = ScoringEngine.score(input)
        let f = { (v: Double?) in v.map { ItalianFormat.number($0, decimals: methodology.rounding.decimals) } ?? "—" }
        let objectives = report.objectives.map { o -> Row in
            let e = report.explain(objective: o.key)
            return Row(code: o.code ?? "", title: o.title, computed: f(o.computed), validated: f(o.validated), effective: f(o.effective),
                       counted: o.counted, explanation: e?.text ?? "", indicators: e?.indicators.map(\.text) ?? [],
                       hasIndicators: !(e?.indicators.isEmpty ?? true))
        }
        let units = report.units.map { u in
            RollUpRow(name: u.name, score: f(u.score), counted: u.counted, total: u.total, explanation: report.explain(unit: u.key)?.text ?? "")
        }
        let nodes = report.nodes.map { n in
            RollUpRow(name: n.name, score: f(n.score), counted: n.counted, total: n.total, explanation: report.explain(node: n.key)?.text ?? "")
        }
        let planHref = PlanController.planPath(ente.slug, bundle.plan.key)
        let page = Page(
            layout: try await LayoutContext.make(req, title: "Punteggi · \(bundle.plan.title)", active: "piani"),
            planHref: planHref, planTitle: bundle.plan.title,
            methodology: "\(methodology.name)" + (version.map { " — versione adottata n. \($0)" } ?? " — metodologia generale (nessuna adottata)"),
            methodologyHref: "/enti/\(ente.slug)/metodologia", asOf: report.plan.asOf.italian,
            campaigns: bundle.campaigns.map { Campaign(key: $0.key, title: $0.title, selected: $0.key == input.campaignKey) },
            hasCampaigns: bundle.campaigns.count > 1, units: units, nodes: nodes, objectives: objectives,
            enteMean: f(report.ente.objectivesMean), servicesMean: f(report.ente.unitsMean), enteExplanation: report.explainEnte().text,
            organisational: report.organisational?.italianText, issues: report.issues.map(\.message),
            hasNodes: !nodes.isEmpty, hasIssues: !report.issues.isEmpty)
        return try await req.view.render("pages/scores", page)
    }
}
