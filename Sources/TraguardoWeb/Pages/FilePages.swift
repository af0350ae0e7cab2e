import TraguardoCore
import TraguardoSpreadsheet

/// Upload of a plan file with a dry run, and the template to start from.
struct ImportPage: PageModel {
    static let template = "pages/import"

    let layout: Layout
    let formats: String
    let summary: [String]
    let hasSummary: Bool
    let dryRun: Bool
    let errors: [String]
    let hasErrors: Bool
    let action: String
    let templateXLSX: String
    let templateODS: String

    static func build(layout: Layout, ente: String, summary: [String] = [], dryRun: Bool = false, errors: [String] = []) -> ImportPage {
        let links = Links.ente(ente)
        return ImportPage(
            layout: layout, formats: PlanFileDecoder.acceptedExtensions.map { ".\($0)" }.joined(separator: ", "),
            summary: summary, hasSummary: !summary.isEmpty, dryRun: dryRun, errors: errors, hasErrors: !errors.isEmpty,
            action: links.importUpload, templateXLSX: links.template("xlsx"), templateODS: links.template("ods"))
    }
}
