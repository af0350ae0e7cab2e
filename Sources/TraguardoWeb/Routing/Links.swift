import Foundation
import TraguardoCore

/// Typed links, built from the endpoints: the only way pages and handlers make a URL.
enum Links {
    static let home = Endpoint.home.path()
    static let login = Endpoint.loginPage.path()
    static let logout = Endpoint.logout.path()
    static let switchEnte = Endpoint.switchEnte.path()
    static let admin = Endpoint.admin.path()
    static let createEnte = Endpoint.createEnte.path()
    static let globalAudit = Endpoint.globalAudit.path()

    static func login(next: String) -> String { Endpoint.loginPage.path(query: [("next", next)]) }
    static func ente(_ slug: String) -> EnteLinks { EnteLinks(slug: slug) }
}

/// Static files served by `FileMiddleware` from `Public/`; named here so no template writes a path.
enum Assets {
    static let stylesheets = ["/css/bootstrap-italia.min.css", "/css/traguardo.css"]
    /// The entry form's live score.
    static let entryScript = "/js/entry.js"
    /// The documents page's PDF progress indicator.
    static let documentsScript = "/js/documents.js"
}

struct EnteLinks: Hashable, Sendable {
    let slug: String

    private var values: PathValues { PathValues(ente: slug) }

    var home: String { Endpoint.ente.path(values) }
    func home(on day: Day?) -> String { Endpoint.ente.path(values, query: [("data", day?.italian)]) }
    var organisation: String { Endpoint.organisation.path(values) }
    func organisation(on day: Day?) -> String { Endpoint.organisation.path(values, query: [("data", day?.italian)]) }
    var addUnit: String { Endpoint.addUnit.path(values) }
    var addPerson: String { Endpoint.addPerson.path(values) }
    var addAssignment: String { Endpoint.addAssignment.path(values) }
    var plans: String { Endpoint.plans.path(values) }
    var createPlan: String { Endpoint.createPlan.path(values) }
    var importForm: String { Endpoint.importForm.path(values) }
    var importUpload: String { Endpoint.importUpload.path(values) }
    func template(_ format: String) -> String { Endpoint.template.path(values, query: [("formato", format)]) }
    var methodology: String { Endpoint.methodology.path(values) }
    func methodology(year: Int, preview: String? = nil) -> String {
        Endpoint.methodology.path(values, query: [("anno", String(year)), ("anteprima", preview)])
    }
    func adoptMethodology(year: Int) -> String { Endpoint.adoptMethodology.path(values, query: [("anno", String(year))]) }
    func methodologyFile(year: Int) -> String { Endpoint.methodologyFile.path(values, query: [("anno", String(year))]) }
    func uploadMethodology(year: Int) -> String { Endpoint.uploadMethodology.path(values, query: [("anno", String(year))]) }
    var users: String { Endpoint.enteUsers.path(values) }
    var createUser: String { Endpoint.createEnteUser.path(values) }
    var audit: String { Endpoint.enteAudit.path(values) }
    var reportLayout: String { Endpoint.reportLayout.path(values) }
    var saveReportLayout: String { Endpoint.saveReportLayout.path(values) }
    func plan(_ key: String) -> PlanLinks { PlanLinks(ente: slug, plan: key) }
}

struct PlanLinks: Hashable, Sendable {
    let ente: String
    let plan: String

    private var values: PathValues { PathValues(ente: ente, plan: plan) }

    var tree: String { Endpoint.plan.path(values) }
    var move: String { Endpoint.movePlan.path(values) }
    var rollover: String { Endpoint.rollover.path(values) }
    func export(_ format: String) -> String { Endpoint.exportPlan.path(values, query: [("formato", format)]) }
    var scores: String { Endpoint.scores.path(values) }
    func scores(campaign: String?) -> String { Endpoint.scores.path(values, query: [("campagna", campaign)]) }
    var newNode: String { Endpoint.newNode.path(values) }
    func newNode(parent: String) -> String { Endpoint.newNode.path(values, query: [("parent", parent)]) }
    var createNode: String { Endpoint.createNode.path(values) }
    func node(_ key: String) -> NodeLinks { NodeLinks(ente: ente, plan: plan, node: key) }
    var campaigns: String { Endpoint.campaigns.path(values) }
    var variations: String { Endpoint.variations.path(values) }
    func decideVariation(_ number: Int) -> String { Endpoint.decideVariation.path(PathValues(ente: ente, plan: plan, item: String(number))) }
    var createCampaign: String { Endpoint.createCampaign.path(values) }
    func campaign(_ key: String) -> CampaignLinks { CampaignLinks(ente: ente, plan: plan, campaign: key) }
    func documents(campaign: String? = nil) -> String { Endpoint.documents.path(values, query: [("campagna", campaign)]) }
    func document(_ kind: String, format: String, campaign: String?) -> String {
        Endpoint.document.path(PathValues(ente: ente, plan: plan, item: kind), query: [("formato", format), ("campagna", campaign)])
    }
    var recordReportApproval: String { Endpoint.recordReportApproval.path(values) }
}

struct CampaignLinks: Hashable, Sendable {
    let ente: String
    let plan: String
    let campaign: String

    private var values: PathValues { PathValues(ente: ente, plan: plan, campaign: campaign) }

    var dashboard: String { Endpoint.campaign.path(values) }
    var move: String { Endpoint.moveCampaign.path(values) }
    var addMinutes: String { Endpoint.addMinutes.path(values) }
    func toDoFile(_ format: String) -> String { Endpoint.toDoFile.path(values, query: [("formato", format)]) }
    var uploadToDo: String { Endpoint.uploadToDo.path(values) }
    var sendReminders: String { Endpoint.sendReminders.path(values) }
    var organisational: String { Endpoint.organisational.path(values) }
    func entry(_ node: String) -> String { Endpoint.entry.path(PathValues(ente: ente, plan: plan, node: node, campaign: campaign)) }
    func saveEntry(_ node: String) -> String { Endpoint.saveEntry.path(PathValues(ente: ente, plan: plan, node: node, campaign: campaign)) }
    func previewEntry(_ node: String) -> String { Endpoint.previewEntry.path(PathValues(ente: ente, plan: plan, node: node, campaign: campaign)) }
    func decide(_ node: String) -> String { Endpoint.decide.path(PathValues(ente: ente, plan: plan, node: node, campaign: campaign)) }
    func uploadEvidence(_ node: String) -> String {
        Endpoint.uploadEvidence.path(PathValues(ente: ente, plan: plan, node: node, campaign: campaign))
    }
    func evidence(_ node: String, _ id: UUID) -> String {
        Endpoint.downloadEvidence.path(PathValues(ente: ente, plan: plan, node: node, item: id.uuidString, campaign: campaign))
    }
    func deleteEvidence(_ node: String, _ id: UUID) -> String {
        Endpoint.deleteEvidence.path(PathValues(ente: ente, plan: plan, node: node, item: id.uuidString, campaign: campaign))
    }
    func submit(_ unit: String) -> String { Endpoint.submitUnit.path(PathValues(ente: ente, plan: plan, campaign: campaign, unit: unit)) }
    func giveBack(_ unit: String) -> String { Endpoint.giveBackUnit.path(PathValues(ente: ente, plan: plan, campaign: campaign, unit: unit)) }
    var scores: String { Endpoint.scores.path(PathValues(ente: ente, plan: plan), query: [("campagna", campaign)]) }
}

struct NodeLinks: Hashable, Sendable {
    let ente: String
    let plan: String
    let node: String

    private var values: PathValues { PathValues(ente: ente, plan: plan, node: node) }

    var card: String { Endpoint.card.path(values) }
    var edit: String { Endpoint.editNode.path(values) }
    var update: String { Endpoint.updateNode.path(values) }
    var delete: String { Endpoint.deleteNode.path(values) }
    var duplicate: String { Endpoint.duplicateNode.path(values) }
    var addIndicator: String { Endpoint.addIndicator.path(values) }
    var requestVariation: String { Endpoint.requestVariation.path(values) }
    var addPhase: String { Endpoint.addPhase.path(values) }
    func removeIndicator(_ key: String) -> String { Endpoint.removeIndicator.path(PathValues(ente: ente, plan: plan, node: node, item: key)) }
    func removePhase(_ key: String) -> String { Endpoint.removePhase.path(PathValues(ente: ente, plan: plan, node: node, item: key)) }
}
