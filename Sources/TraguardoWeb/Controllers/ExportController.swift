import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import Vapor

/// Downloads: a plan as JSON bundle, XLSX or ODS (re-importable as is), and the empty spreadsheet template.
struct ExportController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", "piani", ":plan", "esporta", use: export).requires(.ente(.viewEnte))
        routes.get("enti", ":ente", "modello", use: template).requires(.ente(.managePlan))
    }

    @Sendable func export(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let key = req.parameters.get("plan")?.removingPercentEncoding ?? ""
        guard let record = try await PlanStore.record(enteID: enteID, key: key, on: req.db) else {
            throw Abort(.notFound, reason: "Piano \"\(key)\" inesistente in questo ente.")
        }
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        return try Self.download(bundle, format: (try? req.query.get(String.self, at: "formato")) ?? "json", name: "\(ente.slug)-\(bundle.plan.key)")
    }

    @Sendable func template(req: Request) async throws -> Response {
        let (ente, _) = try req.requireEnte()
        let format = SpreadsheetFormat(fileExtension: (try? req.query.get(String.self, at: "formato")) ?? "xlsx") ?? .xlsx
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        let plan = Plan(key: "PIAO-\(year)-\(year + 2)", title: "PIAO \(year)-\(year + 2)", firstYear: year, lastYear: year + 2, year: year)
        let data = try PlanWorkbook.template(ente: ente.domain, plan: plan, as: format)
        return Self.file(data, name: "modello-piano-\(ente.slug).\(format.fileExtension)", type: format.mediaType)
    }

    static func download(_ bundle: PlanBundle, format: String, name: String) throws -> Response {
        if let sheet = SpreadsheetFormat(fileExtension: format) {
            return file(try PlanWorkbook.write(bundle, as: sheet), name: "\(name).\(sheet.fileExtension)", type: sheet.mediaType)
        }
        guard format == "json" else { throw Abort(.badRequest, reason: "Formato «\(format)» non disponibile: usa json, xlsx oppure ods.") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return file(try encoder.encode(bundle), name: "\(name).json", type: "application/json")
    }

    static func file(_ data: Data, name: String, type: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        let safe = name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? String($0) : "-" }.joined()
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe)\"")
        return response
    }
}
