import Foundation
import Testing
import TraguardoCore

@Suite("Plan lifecycle")
struct PlanLifecycleTests {
    static let draft = Plan(key: "P", title: "PIAO 2025-2027", firstYear: 2025, lastYear: 2027, year: 2025)
    static let giunta = Act(organ: "Giunta comunale", number: "12", date: Day(year: 2025, month: 1, day: 30))
    static let everything: @Sendable (Permission) -> Bool = { _ in true }

    @Test func approvalRecordsTheActAndFreezesThePlan() throws {
        let approved = try PlanLifecycle.move(Self.draft, to: .approvato, act: Self.giunta, allows: Self.everything)
        #expect(approved.state == .approvato)
        #expect(approved.approval == Self.giunta)
        #expect(approved.state.isFrozen)
        #expect(throws: PlanRuleError.frozen("Approvato")) { try PlanRules.requireEditable(approved) }
    }

    @Test func anApprovedPlanNeverGoesBackToDraft() throws {
        let approved = try PlanLifecycle.move(Self.draft, to: .approvato, act: Self.giunta, allows: Self.everything)
        let error = #expect(throws: PlanRuleError.self) { try PlanLifecycle.move(approved, to: .bozza, act: nil, allows: Self.everything) }
        #expect(error == .backToDraft("Approvato", "Giunta comunale n. 12 del 30/01/2025"))
        #expect(
            error?.description == "Il piano è «Approvato» con Giunta comunale n. 12 del 30/01/2025: non può tornare in bozza. "
                + "Un piano approvato è un atto deliberato e cambia solo con una variazione.")
        // From any later state too: no transition anywhere leads to bozza.
        #expect(PlanLifecycle.transitions.allSatisfy { $0.to != .bozza })
    }

    @Test func approvalWithoutADatedActIsRefused() {
        #expect(throws: PlanRuleError.missingAct) { try PlanLifecycle.move(Self.draft, to: .approvato, act: nil, allows: Self.everything) }
        #expect(throws: PlanRuleError.missingAct) {
            try PlanLifecycle.move(Self.draft, to: .approvato, act: Act(organ: "Giunta comunale"), allows: Self.everything)
        }
    }

    @Test func statesFollowInOrderAndSkippingIsRefused() throws {
        #expect(throws: PlanRuleError.transitionNotAllowed(from: "Bozza", to: "Pubblicato")) {
            try PlanLifecycle.move(Self.draft, to: .pubblicato, act: nil, allows: Self.everything)
        }
        #expect(throws: PlanRuleError.sameState("Bozza")) { try PlanLifecycle.move(Self.draft, to: .bozza, act: nil, allows: Self.everything) }
        var plan = try PlanLifecycle.move(Self.draft, to: .approvato, act: Self.giunta, allows: Self.everything)
        for state in [PlanState.inMonitoraggio, .consuntivato, .validato, .pubblicato] {
            plan = try PlanLifecycle.move(plan, to: state, act: nil, allows: Self.everything)
            #expect(plan.state == state)
        }
        #expect(PlanLifecycle.next(from: .pubblicato).isEmpty)
    }

    @Test func eachMoveNeedsItsPermission() throws {
        let segretario: (Permission) -> Bool = { $0 == .managePlan || $0 == .viewEnte }
        let nucleo: (Permission) -> Bool = { $0 == .validate || $0 == .viewEnte }
        #expect(throws: PlanRuleError.transitionForbidden(to: "Approvato", role: .managePlan)) {
            try PlanLifecycle.move(Self.draft, to: .approvato, act: Self.giunta, allows: nucleo)
        }
        var plan = try PlanLifecycle.move(Self.draft, to: .approvato, act: Self.giunta, allows: segretario)
        plan = try PlanLifecycle.move(plan, to: .inMonitoraggio, act: nil, allows: segretario)
        plan = try PlanLifecycle.move(plan, to: .consuntivato, act: nil, allows: segretario)
        let error = #expect(throws: PlanRuleError.self) { try PlanLifecycle.move(plan, to: .validato, act: nil, allows: segretario) }
        #expect(error?.description == "Solo il Nucleo di Valutazione può portare il piano a «Validato».")
        #expect(try PlanLifecycle.move(plan, to: .validato, act: nil, allows: nucleo).state == .validato)
    }
}

@Suite("Plan rules, keys and the editing rule")
struct PlanRulesTests {
    static let plan = Plan(
        key: "P", title: "PIAO", firstYear: 2025, lastYear: 2027, year: 2025,
        levels: [.strategicObjective, .operationalObjective, .performanceObjective])
    static let nodes = [
        PlanRules.NodeLink(key: "S1", level: .strategicObjective, parentKey: nil),
        PlanRules.NodeLink(key: "O1", level: .operationalObjective, parentKey: "S1"),
        PlanRules.NodeLink(key: "G1", level: .performanceObjective, parentKey: "O1"),
    ]

    @Test func aNodeSitsUnderAHigherLevelAndNeverUnderItself() {
        var node = PlanNode(key: "O1", level: .operationalObjective, parentKey: "G1", title: "Capovolto")
        #expect(throws: PlanRuleError.parentLevel(parent: "Obiettivo di performance", child: "Obiettivo operativo")) {
            try PlanRules.check(node, previousKey: "O1", in: Self.plan, nodes: Self.nodes, unitKeys: [])
        }
        node = PlanNode(key: "S1", level: .strategicObjective, parentKey: "S1", title: "Sotto sé stesso")
        #expect(throws: PlanRuleError.self) { try PlanRules.check(node, previousKey: "S1", in: Self.plan, nodes: Self.nodes, unitKeys: []) }
        let ok = PlanNode(key: "G2", level: .performanceObjective, parentKey: "O1", title: "Nuovo", ownerUnitKeys: ["U-01"])
        #expect(throws: Never.self) { try PlanRules.check(ok, previousKey: nil, in: Self.plan, nodes: Self.nodes, unitKeys: ["U-01"]) }
        #expect(throws: PlanRuleError.unknownUnit("U-09")) {
            try PlanRules.check(
                PlanNode(key: "G3", level: .performanceObjective, title: "X", ownerUnitKeys: ["U-09"]), previousKey: nil,
                in: Self.plan, nodes: Self.nodes, unitKeys: ["U-01"])
        }
        #expect(throws: PlanRuleError.duplicateKey("G1")) {
            try PlanRules.check(
                PlanNode(key: "G1", level: .performanceObjective, title: "Doppio"), previousKey: nil, in: Self.plan, nodes: Self.nodes, unitKeys: [])
        }
        #expect(throws: PlanRuleError.levelNotInPlan("Linea di mandato")) {
            try PlanRules.check(
                PlanNode(key: "L1", level: .mandateLine, title: "Mandato"), previousKey: nil, in: Self.plan, nodes: Self.nodes, unitKeys: [])
        }
    }

    @Test func aNodeWithChildrenIsNotDeleted() {
        let node = PlanNode(key: "O1", level: .operationalObjective, title: "Ha figli")
        #expect(throws: PlanRuleError.hasChildren("Ha figli")) { try PlanRules.checkDeletion(of: node, in: Self.plan, nodes: Self.nodes) }
    }

    @Test func keysAreTheFirstFreeOnes() {
        #expect(PlanKeys.node(existing: ["N-001", "N-002"]) == "N-003")
        #expect(PlanKeys.indicator(of: "OB-1", existing: ["OB-1-I1", "OB-1-I3"]) == "OB-1-I2")
        #expect(PlanKeys.phase(of: "OB-1", existing: []) == "OB-1-F1")
        #expect(PlanKeys.copy(of: "OB-1", existing: ["OB-1"]) == "OB-1-copia")
        #expect(PlanKeys.copy(of: "OB-1", existing: ["OB-1", "OB-1-copia", "OB-1-copia2"]) == "OB-1-copia3")
        #expect(PlanKeys.person(familyName: "D'Angelo", givenName: "Niccolò") == "P-d-angelo-niccolo")
        #expect(PlanKeys.plan(firstYear: 2025, lastYear: 2027) == "PIAO-2025-2027")
    }

    @Test func aDuplicateCarriesPhasesAndIndicatorsUnderNewKeys() {
        let node = PlanNode(key: "OB-1", level: .performanceObjective, title: "Atti")
        let copy = PlanRules.duplicate(
            node, phases: [Phase(key: "F1", nodeKey: "OB-1", ordinal: 1, title: "Fase")],
            indicators: [Indicator(key: "I1", nodeKey: "OB-1", phaseKey: "F1", name: "Ind", form: .number)],
            existingKeys: ["OB-1"])
        #expect(copy.node.key == "OB-1-copia" && copy.node.title == "Atti (copia)")
        #expect(copy.phases.map(\.key) == ["OB-1-copia-F1"] && copy.phases[0].nodeKey == "OB-1-copia")
        #expect(copy.indicators[0].key == "OB-1-copia-I1" && copy.indicators[0].phaseKey == "OB-1-copia-F1")
    }

    @Test func aResponsabileEditsOnlyNodesWhollyOfTheirUnits() {
        let ente = UUID(), u1 = UUID(), u2 = UUID()
        let units = ["U-01": u1, "U-02": u2]
        let responsabile = Principal(
            userID: UUID(), username: "r", displayName: "R", isSystemAdmin: false,
            grants: [Grant(enteID: ente, role: .responsabile, unitIDs: [u1])])
        let segretario = Principal(
            userID: UUID(), username: "s", displayName: "S", isSystemAdmin: false, grants: [Grant(enteID: ente, role: .segretario)])
        #expect(EditingRule.mayEdit(ownerUnitKeys: ["U-01"], principal: responsabile, enteID: ente, unitIDs: units))
        #expect(!EditingRule.mayEdit(ownerUnitKeys: ["U-01", "U-02"], principal: responsabile, enteID: ente, unitIDs: units))
        #expect(!EditingRule.mayEdit(ownerUnitKeys: [], principal: responsabile, enteID: ente, unitIDs: units))
        #expect(!EditingRule.mayEdit(ownerUnitKeys: ["U-99"], principal: responsabile, enteID: ente, unitIDs: units))
        #expect(EditingRule.mayEdit(ownerUnitKeys: ["U-02"], principal: segretario, enteID: ente, unitIDs: units))
        let approved = Plan(key: "P", title: "P", firstYear: 2025, lastYear: 2025, year: 2025, state: .approvato)
        #expect(!EditingRule.mayEdit(approved, principal: segretario, enteID: ente))
        #expect(EditingRule.mayMove(approved, to: .inMonitoraggio, principal: segretario, enteID: ente))
        #expect(!EditingRule.mayMove(approved, to: .bozza, principal: segretario, enteID: ente))
    }

    @Test func aPlanIsReadAsOfItsOwnYear() {
        let plan = Plan(key: "P", title: "P", firstYear: 2024, lastYear: 2026, year: 2024)
        #expect(plan.referenceDay(today: Day(year: 2026, month: 12, day: 3)!) == Day(year: 2024, month: 12, day: 31))
        #expect(plan.referenceDay(today: Day(year: 2024, month: 5, day: 15)!) == Day(year: 2024, month: 5, day: 15))
        #expect(plan.referenceDay(today: Day(year: 2023, month: 11, day: 1)!) == Day(year: 2024, month: 1, day: 1))
    }
}

@Suite("Typed measures: one parser for the web form and the spreadsheet")
struct MeasureTextTests {
    @Test func numbersDatesFlagsAndWordsByForm() throws {
        #expect(try MeasureText.parse("1.234,5", form: .number).get() == .number(1234.5))
        #expect(try MeasureText.parse("90%", form: .percent).get() == .number(90))
        #expect(try MeasureText.parse("31/12/2025", form: .date).get() == .date(Day(year: 2025, month: 12, day: 31)!))
        #expect(try MeasureText.parse("2025-12-31", form: .number).get() == .date(Day(year: 2025, month: 12, day: 31)!))
        #expect(try MeasureText.parse("Sì", form: .boolean).get() == .flag(true))
        #expect(try MeasureText.parse("no", form: .boolean).get() == .flag(false))
        #expect(try MeasureText.parse("Approvazione del regolamento", form: .milestone).get() == .text("Approvazione del regolamento"))
    }

    @Test func refusalsSayWhatIsWrong() {
        #expect(MeasureText.parse("31/06/2024", form: .date) == .failure(.invalidDate("31/06/2024")))
        #expect(MeasureText.parse("forse", form: .boolean) == .failure(.invalidFlag("forse")))
        #expect(MeasureText.parse("tanti", form: .number) == .failure(.invalidNumber("tanti")))
        #expect(MeasureTextError.invalidDate("31/06/2024").message() == "\"31/06/2024\" non è una data valida (gg/mm/aaaa).")
        #expect(
            MeasureTextError.invalidNumber("tanti").message(wordsGoTo: "nel campo «Note»")
                == "\"tanti\" non è un numero valido (es. 1.234,56); un valore non numerico va nel campo «Note».")
    }

    @Test func measuresPrintAsTheDocumentsDo() {
        #expect(Measure(.number(1234.5), raw: nil).italianText == "1.234,5")
        #expect(Measure(.date(Day(year: 2025, month: 3, day: 1)!), raw: nil).italianText == "01/03/2025")
        #expect(Target(.flag(true), raw: nil).italianText == "SI")
        #expect(Target(number: 10, upper: 20).italianText == "10 – 20")
        #expect(Target(.number(5), raw: "entro 5 giorni").italianText == "entro 5 giorni")
    }
}
