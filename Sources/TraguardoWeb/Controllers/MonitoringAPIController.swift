import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The monitoring operations of the pages, as JSON: a municipality's own systems push actuals with an API token,
/// under the same rules (scope, campaign state, optimistic lock: a stale `version` is a 409 and nothing is written).
struct MonitoringAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.apiCampaigns, use: campaigns)
        routes.on(.apiCampaign, use: campaign)
        routes.on(.apiSaveEntries, use: saveEntries)
        routes.on(.apiMoveCampaign, use: move)
        routes.on(.apiDecide, use: decide)
        routes.on(.apiScores, use: scores)
    }

    @Sendable func campaigns(req: Request) async throws -> [Campaign] {
        try await req.store.campaigns(of: try await req.plan())
    }

    @Sendable func campaign(req: Request) async throws -> CampaignData {
        try await req.campaignContext().data
    }

    /// A value as a program sends it: a JSON number, true/false, or text read by the indicator's form (dates
    /// gg/mm/aaaa or aaaa-mm-gg, SI/NO, Italian numbers).
    enum ValueInput: Codable, Sendable {
        case number(Double), flag(Bool), text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) {
                self = .flag(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else {
                self = .text(try c.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .flag(let b): try c.encode(b)
            case .text(let t): try c.encode(t)
            }
        }
    }

    struct IndicatorEntry: Content {
        let indicatorKey: String
        let value: ValueInput?
        let progress: Double?
    }

    struct Entries: Content {
        let version: Int
        let status: ProgressStatus?
        let statusReason: String?
        let narrative: String?
        let indicators: [IndicatorEntry]?
    }

    struct Saved: Content {
        let version: Int
        let computed: String
    }

    @Sendable func saveEntries(req: Request) async throws -> Saved {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        let body = try req.content.decode(Entries.self)
        let own = context.bundle.indicators.filter { $0.nodeKey == node.key }
        var objective = MonitoringValue(campaignKey: "", nodeKey: "")
        objective.status = body.status
        objective.statusReason = body.statusReason.nonEmpty
        objective.narrative = body.narrative.nonEmpty
        var values: [MonitoringValue] = []
        for (i, entry) in (body.indicators ?? []).enumerated() {
            let place = "indicators[\(i)]"
            guard let x = own.first(where: { $0.key == entry.indicatorKey }) else {
                throw Abort(.notFound, reason: "\(place).indicatorKey: indicatore \"\(entry.indicatorKey)\" inesistente in questo obiettivo.")
            }
            var v = MonitoringValue(campaignKey: "", nodeKey: node.key, indicatorKey: x.key)
            switch entry.value {
            case .number(let n):
                guard n.isFinite else { throw Abort(.unprocessableEntity, reason: "\(place).value: numero non valido.") }
                v.actual = Measure(number: n, raw: ItalianFormat.number(n, trimZeros: true))
            case .flag(let b): v.actual = Measure(number: nil, flag: b, raw: b ? "SI" : "NO")
            case .text(let t):
                switch MeasureText.parse(t, form: x.form) {
                case .success(let parsed): v.actual = Measure(parsed, raw: t)
                case .failure(let error): throw Abort(.unprocessableEntity, reason: "\(place).value: " + error.message())
                }
            case nil: break
            }
            if let p = entry.progress {
                guard p.isFinite, (0...100).contains(p) else {
                    throw Abort(.unprocessableEntity, reason: "\(place).progress: serve un numero tra 0 e 100.")
                }
                v.progress = p
            }
            values.append(v)
        }
        let version = try await Refusals.asAbort {
            try await req.store.saveEntries(
                campaign: context.data.campaign.key, node: node, objective: objective, indicators: values, expectedVersion: body.version,
                scope: context.scope, in: context.plan, actor: req.actor)
        }
        // The score after this save: the plan as in force for the campaign (an entry changes no structure, so the
        // context's is current) with the monitoring rows read again, this save included. Reading the whole bundle
        // again made every save cost a full plan load (about 65 saves a second under load).
        var bundle = context.bundle
        let rows = try await req.store.monitoring(of: context.plan)
        bundle.campaigns = rows.campaigns
        bundle.values = rows.values
        bundle.validations = rows.validations
        bundle.organisationalValues = rows.organisational
        let (methodology, _) = try await req.methodology(year: bundle.plan.year)
        let sheet = ScoreSheet(
            ScoringEngine.measuredScore(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: context.data.campaign.key)))
        return Saved(version: version, computed: sheet.objectives.first { $0.key == node.key }?.computed ?? ScoreSheet.notReported)
    }

    struct Move: Content {
        let to: CampaignState
        let reason: String?
    }

    @Sendable func move(req: Request) async throws -> Campaign {
        let plan = try await req.plan()
        let body = try req.content.decode(Move.self)
        let principal = try req.requirePrincipal()
        let enteID = try req.requireEnte().id
        return try await Refusals.asAbort {
            try await req.store.moveCampaign(
                req.parameter("campaign"), of: plan, to: body.to, reason: body.reason,
                allows: { AccessPolicy.allows(principal, $0, enteID: enteID) }, actor: req.actor)
        }
    }

    struct Decision: Content {
        let kind: ValidationKind
        let score: Double?
        let reason: String?
        let minutes: String?
    }

    @Sendable func decide(req: Request) async throws -> TraguardoCore.Validation {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        let body = try req.content.decode(Decision.self)
        let (methodology, _) = try await req.methodology(year: context.bundle.plan.year)
        let computed = ScoringEngine.measuredScore(
            ScoringInput(bundle: context.bundle, methodology: methodology, campaignKey: context.data.campaign.key)
        )
        .objective(node.key)?.computed
        return try await Refusals.asAbort {
            try await req.store.decide(
                body.kind, node: node.key, campaign: context.data.campaign.key, score: body.score, reason: body.reason ?? "", computed: computed,
                rounding: methodology.rounding, minutes: body.minutes.nonEmpty, in: context.plan, actor: req.actor)
        }
    }

    @Sendable func scores(req: Request) async throws -> ScoreSheetDTO {
        let context = try await req.campaignContext()
        return ScoreSheetDTO(context.sheet)
    }
}

/// A score sheet as JSON: every figure formatted as the pages print it (Italian, the methodology's rounding).
struct ScoreSheetDTO: Content {
    let methodology: String
    let methodologyVersion: Int
    let asOf: Day
    let objectives: [ScoreSheet.Objective]
    let units: [ScoreSheet.RollUp]
    let nodes: [ScoreSheet.RollUp]
    let groups: [ScoreSheet.RollUp]
    let enteMean: String
    let servicesMean: String
    let enteMeanComputed: String
    let servicesMeanComputed: String

    init(_ s: ScoreSheet) {
        methodology = s.methodologyName
        methodologyVersion = s.methodologyVersion
        asOf = s.asOf
        objectives = s.objectives
        units = s.units
        nodes = s.nodes
        groups = s.groups
        enteMean = s.enteMean
        servicesMean = s.servicesMean
        enteMeanComputed = s.enteMeanComputed
        servicesMeanComputed = s.servicesMeanComputed
    }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "read-only"))
    }
}

extension Campaign: Content {}
extension CampaignData: Content {}
extension TraguardoCore.Validation: Content {}
