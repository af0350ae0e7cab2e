import FluentKit
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Units, people and who heads what over time; the segretario adds to it here.
struct OrganisationController {
    func register(_ routes: any RoutesBuilder) {
        let org = routes.grouped("enti", ":ente", "organizzazione")
        org.get(use: page).requires(.ente(.viewEnte))
        org.post("unita", use: addUnit).requires(.ente(.managePlan))
        org.post("persone", use: addPerson).requires(.ente(.managePlan))
        org.post("incarichi", use: addAssignment).requires(.ente(.managePlan))
    }

    struct AssignmentRow: Encodable {
        let person: String
        let role: String
        let from: String
        let to: String
        let active: Bool
    }

    struct UnitRow: Encodable {
        let key: String
        let code: String
        let name: String
        let kind: String
        let parent: String?
        let holderOnDate: String?
        let assignments: [AssignmentRow]
        let unknown: Bool
    }

    struct Option: Encodable {
        let value: String
        let label: String
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let slug: String
        let onDate: String
        let units: [UnitRow]
        let people: [Option]
        let unitOptions: [Option]
        let kinds: [Option]
        let roles: [Option]
        let peopleCount: Int
        let canEdit: Bool
        let error: String?
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    func render(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let principal = try req.requirePrincipal()
        let org = try await OrganisationStore.snapshot(enteID: enteID, on: req.db)
        let asked = (try? req.query.get(String.self, at: "data")).flatMap(Day.init(parsing:))
        let onDate = asked ?? ItalianFormat.day(of: Date())
        let rows = org.units.map { unit in
            let holder = Responsibility.holder(of: unit.key, on: onDate, in: org.assignments)
            return UnitRow(
                key: unit.key, code: unit.code, name: unit.name, kind: unit.kind.label,
                parent: unit.parentKey.flatMap { org.unit($0)?.displayName },
                holderOnDate: holder.flatMap { h in org.person(h.personKey).map { "\($0.displayName) (\(h.role.label.lowercased()))" } },
                assignments: org.assignments.filter { $0.unitKey == unit.key }.map { a in
                    AssignmentRow(person: org.person(a.personKey)?.displayName ?? a.personKey, role: a.role.label,
                                  from: a.validity.from?.italian ?? "—", to: a.validity.to?.italian ?? "in corso",
                                  active: a.validity.contains(onDate))
                },
                unknown: !org.assignments.contains { $0.unitKey == unit.key })
        }
        let page = Page(
            layout: try await LayoutContext.make(req, title: "Organizzazione · \(ente.name)", active: "organizzazione"),
            slug: ente.slug, onDate: onDate.italian, units: rows,
            people: org.people.map { Option(value: $0.key, label: $0.displayName + ($0.staffGrade.map { " (\($0))" } ?? "")) },
            unitOptions: org.units.map { Option(value: $0.key, label: $0.displayName) },
            kinds: OrgUnitKind.allCases.map { Option(value: $0.rawValue, label: $0.label) },
            roles: AssignmentRole.allCases.map { Option(value: $0.rawValue, label: $0.label) },
            peopleCount: org.people.count,
            canEdit: AccessPolicy.allows(principal, .managePlan, enteID: enteID), error: error)
        return try await req.view.render("pages/organisation", page).encodeResponse(status: status, for: req)
    }

    struct UnitForm: Content {
        var code: String?
        var name: String?
        var kind: String?
        var parent: String?
    }

    @Sendable func addUnit(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let form = try req.content.decode(UnitForm.self)
        let code = form.code.trimmed
        let name = form.name.trimmed
        guard !code.isEmpty else { return try await render(req, error: "Unità: il campo «Codice» è obbligatorio.", status: .unprocessableEntity) }
        guard !name.isEmpty else { return try await render(req, error: "Unità: il campo «Denominazione» è obbligatorio.", status: .unprocessableEntity) }
        guard let kind = OrgUnitKind(rawValue: form.kind ?? "") else {
            return try await render(req, error: "Unità: il campo «Tipo» non è valido.", status: .unprocessableEntity)
        }
        let unit = OrgUnit(key: "U-" + code, code: code, name: name, kind: kind, parentKey: form.parent.nonEmpty, order: 0)
        do {
            try await OrganisationStore.createUnit(unit, enteID: enteID, on: req.db, actor: req.actor)
        } catch let error as OrganisationError {
            return try await render(req, error: "Unità: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Unità «\(unit.displayName)» creata.")
        return req.redirect(to: "/enti/\(ente.slug)/organizzazione")
    }

    struct PersonForm: Content {
        var familyName: String?
        var givenName: String?
        var grade: String?
        var homeUnit: String?
    }

    @Sendable func addPerson(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let form = try req.content.decode(PersonForm.self)
        let family = form.familyName.trimmed
        guard !family.isEmpty else { return try await render(req, error: "Persona: il campo «Cognome» è obbligatorio.", status: .unprocessableEntity) }
        let given = form.givenName.trimmed
        let key = "P-" + Self.slug(family + " " + given)
        let person = Person(key: key, familyName: family, givenName: given, staffGrade: form.grade.nonEmpty, homeUnitKey: form.homeUnit.nonEmpty)
        do {
            try await OrganisationStore.createPerson(person, enteID: enteID, on: req.db, actor: req.actor)
        } catch let error as OrganisationError {
            return try await render(req, error: "Persona: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Persona «\(person.displayName)» aggiunta.")
        return req.redirect(to: "/enti/\(ente.slug)/organizzazione")
    }

    struct AssignmentForm: Content {
        var person: String?
        var unit: String?
        var role: String?
        var from: String?
        var to: String?
    }

    @Sendable func addAssignment(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let form = try req.content.decode(AssignmentForm.self)
        guard let role = AssignmentRole(rawValue: form.role ?? "") else {
            return try await render(req, error: "Incarico: il campo «Ruolo» non è valido.", status: .unprocessableEntity)
        }
        var from: Day?, to: Day?
        if let text = form.from.nonEmpty {
            guard let d = Day(parsing: text) else { return try await render(req, error: "Incarico: la data «Dal» (\(text)) non è una data valida (gg/mm/aaaa).", status: .unprocessableEntity) }
            from = d
        }
        if let text = form.to.nonEmpty {
            guard let d = Day(parsing: text) else { return try await render(req, error: "Incarico: la data «Al» (\(text)) non è una data valida (gg/mm/aaaa).", status: .unprocessableEntity) }
            to = d
        }
        let assignment = Assignment(personKey: form.person.trimmed, unitKey: form.unit.trimmed, role: role, validity: DayRange(from: from, to: to))
        do {
            try await OrganisationStore.createAssignment(assignment, enteID: enteID, on: req.db, actor: req.actor)
        } catch let error as OrganisationError {
            return try await render(req, error: "Incarico: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Incarico registrato.")
        return req.redirect(to: "/enti/\(ente.slug)/organizzazione")
    }

    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }
}

extension Optional where Wrapped == String {
    var trimmed: String { (self ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    var nonEmpty: String? { trimmed.isEmpty ? nil : trimmed }
}
