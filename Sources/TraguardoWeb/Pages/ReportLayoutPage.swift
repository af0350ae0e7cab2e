import Foundation
import TraguardoCore

/// The ente's layout of its documents: the order of units, which fields a card shows, the sections left out, fixed
/// texts, signatures and the logo. One template for every ente; these choices are data.
struct ReportLayoutPage: PageModel {
    static let template = "pages/report-layout"

    struct UnitRow: Encodable, Hashable, Sendable {
        let key: String
        let name: String
        let position: Int
    }

    struct Check: Encodable, Hashable, Sendable {
        let key: String
        let label: String
        let checked: Bool
    }

    struct Text: Encodable, Hashable, Sendable {
        let key: String
        let id: String
        let label: String
        let value: String
    }

    let layout: Layout
    let units: [UnitRow]
    let fields: [Check]
    let sections: [Check]
    let sectionOrder: String
    let texts: [Text]
    let signatures: String
    let crossCuttingFirst: Bool
    let scoresAsPercent: Bool
    let cdrListsNucleoExclusions: Bool
    let logo: String?
    let canEdit: Bool
    let action: String
    let error: String?

    static func build(layout: Layout, ente: String, units: [OrgUnit], current: ReportLayout, canEdit: Bool, error: String? = nil)
        -> ReportLayoutPage
    {
        let ordered = current.orderedUnits(units)
        return ReportLayoutPage(
            layout: layout,
            units: ordered.enumerated().map { UnitRow(key: $1.key, name: $1.displayName, position: $0 + 1) },
            fields: CardField.allCases.map { Check(key: $0.rawValue, label: $0.label, checked: current.cardFields.contains($0)) },
            sections: ReportSectionID.all.map { Check(key: $0.id, label: $0.label, checked: current.hiddenSections.contains($0.id)) },
            sectionOrder: current.sectionOrder.joined(separator: ", "),
            texts: ReportSectionID.texts.map {
                Text(key: $0.key, id: "t-" + $0.key.replacingOccurrences(of: ".", with: "-"), label: $0.label, value: current.texts[$0.key] ?? "")
            },
            signatures: current.signatures.map { [$0.role, $0.name].compactMap { $0 }.joined(separator: " | ") }.joined(separator: "\n"),
            crossCuttingFirst: current.crossCuttingFirst, scoresAsPercent: current.scoresAsPercent,
            cdrListsNucleoExclusions: current.cdrListsNucleoExclusions, logo: current.logo, canEdit: canEdit,
            action: Links.ente(ente).saveReportLayout, error: error)
    }
}
