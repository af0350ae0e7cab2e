import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import Vapor

/// Upload of a plan (JSON bundle; spreadsheets through `PlanFileDecoder`) with a dry run that reports what
/// would change. All or nothing: a file with errors writes nothing.
struct ImportController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", "importa", use: form).requires(.ente(.managePlan))
        routes.on(.POST, "enti", ":ente", "importa", body: .collect(maxSize: "20mb"), use: upload).requires(.ente(.managePlan))
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let slug: String
        let formats: String
        let summary: [String]
        let hasSummary: Bool
        let dryRun: Bool
        let errors: [String]
        let hasErrors: Bool
    }

    @Sendable func form(req: Request) async throws -> View {
        try await render(req, summary: [], dryRun: false, errors: [])
    }

    struct Upload: Content {
        var file: File
        var dryRun: String?
        var replace: String?
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let (ente, _) = try req.requireEnte()
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await render(req, summary: [], dryRun: false, errors: ["Scegli un file da importare."]).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let data = Data(upload.file.data.readableBytesView)
        let bundle: PlanBundle
        do {
            bundle = try PlanFileDecoder.decode(data, filename: upload.file.filename)
        } catch let error as PlanFileError {
            return try await render(req, summary: [], dryRun: false, errors: error.messages).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let dryRun = upload.dryRun != nil
        do {
            let s = try await BundleImporter.importBundle(bundle, options: .init(slug: ente.slug, replacePlan: upload.replace != nil, dryRun: dryRun),
                                                         on: req.db, actor: req.actor)
            let lines = [
                "Unità: \(s.unitsCreated) nuove, \(s.unitsKept) già presenti",
                "Persone: \(s.peopleCreated) nuove, \(s.peopleKept) già presenti; incarichi: \(s.assignmentsCreated)",
                "Piano «\(bundle.plan.title)»\(s.planReplaced ? " (sostituisce il precedente)" : ""): \(s.nodes) nodi, \(s.phases) fasi, \(s.indicators) indicatori, \(s.participations) partecipazioni, \(s.values) valori",
            ]
            if dryRun { return try await render(req, summary: lines, dryRun: true, errors: []).encodeResponse(for: req) }
            req.flash("Importazione completata. " + lines.joined(separator: " · "))
            return req.redirect(to: PlanController.planPath(ente.slug, bundle.plan.key))
        } catch let error as BundleImportError {
            let messages: [String]
            if case .integrity(let problems) = error { messages = problems } else { messages = [error.description] }
            return try await render(req, summary: [], dryRun: dryRun, errors: messages).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func render(_ req: Request, summary: [String], dryRun: Bool, errors: [String]) async throws -> View {
        let (ente, _) = try req.requireEnte()
        return try await req.view.render("pages/import", Page(
            layout: try await LayoutContext.make(req, title: "Importa · \(ente.name)", active: "piani"), slug: ente.slug,
            formats: PlanFileDecoder.acceptedExtensions.map { ".\($0)" }.joined(separator: ", "),
            summary: summary, hasSummary: !summary.isEmpty, dryRun: dryRun, errors: errors, hasErrors: !errors.isEmpty))
    }
}

/// Turns an uploaded file into a bundle: a JSON plan bundle, or the spreadsheet template filled in
/// (XLSX or ODS, recognised by content as well as by name).
public enum PlanFileDecoder {
    public static let acceptedExtensions = ["json", "xlsx", "ods"]

    public static func decode(_ data: Data, filename: String) throws(PlanFileError) -> PlanBundle {
        let ext = (filename as NSString).pathExtension.lowercased()
        if let format = SpreadsheetFormat.detect(data) ?? SpreadsheetFormat(fileExtension: ext) {
            do {
                return try PlanWorkbook.read(data, as: format)
            } catch let errors as WorkbookErrors {
                throw PlanFileError(messages: errors.errors.map(\.description))
            } catch {
                throw PlanFileError(messages: ["\(filename): \(error)"])
            }
        }
        guard ext == "json" else {
            throw PlanFileError(messages: ["\(filename): formato non supportato; usa un file \(acceptedExtensions.map { ".\($0)" }.joined(separator: ", "))."])
        }
        do { return try BundleImporter.decode(data) } catch { throw PlanFileError(messages: ["\(filename): \(error)"]) }
    }
}

public struct PlanFileError: Error, CustomStringConvertible {
    public let messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}
