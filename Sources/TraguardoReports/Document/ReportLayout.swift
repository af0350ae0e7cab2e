import TraguardoCore

extension ReportLayout {
    /// A document's sections in the ente's order, without the hidden ones.
    func arrange(_ sections: [ReportSection]) -> [ReportSection] {
        let visible = sections.filter { !hiddenSections.contains($0.id) }
        let rank = { (s: ReportSection) in sectionOrder.firstIndex(of: s.id) ?? sectionOrder.count }
        return visible.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// Units in the ente's order.
    func arrange(_ units: [OrgUnit]) -> [OrgUnit] { orderedUnits(units) }
}
