import Foundation
import TraguardoCore
import TraguardoReports

/// The documents of a plan, in every format, for the chosen campaign; the act approving the Relazione; the link to
/// the ente's layout. A lettore sees only the published documents.
struct DocumentsPage: PageModel {
    static let template = "pages/documents"

    struct Download: Encodable, Hashable, Sendable {
        let label: String
        let href: String
        let isPDF: Bool
    }

    struct Document: Encodable, Hashable, Sendable {
        let kind: String
        let title: String
        let summary: String
        let published: Bool
        let downloads: [Download]
    }

    /// The approval form's fields as shown (the recorded act, or what was typed and refused).
    struct ApprovalFields: Encodable, Hashable, Sendable {
        var organ = "Giunta comunale"
        var number = ""
        var date = ""
        var subject = ""
        var technical = ""
        var accounting = ""
        var favourable = ""
        var against = ""
        var abstained = ""
        var immediate = false
        var publishedOn = ""
        var days = "15"

        init() {}

        init(_ act: Deliberation) {
            organ = act.organ
            number = act.number ?? ""
            date = act.date?.italian ?? ""
            subject = act.subject ?? ""
            technical = act.opinions.first { $0.kind.contains("tecnica") }?.by ?? ""
            accounting = act.opinions.first { $0.kind.contains("contabile") }?.by ?? ""
            favourable = act.votes.map { String($0.favourable) } ?? ""
            against = act.votes.map { String($0.against) } ?? ""
            abstained = act.votes.map { String($0.abstained) } ?? ""
            immediate = act.immediatelyExecutable
            publishedOn = act.publishedOn?.italian ?? ""
            days = String(act.publicationDays)
        }
    }

    let layout: Layout
    let plan: PlanSummary
    let campaigns: [Choice]
    let hasCampaigns: Bool
    let formAction: String
    let documents: [Document]
    let hasDocuments: Bool
    let readerNote: String?
    let pdfRenderer: String
    let pdfAvailable: Bool
    let canManage: Bool
    let approval: String?
    let approvalFields: ApprovalFields
    let approvalAction: String
    let layoutHref: String
    let error: String?
    let script = Assets.documentsScript

    static func build(
        layout: Layout, ente: String, plan: Plan, campaigns: [Campaign], campaign: Campaign?, workingDocuments: Bool, canManage: Bool,
        pdf: (any PDFRenderer)?, fields: ApprovalFields? = nil, error: String? = nil
    ) -> DocumentsPage {
        let links = Links.ente(ente).plan(plan.key)
        let formats: [ReportFormat] = [.pdf, .html, .xlsx, .ods, .csv, .csvComma, .json]
        let documents = ReportKind.allCases.compactMap { kind -> Document? in
            let published = kind.isPublished(plan: plan.state, campaign: campaign)
            guard workingDocuments || published else { return nil }
            let campaignKey = kind.usesCampaign ? campaign?.key : nil
            if kind.usesCampaign && kind != .openData && campaign == nil { return nil }
            return Document(
                kind: kind.rawValue, title: kind.title, summary: kind.summary, published: published,
                downloads: formats.map {
                    Download(label: $0.label, href: links.document(kind.rawValue, format: $0.rawValue, campaign: campaignKey), isPDF: $0 == .pdf)
                })
        }
        return DocumentsPage(
            layout: layout, plan: PlanSummary(plan, ente: ente),
            campaigns: campaigns.map {
                Choice(value: $0.key, label: "\($0.title) (al \($0.asOf.italian), \($0.state.label.lowercased()))", selected: $0.key == campaign?.key)
            },
            hasCampaigns: !campaigns.isEmpty, formAction: links.documents(), documents: documents, hasDocuments: !documents.isEmpty,
            readerNote: workingDocuments
                ? nil
                : "Sono elencati i documenti pubblicati: la sezione del PIAO dopo l'approvazione, i risultati dopo la validazione del piano e la chiusura della campagna finale.",
            pdfRenderer: pdf.map { "PDF generati con \($0.name)\($0.producesPDFA ? "" : " (non PDF/A)")." }
                ?? PDFRenderingError.notInstalled.description,
            pdfAvailable: pdf != nil, canManage: canManage, approval: plan.reportApproval?.label,
            approvalFields: fields ?? plan.reportApproval.map(ApprovalFields.init) ?? ApprovalFields(),
            approvalAction: links.recordReportApproval, layoutHref: Links.ente(ente).reportLayout, error: error)
    }
}
