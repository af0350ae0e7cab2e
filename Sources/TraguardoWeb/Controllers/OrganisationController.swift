import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The ente's home page and its organisation over time; the segretario adds units, people and assignments.
struct OrganisationController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.ente, use: home)
        routes.on(.organisation, use: page)
        routes.on(.addUnit, use: addUnit)
        routes.on(.addPerson, use: addPerson)
        routes.on(.addAssignment, use: addAssignment)
    }

    @Sendable func home(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let org = try await req.organisation()
        let page = EntePage.build(
            layout: try await req.layout(ente.ente.name, .ente), ente: ente.ente,
            roles: try req.requirePrincipal().roles(in: ente.id), org: org, on: try await req.referenceDay())
        return try await req.render(page)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    private func render(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let ente = try req.requireEnte()
        let org = try await req.organisation()
        let page = OrganisationPage.build(
            layout: try await req.layout("Organizzazione · \(ente.ente.name)", .organisation), ente: ente.ente.slug,
            org: org, on: try await req.referenceDay(), canEdit: req.allows(.managePlan), error: error)
        return try await req.render(page, status: status)
    }

    struct UnitForm: Content {
        var code: String?
        var name: String?
        var kind: String?
        var parent: String?
    }

    @Sendable func addUnit(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let form = try req.content.decode(UnitForm.self)
        let code = form.code.trimmed, name = form.name.trimmed
        guard !code.isEmpty else { return try await render(req, error: "Unità: il campo «Codice» è obbligatorio.", status: .unprocessableEntity) }
        guard !name.isEmpty else {
            return try await render(req, error: "Unità: il campo «Denominazione» è obbligatorio.", status: .unprocessableEntity)
        }
        guard let kind = OrgUnitKind(rawValue: form.kind ?? "") else {
            return try await render(req, error: "Unità: il campo «Tipo» non è valido.", status: .unprocessableEntity)
        }
        let unit = OrgUnit(key: PlanKeys.unit(code: code), code: code, name: name, kind: kind, parentKey: form.parent.nonEmpty, order: 0)
        do {
            try await req.store.createUnit(unit, enteID: ente.id, actor: req.actor)
        } catch let error as OrganisationError {
            return try await render(req, error: "Unità: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Unità «\(unit.displayName)» creata.")
        return req.redirect(to: Links.ente(ente.ente.slug).organisation)
    }

    struct PersonForm: Content {
        var familyName: String?
        var givenName: String?
        var grade: String?
        var homeUnit: String?
    }

    @Sendable func addPerson(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let form = try req.content.decode(PersonForm.self)
        let family = form.familyName.trimmed
        guard !family.isEmpty else {
            return try await render(req, error: "Persona: il campo «Cognome» è obbligatorio.", status: .unprocessableEntity)
        }
        let given = form.givenName.trimmed
        let person = Person(
            key: PlanKeys.person(familyName: family, givenName: given), familyName: family, givenName: given,
            staffGrade: form.grade.nonEmpty, homeUnitKey: form.homeUnit.nonEmpty)
        do {
            try await req.store.createPerson(person, enteID: ente.id, actor: req.actor)
        } catch let error as OrganisationError {
            return try await render(req, error: "Persona: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Persona «\(person.displayName)» aggiunta.")
        return req.redirect(to: Links.ente(ente.ente.slug).organisation)
    }

    struct AssignmentForm: Content {
        var person: String?
        var unit: String?
        var role: String?
        var from: String?
        var to: String?
    }

    @Sendable func addAssignment(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let form = try req.content.decode(AssignmentForm.self)
        guard let role = AssignmentRole(rawValue: form.role ?? "") else {
            return try await render(req, error: "Incarico: il campo «Ruolo» non è valido.", status: .unprocessableEntity)
        }
        var from: Day?, to: Day?
        if let text = form.from.nonEmpty {
            guard let d = Day(parsing: text) else {
                return try await render(
                    req, error: "Incarico: la data «Dal» (\(text)) non è una data valida (gg/mm/aaaa).", status: .unprocessableEntity)
            }
            from = d
        }
        if let text = form.to.nonEmpty {
            guard let d = Day(parsing: text) else {
                return try await render(
                    req, error: "Incarico: la data «Al» (\(text)) non è una data valida (gg/mm/aaaa).", status: .unprocessableEntity)
            }
            to = d
        }
        let assignment = Assignment(personKey: form.person.trimmed, unitKey: form.unit.trimmed, role: role, validity: DayRange(from: from, to: to))
        do {
            try await req.store.createAssignment(assignment, enteID: ente.id, actor: req.actor)
        } catch let error as OrganisationError {
            return try await render(req, error: "Incarico: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Incarico registrato.")
        return req.redirect(to: Links.ente(ente.ente.slug).organisation)
    }
}

extension Request {
    /// The day a dated page shows: the one asked (`?data=gg/mm/aaaa`), or the reference day of the ente's
    /// latest plan, or today when it has none. A date that does not parse is an Italian 400.
    func referenceDay() async throws -> Day {
        if let text = query("data") {
            guard let day = Day(parsing: text) else {
                throw Abort(.badRequest, reason: "Il campo «Data» (\(text)) non è una data valida (gg/mm/aaaa).")
            }
            return day
        }
        let today = ItalianFormat.day(of: Date())
        guard let plan = try await store.plan(enteID: try requireEnte().id) else { return today }
        return plan.plan.referenceDay(today: today)
    }
}
