import Foundation
import SnapshotTesting
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor

@testable import TraguardoWeb

/// Every page rendered by its template from a mock model, compared with the HTML kept in `__Snapshots__`.
/// A layout change shows up as a reviewable diff; to accept it, delete the snapshot and run again (it is
/// recorded, and that run fails once).
@Suite("Page snapshots")
struct PageSnapshotTests {
    static func html<P: PageModel>(_ page: P) async throws -> String {
        let app = try await Application.make(.testing)
        configureViews(app)
        do {
            let view = try await app.view.render(P.template, page).get()
            try await app.asyncShutdown()
            return String(buffer: view.data)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func check<P: PageModel>(
        _ page: P, named name: String, file: StaticString = #filePath, testName: String = #function,
        line: UInt = #line
    ) async throws {
        let html = try await html(page)
        assertSnapshot(of: html, as: .lines, named: name, file: file, testName: testName, line: line)
    }

    let bundle = Fixtures.bundle

    @Test func login() async throws {
        try await Self.check(
            LoginPage.build(
                layout: Layout.build(
                    title: "Accedi", section: nil, principal: nil, enti: [], current: nil,
                    csrf: "TOKEN", flash: nil),
                error: "Nome utente o password non corretti.", username: "mrossi", next: "/enti/alfa"), named: "login")
    }

    @Test func dashboard() async throws {
        let page = DashboardPage.build(
            layout: Fixtures.layout(section: .home, current: false), principal: Fixtures.principal(.segretario),
            enti: [Fixtures.stored], counts: [Fixtures.enteID: (units: 2, people: 2)])
        try await Self.check(page, named: "dashboard")
    }

    @Test func ente() async throws {
        let page = EntePage.build(
            layout: Fixtures.layout(section: .ente), ente: Fixtures.ente, roles: [.segretario],
            org: Fixtures.organisation, on: Fixtures.day(2024, 12, 31))
        try await Self.check(page, named: "ente")
    }

    @Test func organisation() async throws {
        let page = OrganisationPage.build(
            layout: Fixtures.layout(section: .organisation), ente: "alfa", org: Fixtures.organisation,
            on: Fixtures.day(2024, 5, 15), canEdit: true, error: "Unità: il campo «Codice» è obbligatorio.")
        try await Self.check(page, named: "organisation")
    }

    @Test func plans() async throws {
        try await Self.check(PlanListPage.build(layout: Fixtures.layout(), ente: "alfa", plans: [bundle.plan], canManage: true), named: "plans")
    }

    @Test func planTree() async throws {
        let page = PlanTreePage.build(
            layout: Fixtures.layout(flash: "Piano «PIAO 2024-2026» creato."), ente: "alfa", bundle: bundle,
            canEdit: true, canRollover: true, mayMove: { _ in true })
        try await Self.check(page, named: "plan")
    }

    @Test func card() async throws {
        let node = try #require(bundle.nodes.first { $0.key == "OB-1" })
        try await Self.check(
            CardPage.build(layout: Fixtures.layout(), ente: "alfa", bundle: bundle, node: node, canEdit: true), named: "card-editable")
        try await Self.check(
            CardPage.build(layout: Fixtures.layout(.lettore), ente: "alfa", bundle: bundle, node: node, canEdit: false),
            named: "card-read-only")
    }

    @Test func nodeForm() async throws {
        let node = try #require(bundle.nodes.first { $0.key == "OB-1" })
        try await Self.check(
            NodeFormPage.build(
                layout: Fixtures.layout(), ente: "alfa", bundle: bundle, node: node, isNew: false,
                error: "Il campo «Peso» deve essere un numero tra 0 e 100 (es. 12,5)."), named: "node-form")
    }

    @Test func scores() async throws {
        let page = ScoresPage.build(
            layout: Fixtures.layout(.nucleo), ente: "alfa", plan: bundle.plan, campaigns: bundle.campaigns,
            campaign: "C-2024-12", sheet: Fixtures.sheet, adoptedVersion: 2)
        try await Self.check(page, named: "scores")
    }

    @Test func documents() async throws {
        var plan = bundle.plan
        plan.state = .validato
        plan.reportApproval = Deliberation(organ: "Giunta comunale", number: "60", date: Day(year: 2025, month: 12, day: 21))
        let campaign = Campaign(key: "31-12", title: "Consuntivo 2024", asOf: Day(year: 2024, month: 12, day: 31)!, isFinal: true, state: .chiusa)
        let page = DocumentsPage.build(
            layout: Fixtures.layout(section: .plans), ente: "alfa", plan: plan, campaigns: [campaign], campaign: campaign,
            workingDocuments: false, canManage: true, pdf: nil)
        try await Self.check(page, named: "documents")
    }

    @Test func reportLayout() async throws {
        let layout = ReportLayout(
            cardFields: [.code, .indicators], unitOrder: [bundle.units.last!.key], hiddenSections: ["avvisi"],
            texts: ["cdr.nota": "Nota <in calce>"], signatures: [Signature(role: "Il Segretario comunale", name: "Dott. Rossi")])
        let page = ReportLayoutPage.build(layout: Fixtures.layout(section: .plans), ente: "alfa", units: bundle.units, current: layout, canEdit: true)
        try await Self.check(page, named: "report-layout")
    }

    @Test func methodology() async throws {
        let general = try #require(MethodologyStore.preset("generale"))
        var candidate = general
        candidate.indicators.higherBetter.cap = nil
        candidate.name = "Metodologia generale (adattata)"
        let before = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: general))
        let after = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: candidate))
        let page = MethodologyPage.build(
            layout: Fixtures.layout(section: .methodology), ente: "alfa", year: 2024, current: general, version: 1,
            history: [
                MethodologyVersion(
                    year: 2024, version: 1, name: general.name, adoptedBy: "segretario", adoptedAt: Date(timeIntervalSince1970: 1_717_200_000))
            ],
            presets: MethodologyStore.presets, candidate: candidate, before: before, after: after, settings: MethodologySettings(candidate),
            canAdopt: true, error: nil, editorText: "{\n  \"id\" : \"generale\" <b>\n}")
        try await Self.check(page, named: "methodology")
    }

    @Test func importPage() async throws {
        try await Self.check(
            ImportPage.build(
                layout: Fixtures.layout(), ente: "alfa", summary: ["Unità: 2 nuove, 0 già presenti"], dryRun: true,
                errors: ["Foglio \"Fasi\", riga 3, colonna D (Scadenza): \"31/06/2024\" non è una data valida (gg/mm/aaaa)."]),
            named: "import")
    }

    @Test func users() async throws {
        let accounts = [
            Account(
                username: "mrossi", displayName: "Mario Rossi", isSystemAdmin: false, lockedUntil: nil,
                grants: [Grant(enteID: Fixtures.enteID, role: .responsabile, unitIDs: [Fixtures.unitID])])
        ]
        try await Self.check(
            EnteUsersPage.build(
                layout: Fixtures.layout(section: .users), ente: "alfa", members: accounts, org: Fixtures.organisation,
                now: Date(timeIntervalSince1970: 1_717_200_000), error: nil), named: "ente-users")
        try await Self.check(
            AdminPage.build(
                layout: Fixtures.layout(.amministratore, section: .admin, current: false), accounts: accounts,
                enti: [Fixtures.stored], now: Date(timeIntervalSince1970: 1_717_200_000), error: nil), named: "admin")
    }

    @Test func audit() async throws {
        let entry = AuditEntry(
            at: Date(timeIntervalSince1970: 1_717_200_000), actorID: nil, actorName: "segretario", enteID: Fixtures.enteID,
            entity: AuditEntity.node.rawValue, entityID: "OB-1", action: .update,
            before: "{\"title\":\"Vecchio\"}", after: "{\"title\":\"Nuovo <b>\"}")
        let page = AuditPage.build(
            layout: Fixtures.layout(section: .audit), heading: "Registro modifiche · Comune di Alfa",
            action: Links.ente("alfa").audit, entries: [entry], query: AuditQuery(entity: .node))
        try await Self.check(page, named: "audit")
    }

    @Test func error() async throws {
        try await Self.check(
            ErrorPage(
                layout: Fixtures.layout(.lettore), heading: "Accesso negato", message: "Non hai i permessi per questo ente.",
                homeHref: Links.home), named: "error")
    }
}
