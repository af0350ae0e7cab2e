import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoReports
import Vapor

/// The documents of a plan: the list with every format, each download (built from the same data as the pages),
/// and the act approving the Relazione.
struct DocumentsController {
    /// The PDF renderer found at start-up; nil when neither Chromium nor WeasyPrint is installed.
    static let pdf: (any PDFRenderer)? = PDFRenderers.detect()

    func register(_ routes: any RoutesBuilder) {
        routes.on(.documents, use: page)
        routes.on(.document, use: download)
        routes.on(.recordReportApproval, use: recordApproval)
    }

    /// The campaign of the request (`campagna`), or the final one, or the last.
    static func campaign(_ req: Request, _ bundle: PlanBundle) -> Campaign? {
        let asked = req.query("campagna")
        return bundle.campaigns.first { $0.key == asked } ?? bundle.campaigns.last(where: \.isFinal) ?? bundle.campaigns.last
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req)
    }

    private func render(_ req: Request, fields: DocumentsPage.ApprovalFields? = nil, error: String? = nil, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let ente = try req.requireEnte()
        let plan = try await req.plan()
        let bundle = try await req.bundle(of: plan)
        let page = DocumentsPage.build(
            layout: try await req.layout("Documenti · \(plan.plan.title)", .plans), ente: ente.ente.slug, plan: plan.plan,
            campaigns: bundle.campaigns, campaign: Self.campaign(req, bundle), workingDocuments: req.allows(.readWorkingDocuments),
            canManage: req.allows(.managePlan), pdf: Self.pdf, fields: fields, error: error)
        return try await req.render(page, status: status)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        guard let kind = ReportKind(rawValue: req.parameter("item")) else {
            throw Abort(.notFound, reason: "Documento «\(req.parameter("item"))» inesistente.")
        }
        let name = req.query("formato") ?? ReportFormat.pdf.rawValue
        guard let format = ReportFormat(rawValue: name) else {
            throw Abort(.badRequest, reason: "Formato «\(name)» sconosciuto: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let plan = try await req.plan()
        let bundle = try await req.bundle(of: plan)
        let campaign = Self.campaign(req, bundle)
        guard req.allows(.readWorkingDocuments) || kind.isPublished(plan: plan.plan.state, campaign: campaign) else {
            throw Abort(.forbidden, reason: "«\(kind.title)» non è ancora pubblicato: il tuo ruolo può scaricare solo i documenti pubblicati.")
        }
        let input: ReportInput
        do {
            input = try await ReportSources.input(
                kind, store: req.store, enteID: ente.id, plan: plan, campaign: kind.usesCampaign ? campaign?.key : nil, cached: bundle,
                today: ItalianFormat.day(of: Date()))
        } catch let failure as ReportSources.Failure {
            throw Abort(.unprocessableEntity, reason: failure.description)
        }
        let output: ReportGenerator.Output
        do {
            output = try await ReportGenerator.render(ReportGenerator.document(kind, input), as: format, pdf: Self.pdf)
        } catch let error as PDFRenderingError {
            throw Abort(.serviceUnavailable, reason: error.description)
        }
        let file = ReportGenerator.fileName(
            kind, ente: ente.ente.slug, year: plan.plan.year, campaign: input.campaignKey, extension: output.fileExtension)
        let response = ExportController.file(output.data, name: file, type: output.mediaType)
        // An HTML document is shown in the browser; the others are saved.
        if format == .html { response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(file)\"") }
        return response
    }

    @Sendable func recordApproval(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let plan = try await req.plan()
        let form = try req.content.decode(ReportApprovalForm.self)
        switch form.deliberation() {
        case .failure(let error):
            return try await render(req, fields: form.fields, error: error.message, status: .unprocessableEntity)
        case .success(let act):
            try await req.store.recordReportApproval(act, in: plan, actor: req.actor)
            req.flash(act.map { "Registrata l'approvazione della Relazione: \($0.label)." } ?? "Approvazione della Relazione cancellata.")
            return req.redirect(to: Links.ente(ente.ente.slug).plan(plan.plan.key).documents())
        }
    }
}
