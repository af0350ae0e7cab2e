import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import Vapor

/// Downloads: a plan as JSON bundle, XLSX or ODS (re-importable as is), and the empty spreadsheet template.
struct ExportController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.exportPlan, use: export)
        routes.on(.template, use: template)
    }

    @Sendable func export(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let plan = try await req.plan()
        let name = req.query("formato") ?? PlanFileFormat.json.rawValue
        guard let format = PlanFileFormat(name: name) else { throw Abort(.badRequest, reason: PlanFileFormat.unsupported(name)) }
        var bundle = try await req.bundle(of: plan)
        // The JSON carries the SMVP it is scored with, so the figures can be reproduced where it is imported.
        bundle.methodology = try await req.methodology(year: plan.plan.year).methodology
        let data = try format.encode(bundle)
        return Self.file(data, name: "\(ente.ente.slug)-\(plan.plan.key).\(format.fileExtension)", type: format.mediaType)
    }

    @Sendable func template(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let format = SpreadsheetFormat(fileExtension: req.query("formato") ?? "xlsx") ?? .xlsx
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        let plan = Plan(
            key: PlanKeys.plan(firstYear: year, lastYear: year + 2), title: "PIAO \(year)-\(year + 2)", firstYear: year,
            lastYear: year + 2, year: year)
        let data = try PlanWorkbook.template(ente: ente.ente, plan: plan, as: format)
        return Self.file(data, name: "modello-piano-\(ente.ente.slug).\(format.fileExtension)", type: format.mediaType)
    }

    static func file(_ data: Data, name: String, type: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        let safe = name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? String($0) : "-" }.joined()
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe)\"")
        return response
    }
}
