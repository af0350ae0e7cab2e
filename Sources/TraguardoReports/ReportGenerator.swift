import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// One entry point for the CLI and the web: a kind of document from the input, in a format.
public enum ReportGenerator {
    /// The document model, built once; every format renders it.
    public static func document(_ kind: ReportKind, _ input: ReportInput) -> ReportDocument {
        let ctx = ReportContext(input)
        var doc: ReportDocument
        switch kind {
        case .piaoPerformance: doc = PiaoPerformance.build(ctx)
        case .monitoring: doc = MonitoringReport.build(ctx)
        case .relazione: doc = Relazione.build(ctx)
        case .cdrSheets: doc = CdRSheets.build(ctx)
        case .orgPerformance: doc = OrgPerformanceReport.build(ctx)
        case .verbale: doc = Verbale.build(ctx)
        case .openData: doc = OpenData.build(ctx)
        }
        doc.logo = input.layout.logo
        return doc
    }

    public struct Output: Sendable {
        public let data: Data
        public let mediaType: String
        /// The extension the file should have ("zip" when CSV tables were bundled).
        public let fileExtension: String
    }

    /// Renders a document; PDF needs a renderer (see `PDFRenderers.detect`).
    public static func render(_ doc: ReportDocument, as format: ReportFormat, pdf: (any PDFRenderer)? = nil) async throws -> Output {
        switch format {
        case .html:
            return Output(data: Data(HTMLRenderer.render(doc).utf8), mediaType: format.mediaType, fileExtension: "html")
        case .pdf:
            guard let pdf else { throw PDFRenderingError.notInstalled }
            return Output(data: try await pdf.render(html: HTMLRenderer.render(doc)), mediaType: format.mediaType, fileExtension: "pdf")
        case .xlsx, .ods:
            let sheet: SpreadsheetFormat = format == .xlsx ? .xlsx : .ods
            return Output(data: try TableRenderers.spreadsheet(doc, as: sheet), mediaType: format.mediaType, fileExtension: format.rawValue)
        case .csv, .csvComma:
            let (data, isZip) = try TableRenderers.csv(doc, dialect: format == .csv ? .italian : .rfc4180)
            return Output(data: data, mediaType: isZip ? "application/zip" : format.mediaType, fileExtension: isZip ? "zip" : "csv")
        case .json:
            return Output(data: try TableRenderers.json(doc), mediaType: format.mediaType, fileExtension: "json")
        }
    }

    /// "relazione-performance-pisogne-2020.pdf".
    public static func fileName(_ kind: ReportKind, ente: String, year: Int, campaign: String?, extension ext: String) -> String {
        let parts = [kind.fileStem, ente, String(year)] + (kind.usesCampaign && kind != .relazione ? [campaign].compactMap { $0 } : [])
        let stem = parts.joined(separator: "-").lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return String(stem) + "." + ext
    }
}
