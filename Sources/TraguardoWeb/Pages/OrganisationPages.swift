import TraguardoCore
import TraguardoPersistence

/// Who heads a unit on a day, as the pages print it.
struct UnitHolder: Encodable, Hashable, Sendable {
    let name: String?
    let role: String?
    let until: String?
    /// No assignment ever recorded: "non indicato" rather than "vacante".
    let unknown: Bool

    init(_ unit: OrgUnit, on day: Day, in org: OrganisationSnapshot) {
        let holder = Responsibility.holder(of: unit.key, on: day, in: org.assignments)
        name = holder.flatMap { org.person($0.personKey)?.displayName }
        role = holder?.role.label
        until = holder?.validity.to?.italian
        unknown = !org.assignments.contains { $0.unitKey == unit.key }
    }
}

/// The ente's home: who it is and who answers for each unit on the chosen day.
struct EntePage: PageModel {
    static let template = "pages/ente"

    struct UnitRow: Encodable, Hashable, Sendable {
        let code: String
        let name: String
        let kind: String
        let holder: UnitHolder
    }

    let layout: Layout
    let name: String
    let kind: String
    let codiceISTAT: String?
    let codiceIPA: String?
    let employees: Int?
    let members: [String]
    let onDate: String
    let units: [UnitRow]
    let roles: String
    let hasMembers: Bool
    let hasUnits: Bool
    let dateAction: String
    let organisationHref: String

    static func build(layout: Layout, ente: Ente, roles: Set<Role>, org: OrganisationSnapshot, on day: Day) -> EntePage {
        let links = Links.ente(ente.slug)
        let rows = org.units.map { UnitRow(code: $0.code, name: $0.name, kind: $0.kind.label, holder: UnitHolder($0, on: day, in: org)) }
        return EntePage(
            layout: layout, name: ente.name, kind: ente.kind.label, codiceISTAT: ente.codiceISTAT, codiceIPA: ente.codiceIPA,
            employees: ente.employees, members: ente.memberNames, onDate: day.italian, units: rows,
            roles: Role.allCases.filter(roles.contains).map(\.label).joined(separator: ", "),
            hasMembers: !ente.memberNames.isEmpty, hasUnits: !rows.isEmpty, dateAction: links.home,
            organisationHref: links.organisation)
    }
}

/// Units, people and who headed what over time, on a chosen day; the segretario's forms to add to it.
struct OrganisationPage: PageModel {
    static let template = "pages/organisation"

    struct AssignmentRow: Encodable, Hashable, Sendable {
        let person: String
        let role: String
        let from: String
        let to: String
        let active: Bool
    }

    struct UnitRow: Encodable, Hashable, Sendable {
        let code: String
        let name: String
        let kind: String
        let parent: String?
        let holder: UnitHolder
        let assignments: [AssignmentRow]
    }

    let layout: Layout
    let onDate: String
    let units: [UnitRow]
    let people: [Choice]
    let unitOptions: [Choice]
    let kinds: [Choice]
    let roles: [Choice]
    let peopleCount: Int
    let canEdit: Bool
    let error: String?
    let dateAction: String
    let addUnitAction: String
    let addPersonAction: String
    let addAssignmentAction: String

    static func build(layout: Layout, ente: String, org: OrganisationSnapshot, on day: Day, canEdit: Bool, error: String?) -> OrganisationPage {
        let links = Links.ente(ente)
        let rows = org.units.map { unit in
            UnitRow(
                code: unit.code, name: unit.name, kind: unit.kind.label, parent: unit.parentKey.flatMap { org.unit($0)?.displayName },
                holder: UnitHolder(unit, on: day, in: org),
                assignments: org.assignments.filter { $0.unitKey == unit.key }.map { a in
                    AssignmentRow(
                        person: org.person(a.personKey)?.displayName ?? a.personKey, role: a.role.label,
                        from: a.validity.from?.italian ?? "—", to: a.validity.to?.italian ?? "in corso",
                        active: a.validity.contains(day))
                })
        }
        return OrganisationPage(
            layout: layout, onDate: day.italian, units: rows,
            people: org.people.map { Choice(value: $0.key, label: $0.displayName + ($0.staffGrade.map { " (\($0))" } ?? "")) },
            unitOptions: org.units.map { Choice(value: $0.key, label: $0.displayName) },
            kinds: OrgUnitKind.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
            roles: AssignmentRole.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
            peopleCount: org.people.count, canEdit: canEdit, error: error, dateAction: links.organisation,
            addUnitAction: links.addUnit, addPersonAction: links.addPerson, addAssignmentAction: links.addAssignment)
    }
}
