import FluentKit
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The ente's home page: who it is and who answers for each unit today.
struct EnteController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", use: home).requires(.ente(.viewEnte))
    }

    struct UnitRow: Encodable {
        let code: String
        let name: String
        let kind: String
        let holder: String?
        let role: String?
        let until: String?
        /// No assignment ever recorded: "non indicato" rather than "vacante".
        let unknown: Bool
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let name: String
        let kind: String
        let slug: String
        let codiceISTAT: String?
        let codiceIPA: String?
        let employees: Int?
        let members: [String]
        let today: String
        let units: [UnitRow]
        let roles: String
        let hasMembers: Bool
        let hasUnits: Bool
    }

    @Sendable func home(req: Request) async throws -> View {
        let (ente, enteID) = try req.requireEnte()
        let principal = try req.requirePrincipal()
        let org = try await OrganisationStore.snapshot(enteID: enteID, on: req.db)
        let today = ItalianFormat.day(of: Date())
        let rows = org.units.map { unit -> UnitRow in
            let holder = Responsibility.holder(of: unit.key, on: today, in: org.assignments)
            return UnitRow(code: unit.code, name: unit.name, kind: unit.kind.label,
                           holder: holder.flatMap { org.person($0.personKey)?.displayName },
                           role: holder?.role.label, until: holder?.validity.to?.italian,
                           unknown: !org.assignments.contains { $0.unitKey == unit.key })
        }
        let domain = ente.domain
        let page = Page(layout: try await LayoutContext.make(req, title: ente.name, active: "ente"), name: ente.name,
                        kind: domain.kind.label, slug: ente.slug, codiceISTAT: domain.codiceISTAT, codiceIPA: domain.codiceIPA,
                        employees: domain.employees, members: domain.memberNames, today: today.italian, units: rows,
                        roles: Role.allCases.filter(principal.roles(in: enteID).contains).map(\.label).joined(separator: ", "),
                        hasMembers: !domain.memberNames.isEmpty, hasUnits: !rows.isEmpty)
        return try await req.view.render("pages/ente", page)
    }
}
