import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import Vapor

/// Upload of a plan (JSON bundle, XLSX or ODS through `PlanFileDecoder`) with a dry run that reports what
/// would change. All or nothing: a file with errors writes nothing.
struct ImportController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.importForm, use: form)
        routes.on(.importUpload, use: upload)
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await render(req)
    }

    struct Upload: Content {
        var file: File
        var dryRun: String?
        var replace: String?
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await render(req, errors: ["Scegli un file da importare."], status: .unprocessableEntity)
        }
        let bundle: PlanBundle
        do {
            bundle = try PlanFileDecoder.decode(Data(upload.file.data.readableBytesView), filename: upload.file.filename)
        } catch {
            return try await render(req, errors: error.messages, status: .unprocessableEntity)
        }
        let dryRun = upload.dryRun != nil
        do {
            let s = try await req.store.importBundle(
                bundle, options: .init(slug: ente.ente.slug, replacePlan: upload.replace != nil, dryRun: dryRun),
                actor: req.actor)
            var lines = [
                "Unità: \(s.unitsCreated) nuove, \(s.unitsKept) già presenti",
                "Persone: \(s.peopleCreated) nuove, \(s.peopleKept) già presenti; incarichi: \(s.assignmentsCreated)",
                "Piano «\(bundle.plan.title)»\(s.planReplaced ? " (sostituisce il precedente)" : ""): \(s.nodes) nodi, \(s.phases) fasi, \(s.indicators) indicatori, \(s.participations) partecipazioni, \(s.values) valori",
            ]
            if let version = s.methodologyVersion {
                lines.append(
                    "Metodologia «\(bundle.methodology?.name ?? "")» del pacchetto adottata per il \(bundle.plan.year) (versione \(version))")
            }
            if dryRun { return try await render(req, summary: lines, dryRun: true) }
            req.flash("Importazione completata. " + lines.joined(separator: " · "))
            return req.redirect(to: Links.ente(ente.ente.slug).plan(bundle.plan.key).tree)
        } catch let error as BundleImportError {
            let messages: [String]
            if case .integrity(let problems) = error { messages = problems } else { messages = [error.description] }
            return try await render(req, dryRun: dryRun, errors: messages, status: .unprocessableEntity)
        }
    }

    private func render(
        _ req: Request, summary: [String] = [], dryRun: Bool = false, errors: [String] = [],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let ente = try req.requireEnte()
        let page = ImportPage.build(
            layout: try await req.layout("Importa · \(ente.ente.name)", .plans), ente: ente.ente.slug,
            summary: summary, dryRun: dryRun, errors: errors)
        return try await req.render(page, status: status)
    }
}
