import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence

@testable import TraguardoWeb

/// Page models are plain values built by pure functions: tested here from core values, without a server.
@Suite("Page models")
struct PageModelTests {
    let bundle = Fixtures.bundle

    @Test func theLayoutShowsEachRoleItsOwnNavigation() {
        let segretario = Fixtures.layout(.segretario, section: .plans)
        #expect(segretario.nav.map(\.label) == ["Enti", "Ente", "Piani", "Metodologia", "Organizzazione", "Utenti", "Registro modifiche"])
        #expect(segretario.nav.filter(\.current).map(\.label) == ["Piani"])
        #expect(segretario.enti.map(\.current) == [true, false])
        #expect(Fixtures.layout(.lettore).nav.map(\.label) == ["Enti", "Ente", "Piani", "Metodologia", "Organizzazione"])
        #expect(Fixtures.layout(.amministratore, current: false).nav.map(\.label) == ["Enti", "Amministrazione"])
        let anonymous = Layout.build(title: "Accedi", section: nil, principal: nil, enti: [], current: nil, csrf: "T", flash: nil)
        #expect(anonymous.nav.isEmpty && !anonymous.hasEnti && anonymous.userName == nil)
    }

    @Test func aCardListsItsOwnRowsWithTheirLinks() throws {
        let node = try #require(bundle.nodes.first { $0.key == "OB-1" })
        let card = CardPage.build(layout: Fixtures.layout(), ente: "alfa", bundle: bundle, node: node, canEdit: true)
        #expect(card.trail == [Field(label: "Obiettivo operativo", value: "1 – Transizione digitale")])
        #expect(card.indicators.map(\.name) == ["Atti digitalizzati"])
        #expect(card.indicators[0].target == "90" && card.indicators[0].baseline == "40")
        #expect(card.indicators[0].removeHref == "/enti/alfa/piani/PIAO-2024-2026/nodi/OB-1/indicatori/OB-1-I1/elimina")
        #expect(card.phases.map(\.title) == ["Ricognizione"])
        #expect(card.people.map(\.activity) == ["Scansione · 50%"])
        #expect(card.fields.first { $0.label == "Missione / Programma" }?.value.contains("Programma 0102") == true)
        #expect(card.fields.first { $0.label == "Peso" }?.value == "60%")
        #expect(card.addChildHref == "/enti/alfa/piani/PIAO-2024-2026/nuovo-nodo?parent=OB-1")
        #expect(card.hasFlags && card.hasVerbatim)
    }

    @Test func theTreeOffersOnlyTheMovesOfTheLifecycleTheUserMayMake() {
        let segretario = PlanTreePage.build(
            layout: Fixtures.layout(), ente: "alfa", bundle: bundle, canEdit: true, canRollover: true,
            mayMove: { $0.permission == .managePlan })
        #expect(segretario.moves == [PlanTreePage.Move(state: "approvato", label: "Approva il piano", needsAct: true)])
        var approved = bundle
        approved.plan.state = .approvato
        let moves = PlanTreePage.build(
            layout: Fixtures.layout(), ente: "alfa", bundle: approved, canEdit: false, canRollover: true,
            mayMove: { _ in true }
        ).moves
        #expect(moves.map(\.state) == ["in-monitoraggio"], "nothing leads back to bozza")
        let nucleo = PlanTreePage.build(
            layout: Fixtures.layout(.nucleo), ente: "alfa", bundle: bundle, canEdit: false, canRollover: false,
            mayMove: { $0.permission == .validate })
        #expect(!nucleo.hasMoves)
        #expect(segretario.rows.map(\.indent) == [0, 1, 1])
        #expect(segretario.exports.map(\.href).last == "/enti/alfa/piani/PIAO-2024-2026/esporta?formato=json")
    }

    @Test func theEntePageNamesHoldersVacanciesAndUnknownsOnTheChosenDay() {
        var org = Fixtures.organisation
        org.units.append(OrgUnit(key: "U-03", code: "03", name: "TECNICO", kind: .settore))
        let page = EntePage.build(
            layout: Fixtures.layout(section: .ente), ente: Fixtures.ente, roles: [.segretario], org: org,
            on: Fixtures.day(2024, 12, 31))
        #expect(page.onDate == "31/12/2024")
        #expect(page.units.map(\.holder.name) == ["ROSSI Anna", nil, nil])
        #expect(page.units.map(\.holder.unknown) == [false, false, true], "02 is vacant after 30/04/2024; 03 never had anyone recorded")
    }

    @Test func theScoresPageShowsTheSheetsFiguresUnchanged() {
        let sheet = Fixtures.sheet
        let page = ScoresPage.build(
            layout: Fixtures.layout(.nucleo), ente: "alfa", plan: bundle.plan, campaigns: bundle.campaigns,
            campaign: nil, sheet: sheet, adoptedVersion: nil)
        #expect(page.objectives.map(\.effective) == ["95,00", "100,00"])
        #expect(page.objectives.map(\.computed) == ["90,00", "100,00"])
        #expect(page.enteMean == "97,50")
        #expect(page.methodology.hasSuffix("metodologia generale (nessuna adottata)"))
    }

    @Test func theAuditPageNamesEntitiesAndChangedFields() {
        let entry = AuditEntry(
            at: Date(timeIntervalSince1970: 0), actorID: nil, actorName: "segretario", enteID: nil, entity: "unita",
            entityID: "U-01", action: .update, before: "{\"name\":\"A\",\"code\":\"01\"}", after: "{\"name\":\"B\",\"code\":\"01\"}")
        let page = AuditPage.build(layout: Fixtures.layout(section: .audit), heading: "Registro", action: "/x", entries: [entry], query: AuditQuery())
        #expect(page.rows[0].entity == "Unità organizzativa")
        #expect(page.rows[0].changed == "name")
        #expect(page.entities.count == AuditEntity.allCases.count)
    }
}
