import Foundation
import TraguardoCore
import TraguardoPersistence

@testable import TraguardoWeb

/// A small plan with everything a page shows (two levels, owners, an indicator, a phase, a participant, a
/// campaign with values and a validation), and the identities that look at it. Built by hand: page models are
/// tested from core values, without a database.
enum Fixtures {
    static let enteID = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
    static let otherID = UUID(uuidString: "00000000-0000-0000-0000-0000000000b2")!
    static let unitID = UUID(uuidString: "00000000-0000-0000-0000-0000000000c3")!
    static let ente = Ente(slug: "alfa", name: "Comune di Alfa", kind: .comune, codiceISTAT: "012345", employees: 42)
    static let stored = StoredEnte.fixture(id: enteID, ente: ente)
    static let other = StoredEnte.fixture(id: otherID, ente: Ente(slug: "beta", name: "Comune di Beta", kind: .comune))

    static func principal(_ role: Role, units: Set<UUID> = []) -> Principal {
        Principal(
            userID: UUID(uuidString: "00000000-0000-0000-0000-0000000000d4")!, username: role.rawValue, displayName: "Anna Rossi",
            isSystemAdmin: role == .amministratore, grants: role == .amministratore ? [] : [Grant(enteID: enteID, role: role, unitIDs: units)])
    }

    static func layout(_ role: Role = .segretario, section: NavSection? = .plans, current: Bool = true, flash: String? = nil) -> Layout {
        Layout.build(
            title: "Pagina di prova", section: section, principal: principal(role), enti: [stored, other],
            current: current ? stored : nil, csrf: "TOKEN", flash: flash)
    }

    static let units = [
        OrgUnit(key: "U-01", code: "01", name: "AFFARI GENERALI", kind: .settore),
        OrgUnit(key: "U-02", code: "02", name: "FINANZIARIO", kind: .settore),
    ]
    static let people = [
        Person(key: "P-rossi", familyName: "ROSSI", givenName: "Anna", staffGrade: "D1"),
        Person(key: "P-bianchi", familyName: "BIANCHI", givenName: "Luca", staffGrade: "C2"),
    ]
    static let assignments = [
        Assignment(personKey: "P-rossi", unitKey: "U-01", role: .titolare, validity: DayRange(from: day(2024, 1, 1), to: day(2024, 12, 31))),
        Assignment(personKey: "P-bianchi", unitKey: "U-02", role: .titolare, validity: DayRange(from: day(2024, 1, 1), to: day(2024, 4, 30))),
    ]

    static var organisation: OrganisationSnapshot {
        OrganisationSnapshot(
            units: units, unitIDs: ["U-01": unitID, "U-02": UUID(uuidString: "00000000-0000-0000-0000-0000000000c4")!],
            people: people, assignments: assignments, referents: [])
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    static var bundle: PlanBundle {
        PlanBundle(
            ente: ente, source: BundleSource(document: "PIAO 2024-2026", flags: ["Il documento numera due volte l'obiettivo 3."]),
            units: units, people: people, assignments: assignments,
            plan: Plan(
                key: "PIAO-2024-2026", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024,
                levels: [.operationalObjective, .performanceObjective]),
            nodes: [
                PlanNode(key: "OO-1", level: .operationalObjective, code: "1", title: "Transizione digitale", ownerUnitKeys: ["U-01"]),
                PlanNode(
                    key: "OB-1", level: .performanceObjective, parentKey: "OO-1", code: "1.1", title: "Digitalizzare gli atti <in linea>",
                    description: "Tutti gli atti firmati digitalmente.", ownerUnitKeys: ["U-01"], weight: 60,
                    classifications: ["digitalizzazione"], stakeholders: ["Cittadini", "Imprese"], programma: "0102",
                    deadline: day(2024, 12, 31), verbatim: ["Obiettivo": "DIGITALIZZARE GLI ATTI"],
                    sourceFlags: ["Peso stampato 60% ma la somma dell'area è 110%."]),
                PlanNode(
                    key: "OB-2", level: .performanceObjective, parentKey: "OO-1", code: "1.2", title: "Pagare in tempo",
                    ownerUnitKeys: ["U-02"], weight: 40),
            ],
            phases: [Phase(key: "OB-1-F1", nodeKey: "OB-1", ordinal: 1, title: "Ricognizione", periodRaw: "GEN-MAR")],
            indicators: [
                Indicator(
                    key: "OB-1-I1", nodeKey: "OB-1", name: "Atti digitalizzati", type: .efficacia, form: .percent,
                    baseline: Measure(number: 40), target: Target(number: 90)),
                Indicator(
                    key: "OB-2-I1", nodeKey: "OB-2", name: "Tempestività dei pagamenti", type: .efficienza, form: .number,
                    direction: .atMost, target: Target(number: 0)),
            ],
            participations: [Participation(personKey: "P-bianchi", nodeKey: "OB-1", share: 50, activity: "Scansione")],
            campaigns: [Campaign(key: "C-2024-12", title: "Consuntivo 2024", asOf: day(2024, 12, 31), isFinal: true)],
            values: [
                MonitoringValue(campaignKey: "C-2024-12", nodeKey: "OB-1", indicatorKey: "OB-1-I1", actual: Measure(number: 81)),
                MonitoringValue(campaignKey: "C-2024-12", nodeKey: "OB-2", indicatorKey: "OB-2-I1", actual: Measure(number: -3)),
            ],
            validations: [Validation(campaignKey: "C-2024-12", nodeKey: "OB-1", score: 95, reason: "Evidenze complete.")])
    }

    static var sheet: ScoreSheet {
        ScoreSheet(ScoringEngine.score(ScoringInput(bundle: bundle, methodology: MethodologyStore.preset("generale")!)))
    }
}

extension StoredEnte {
    static func fixture(id: UUID, ente: Ente, revision: Int = 1) -> StoredEnte {
        StoredEnte(id: id, ente: ente, revision: revision)
    }
}
