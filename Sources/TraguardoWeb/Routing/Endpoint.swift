import TraguardoCore
import Vapor

/// Every route of the application, once: its method, its path pattern and its access rule. Controllers
/// register endpoints (`routes.on(.card, use: …)`) and pages build their links from the same values
/// (`Links`), so a link cannot point at a path that is not served. Adding a case without an access rule
/// does not compile, and the authorisation matrix test has to name it too.
enum Endpoint: String, CaseIterable, Sendable {
    // session and home
    case loginPage, login, logout, home, switchEnte
    // operations: liveness, readiness, Prometheus metrics
    case health, ready, metrics
    // ente and organisation
    case ente, organisation, addUnit, addPerson, addAssignment
    // plans
    case plans, createPlan, plan, movePlan, rollover, exportPlan, scores
    // nodes, indicators, phases
    case newNode, createNode, card, editNode, updateNode, deleteNode, duplicateNode
    case addIndicator, removeIndicator, addPhase, removePhase
    // files
    case importForm, importUpload, template
    // monitoring campaigns, entries, validation
    case campaigns, createCampaign, campaign, moveCampaign, entry, saveEntry, previewEntry, decide, submitUnit, giveBackUnit, addMinutes
    case uploadEvidence, downloadEvidence, deleteEvidence, toDoFile, uploadToDo, sendReminders, organisational, saveOrganisational
    // variations of an approved plan
    case variations, requestVariation, decideVariation
    // methodology
    case methodology, adoptMethodology, methodologyFile, uploadMethodology
    // documents
    case documents, document, recordReportApproval, reportLayout, saveReportLayout
    // users and audit
    case enteUsers, createEnteUser, enteAudit, admin, createEnte, globalAudit
    // JSON API
    case apiMe, apiEnti, apiEnte, apiUnits, apiHolder, apiAudit
    case apiCampaigns, apiCampaign, apiSaveEntries, apiMoveCampaign, apiDecide, apiScores, apiOrganisational, apiSaveOrganisational

    enum Segment: Hashable, Sendable {
        case literal(String)
        case ente, plan, node, item, campaign, unit

        var parameterName: String? {
            switch self {
            case .literal: nil
            case .ente: "ente"
            case .plan: "plan"
            case .node: "node"
            case .item: "item"
            case .campaign: "campaign"
            case .unit: "unit"
            }
        }
    }

    var method: HTTPMethod {
        switch self {
        case .apiSaveEntries, .apiDecide, .apiSaveOrganisational: .PUT
        case .apiMoveCampaign: .POST
        case .login, .logout, .addUnit, .addPerson, .addAssignment, .createPlan, .movePlan, .rollover, .createNode, .updateNode,
            .deleteNode, .duplicateNode, .addIndicator, .removeIndicator, .addPhase, .removePhase, .importUpload, .adoptMethodology,
            .createEnteUser, .createEnte, .createCampaign, .moveCampaign, .saveEntry, .previewEntry, .decide, .submitUnit, .giveBackUnit,
            .addMinutes, .requestVariation, .decideVariation, .uploadEvidence, .deleteEvidence, .uploadToDo, .sendReminders, .saveOrganisational,
            .uploadMethodology, .recordReportApproval, .saveReportLayout:
            .POST
        default:
            .GET
        }
    }

    var segments: [Segment] {
        let ente: [Segment] = [.literal("enti"), .ente]
        let plan = ente + [.literal("piani"), .plan]
        let node = plan + [.literal("nodi"), .node]
        let api: [Segment] = [.literal("api"), .literal("v1")]
        let campaign = plan + [.literal("monitoraggio"), .campaign]
        let objective = campaign + [.literal("obiettivi"), .node]
        switch self {
        case .loginPage, .login: return [.literal("login")]
        case .logout: return [.literal("logout")]
        case .home: return []
        case .switchEnte: return [.literal("scegli-ente")]
        case .health: return [.literal("health")]
        case .ready: return [.literal("ready")]
        case .metrics: return [.literal("metrics")]
        case .ente: return ente
        case .organisation: return ente + [.literal("organizzazione")]
        case .addUnit: return ente + [.literal("organizzazione"), .literal("unita")]
        case .addPerson: return ente + [.literal("organizzazione"), .literal("persone")]
        case .addAssignment: return ente + [.literal("organizzazione"), .literal("incarichi")]
        case .plans, .createPlan: return ente + [.literal("piani")]
        case .plan: return plan
        case .movePlan: return plan + [.literal("stato")]
        case .rollover: return plan + [.literal("rinnovo")]
        case .exportPlan: return plan + [.literal("esporta")]
        case .scores: return plan + [.literal("punteggi")]
        case .newNode: return plan + [.literal("nuovo-nodo")]
        case .createNode: return plan + [.literal("nodi")]
        case .card, .updateNode: return node
        case .editNode: return node + [.literal("modifica")]
        case .deleteNode: return node + [.literal("elimina")]
        case .duplicateNode: return node + [.literal("duplica")]
        case .addIndicator: return node + [.literal("indicatori")]
        case .removeIndicator: return node + [.literal("indicatori"), .item, .literal("elimina")]
        case .addPhase: return node + [.literal("fasi")]
        case .removePhase: return node + [.literal("fasi"), .item, .literal("elimina")]
        case .importForm, .importUpload: return ente + [.literal("importa")]
        case .template: return ente + [.literal("modello")]
        case .campaigns, .createCampaign: return plan + [.literal("monitoraggio")]
        case .campaign: return campaign
        case .moveCampaign: return campaign + [.literal("stato")]
        case .entry, .saveEntry: return objective
        case .previewEntry: return objective + [.literal("anteprima")]
        case .decide: return objective + [.literal("validazione")]
        case .uploadEvidence: return objective + [.literal("allegati")]
        case .toDoFile: return campaign + [.literal("foglio")]
        case .sendReminders: return campaign + [.literal("promemoria")]
        case .uploadToDo: return campaign + [.literal("carica")]
        case .downloadEvidence: return objective + [.literal("allegati"), .item]
        case .deleteEvidence: return objective + [.literal("allegati"), .item, .literal("elimina")]
        case .submitUnit: return campaign + [.literal("settori"), .unit, .literal("invio")]
        case .giveBackUnit: return campaign + [.literal("settori"), .unit, .literal("restituzione")]
        case .addMinutes: return campaign + [.literal("verbali")]
        case .organisational, .saveOrganisational: return campaign + [.literal("performance-organizzativa")]
        case .variations: return plan + [.literal("variazioni")]
        case .requestVariation: return node + [.literal("variazioni")]
        case .decideVariation: return plan + [.literal("variazioni"), .item, .literal("decisione")]
        case .methodology, .adoptMethodology: return ente + [.literal("metodologia")]
        case .methodologyFile: return ente + [.literal("metodologia"), .literal("file")]
        case .uploadMethodology: return ente + [.literal("metodologia"), .literal("carica")]
        case .documents: return plan + [.literal("documenti")]
        case .document: return plan + [.literal("documenti"), .item]
        case .recordReportApproval: return plan + [.literal("documenti"), .literal("approvazione-relazione")]
        case .reportLayout, .saveReportLayout: return ente + [.literal("impaginazione")]
        case .enteUsers, .createEnteUser: return ente + [.literal("utenti")]
        case .enteAudit: return ente + [.literal("registro")]
        case .admin: return [.literal("admin")]
        case .createEnte: return [.literal("admin"), .literal("enti")]
        case .globalAudit: return [.literal("admin"), .literal("registro")]
        case .apiMe: return api + [.literal("me")]
        case .apiEnti: return api + [.literal("enti")]
        case .apiEnte: return api + ente
        case .apiUnits: return api + ente + [.literal("unita")]
        case .apiHolder: return api + ente + [.literal("responsabile")]
        case .apiAudit: return api + ente + [.literal("registro")]
        case .apiCampaigns: return api + plan + [.literal("campagne")]
        case .apiCampaign: return api + plan + [.literal("campagne"), .campaign]
        case .apiSaveEntries: return api + plan + [.literal("campagne"), .campaign, .literal("obiettivi"), .node]
        case .apiMoveCampaign: return api + plan + [.literal("campagne"), .campaign, .literal("stato")]
        case .apiDecide: return api + plan + [.literal("campagne"), .campaign, .literal("obiettivi"), .node, .literal("validazione")]
        case .apiScores: return api + plan + [.literal("campagne"), .campaign, .literal("punteggi")]
        case .apiOrganisational, .apiSaveOrganisational: return api + plan + [.literal("campagne"), .campaign, .literal("performance-organizzativa")]
        }
    }

    /// Who may call it. `AccessMiddleware` enforces it on every request; per-unit and per-state rules are
    /// the core's (`EditingRule`, `PlanLifecycle`) and are checked again by the handler.
    var access: RouteAccess {
        switch self {
        case .loginPage, .login, .health, .ready: .anonymous
        case .metrics: .operations
        case .logout, .home, .switchEnte, .apiMe, .apiEnti: .signedIn
        case .ente, .organisation, .plans, .plan, .card, .exportPlan, .scores, .methodology, .methodologyFile, .apiEnte, .apiUnits, .apiHolder,
            .campaigns, .campaign, .entry, .variations, .apiCampaigns, .apiCampaign, .apiScores, .downloadEvidence, .organisational,
            .apiOrganisational, .documents, .reportLayout:
            .ente(.viewEnte)
        // A lettore downloads published documents only: the handler checks the document against the plan's state.
        case .document: .ente(.viewEnte)
        case .uploadEvidence, .deleteEvidence, .toDoFile, .uploadToDo: .ente(.editOwnUnits)
        case .apiSaveEntries: .ente(.editOwnUnits)
        case .apiMoveCampaign: .ente(.moveCampaign)
        case .apiDecide: .ente(.validate)
        case .requestVariation: .ente(.editOwnUnits)
        case .decideVariation: .ente(.managePlan)
        // Opening and transmitting is the segretario's, closing the Nucleo's: the campaign's lifecycle decides per move.
        case .moveCampaign: .ente(.moveCampaign)
        case .createCampaign, .giveBackUnit, .sendReminders: .ente(.managePlan)
        case .saveEntry, .previewEntry, .submitUnit: .ente(.editOwnUnits)
        case .decide, .addMinutes: .ente(.validate)
        case .saveOrganisational, .apiSaveOrganisational: .ente(.enterOrganisational)
        case .addUnit, .addPerson, .addAssignment, .createPlan, .movePlan, .rollover, .importForm, .importUpload, .template,
            .adoptMethodology, .uploadMethodology, .recordReportApproval, .saveReportLayout:
            .ente(.managePlan)
        case .newNode, .createNode, .editNode, .updateNode, .deleteNode, .duplicateNode, .addIndicator, .removeIndicator,
            .addPhase, .removePhase:
            .ente(.editOwnUnits)
        case .enteUsers, .createEnteUser: .ente(.manageEnteUsers)
        case .enteAudit, .apiAudit: .ente(.viewAudit)
        case .admin, .createEnte, .globalAudit: .system(.administer)
        }
    }

    /// Uploads are collected whole (bounded) so the CSRF field and the file can be read.
    var bodyLimit: ByteCount? {
        switch self {
        case .importUpload, .uploadToDo: "20mb"
        case .uploadEvidence: "12mb"  // the evidence limit (10 MB) plus the multipart envelope
        case .uploadMethodology: "2mb"
        case .saveReportLayout: "1mb"  // the logo travels in the form
        default: nil
        }
    }

    /// The pattern as Vapor registers it ("enti", ":ente", …).
    var pathComponents: [PathComponent] {
        segments.map { segment in
            if case .literal(let text) = segment { return .constant(text) }
            return .parameter(segment.parameterName!)
        }
    }

    /// "GET /enti/:ente/piani/:plan", as the authorisation matrix names routes.
    var signature: String {
        "\(method.rawValue) /"
            + segments.map { s in
                if case .literal(let text) = s { return text }
                return ":" + s.parameterName!
            }.joined(separator: "/")
    }

    /// The path with the parameters filled in, each percent-encoded as one segment.
    func path(_ values: PathValues = PathValues(), query: [(String, String?)] = []) -> String {
        let parts = segments.map { segment -> String in
            switch segment {
            case .literal(let text): return text
            case .ente: return Self.escape(values.required(values.ente, "ente", self))
            case .plan: return Self.escape(values.required(values.plan, "plan", self))
            case .node: return Self.escape(values.required(values.node, "node", self))
            case .item: return Self.escape(values.required(values.item, "item", self))
            case .campaign: return Self.escape(values.required(values.campaign, "campaign", self))
            case .unit: return Self.escape(values.required(values.unit, "unit", self))
            }
        }
        let pairs = query.compactMap { name, value in value.map { "\(name)=\(Self.escapeQuery($0))" } }
        return "/" + parts.joined(separator: "/") + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
    }

    /// Built once: a `CharacterSet` made per call cost more than the rest of a card page's links.
    private static let pathAllowed = CharacterSet.urlPathAllowed.subtracting(["/", "?", "#", ";", "%"])
    private static let queryAllowed = CharacterSet.urlQueryAllowed.subtracting(["&", "=", "+", "#", "%"])

    static func escape(_ s: String) -> String {
        // Keys are mostly plain ASCII letters, digits and hyphens: nothing to encode.
        if s.utf8.allSatisfy({
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
        }) {
            return s
        }
        return s.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? s
    }

    static func escapeQuery(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? s
    }
}

/// The values of a path's parameters. A missing one is a programming error caught by the route tests.
struct PathValues: Sendable {
    var ente: String?
    var plan: String?
    var node: String?
    var item: String?
    var campaign: String?
    var unit: String?

    func required(_ value: String?, _ name: String, _ endpoint: Endpoint) -> String {
        guard let value else { preconditionFailure("\(endpoint.signature) needs the \(name) parameter") }
        return value
    }
}

extension RoutesBuilder {
    /// Registers a handler for an endpoint with its method, pattern and access rule.
    @discardableResult
    func on<R: AsyncResponseEncodable>(_ endpoint: Endpoint, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        let body: HTTPBodyStreamStrategy = endpoint.bodyLimit.map { .collect(maxSize: $0) } ?? .collect
        return on(endpoint.method, endpoint.pathComponents, body: body, use: handler).requires(endpoint.access).named(endpoint)
    }
}

extension Route {
    var endpoint: Endpoint? { userInfo["traguardo.endpoint"] as? Endpoint }

    @discardableResult
    func named(_ endpoint: Endpoint) -> Route {
        userInfo["traguardo.endpoint"] = endpoint
        return self
    }
}
