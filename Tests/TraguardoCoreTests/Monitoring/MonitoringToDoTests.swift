import Testing
import TraguardoCore

@Suite("Monitoring: a responsabile's to-do list")
struct MonitoringToDoTests {
    static let campaign = Campaign(
        key: "C", title: "Monitoraggio al 30/06/2024", asOf: day("2024-06-30"), entryDeadline: day("2024-07-15"), isFinal: false)
    static let responsabileU1 = EntryRules.Scope(unitKeys: ["U1"], isManager: false)
    static let segretario = EntryRules.Scope(unitKeys: [], isManager: true)

    /// S (strategic) has children A and B; C is U2's; D starts in 2025; E has no indicators; F has no owner.
    static let nodes = [
        objective("S", level: .strategicObjective),
        objective("A", parent: "S"),
        objective("B", parent: "S"),
        objective("C", units: ["U2"]),
        objective("D", from: 2025),
        objective("E"),
        objective("F", units: []),
    ]
    static let indicators = [indicator("A1", "A"), indicator("A2", "A"), indicator("B1", "B"), indicator("C1", "C"), indicator("D1", "D")]

    static func build(
        values: [MonitoringValue] = [], validations: [Validation] = [], scope: EntryRules.Scope = Self.responsabileU1,
        campaign: Campaign = Self.campaign, nodes: [PlanNode] = Self.nodes, indicators: [Indicator] = Self.indicators
    ) -> MonitoringToDo {
        MonitoringToDo.build(
            campaign: campaign, nodes: nodes, indicators: indicators, values: values, validations: validations, scope: scope)
    }

    // Only leaves owned by the user's units, within the campaign's year: U1's responsabile gets A, B and E
    // (not S, a parent; not C, of U2; not D, from 2025; not F, of nobody). The segretario also gets C.
    @Test func onlyLeavesInScopeAndInTheYear() {
        let todo = Self.build()
        #expect(todo.items.map(\.nodeKey) == ["A", "B", "E"])
        #expect(todo.items.map(\.indicators) == [2, 1, 0])
        #expect(todo.items[0].title == "Obiettivo A" && todo.items[0].unitKeys == ["U1"])
        #expect(Self.build(scope: Self.segretario).items.map(\.nodeKey) == ["A", "B", "C", "E"])
        // In the 2025 campaign D is due.
        var next = Self.campaign
        next.key = "C25"
        next.asOf = day("2025-06-30")
        #expect(Self.build(campaign: next).items.map(\.nodeKey) == ["A", "B", "D", "E"])
    }

    // Complete = every indicator reported (a value or a progress figure); values of other campaigns and
    // rows with only a note do not count. A: 1 of 2 → started, not complete; B: progress 40 → complete.
    @Test func anObjectiveIsCompleteWhenEveryIndicatorIsReported() throws {
        var old = reading("A2", "A", number: 7)
        old.campaignKey = "OLD"
        var noteOnly = reading("B1", "B")
        noteOnly.narrative = "In corso"
        let partial = Self.build(values: [reading("A1", "A", number: 10), old, noteOnly])
        let a = try #require(partial.items.first { $0.nodeKey == "A" })
        #expect(a.entered == 1 && a.isStarted && !a.isComplete)
        let b0 = try #require(partial.items.first { $0.nodeKey == "B" })
        #expect(b0.entered == 0 && !b0.isStarted && !b0.isComplete)

        let full = Self.build(values: [reading("A1", "A", number: 10), reading("A2", "A", flag: true), reading("B1", "B", progress: 40)])
        #expect(full.items.filter(\.isComplete).map(\.nodeKey) == ["A", "B"])
    }

    // A status on the objective: with indicators it only starts the work (A: "in linea" but no values), without
    // indicators it completes it (E). RINVIATO or NON VALUTABILE cover the whole objective, indicators or not (B).
    @Test func statusesAndTheirEffectOnCompleteness() throws {
        let todo = Self.build(values: [
            grade("A", status: .inLinea),
            MonitoringValue(campaignKey: "C", nodeKey: "B", status: .rinviato, statusReason: "Bando slittato"),
            grade("E", status: .raggiunto),
        ])
        let byKey = Dictionary(uniqueKeysWithValues: todo.items.map { ($0.nodeKey, $0) })
        let a = try #require(byKey["A"]), b = try #require(byKey["B"]), e = try #require(byKey["E"])
        #expect(a.status == .inLinea && a.isStarted && !a.isComplete)
        #expect(b.status == .rinviato && b.entered == 0 && b.isComplete)
        #expect(e.status == .raggiunto && e.isComplete)
        #expect(todo.completed == 2)
        // E with nothing at all is neither started nor complete.
        let blank = try #require(Self.build().items.first { $0.nodeKey == "E" })
        #expect(!blank.isStarted && !blank.isComplete && blank.status == nil)
    }

    // Progress is the share of complete objectives: 2 of 3 → 66,67%; 0 of 3 → 0%; nothing to do → nil.
    @Test func progressIsTheShareOfCompleteObjectives() throws {
        let todo = Self.build(values: [reading("B1", "B", number: 3), grade("E", status: .inLinea)])
        #expect(todo.completed == 2)
        let progress = try #require(todo.progress)
        #expect(approx(progress, 200.0 / 3.0))
        #expect(Self.build().progress == 0)
        let nothing = Self.build(scope: EntryRules.Scope(unitKeys: ["U3"], isManager: false))
        #expect(nothing.items.isEmpty && nothing.progress == nil && nothing.completed == 0)
    }

    // Deadline 15/07/2024: 5 days left on the 10th, 0 on the day, −5 on the 20th (late); no deadline, no count.
    @Test func daysLeftGoNegativeWhenLate() {
        let todo = Self.build()
        #expect(todo.daysLeft(today: day("2024-07-10")) == 5)
        #expect(todo.daysLeft(today: day("2024-07-15")) == 0)
        #expect(todo.daysLeft(today: day("2024-07-20")) == -5)
        #expect(todo.daysLeft(today: day("2024-08-01")) == -17)
        var open = Self.campaign
        open.entryDeadline = nil
        #expect(Self.build(campaign: open).daysLeft(today: day("2024-07-20")) == nil)
    }

    // The Nucleo's note shows on an objective it sent back for integration in this campaign only.
    @Test func anObjectiveSentBackCarriesTheNucleosNote() throws {
        let todo = Self.build(validations: [
            Validation(campaignKey: "C", nodeKey: "A", kind: .integrazione, reason: "Allegare la determina"),
            Validation(campaignKey: "C", nodeKey: "B", kind: .modifica, score: 80, reason: "Fattori esogeni"),
            Validation(campaignKey: "OLD", nodeKey: "E", kind: .integrazione, reason: "Campagna precedente"),
        ])
        #expect(todo.items.map(\.sentBack) == ["Allegare la determina", nil, nil])
    }
}

/// A responsabile's units follow the assignments: Rossi is titolare of 02 until 30/04 and interim of 03 from 01/05;
/// her to-do at 31/03 has 02 (and the granted 01), at 30/06 it has 03 instead of 02.
@Suite("Monitoring: a responsabile's units on the reference date")
struct ResponsabileScopeTests {
    static let assignments = [
        Assignment(personKey: "P-rossi", unitKey: "U-02", role: .titolare, validity: DayRange(from: day("2024-01-01"), to: day("2024-04-30"))),
        Assignment(personKey: "P-bianchi", unitKey: "U-02", role: .titolare, validity: DayRange(from: day("2024-05-01"), to: nil)),
        Assignment(personKey: "P-verdi", unitKey: "U-03", role: .titolare, validity: DayRange(from: day("2024-01-01"), to: day("2024-04-30"))),
        Assignment(personKey: "P-rossi", unitKey: "U-03", role: .interim, validity: DayRange(from: day("2024-05-01"), to: nil)),
    ]

    @Test func unitsHeldOnTheDayJoinTheGrantedOnes() {
        let march = EntryRules.Scope.responsabile(granted: ["U-01"], personKey: "P-rossi", assignments: Self.assignments, on: day("2024-03-31"))
        #expect(march.unitKeys == ["U-01", "U-02"])
        let june = EntryRules.Scope.responsabile(granted: ["U-01"], personKey: "P-rossi", assignments: Self.assignments, on: day("2024-06-30"))
        #expect(june.unitKeys == ["U-01", "U-03"])
        let noPerson = EntryRules.Scope.responsabile(granted: ["U-01"], personKey: nil, assignments: Self.assignments, on: day("2024-06-30"))
        #expect(noPerson.unitKeys == ["U-01"] && !noPerson.isManager)
    }
}

/// Reminders: only responsabili of units that have not submitted get one, with what is missing and the days left.
@Suite("Monitoring: reminders")
struct ReminderTests {
    @Test func onlyUnitsThatHaveNotSubmittedAreReminded() {
        let campaign = Campaign(
            key: "M-06", title: "Al 30/06", asOf: day("2024-06-30"), entryDeadline: day("2024-07-20"), isFinal: false, state: .aperta)
        let nodes = [
            PlanNode(key: "A", level: .performanceObjective, code: "1", title: "Atti digitali", ownerUnitKeys: ["U-01"]),
            PlanNode(key: "B", level: .performanceObjective, code: "2", title: "Pagamenti", ownerUnitKeys: ["U-02"]),
        ]
        let toDo = MonitoringToDo.build(
            campaign: campaign, nodes: nodes,
            indicators: [Indicator(key: "A1", nodeKey: "A", name: "Atti", form: .percent, target: Target(number: 90))],
            values: [], validations: [], scope: EntryRules.Scope(unitKeys: [], isManager: true))
        let messages = Reminders.compose(
            ente: "Comune di Alfa", plan: Plan(key: "P", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024), toDo: toDo,
            submissions: [UnitSubmission(campaignKey: "M-06", unitKey: "U-02", state: .inviata)],
            recipients: [
                Reminders.Recipient(username: "rossi", displayName: "Anna Rossi", email: "rossi@comune.example", unitKeys: ["U-01"]),
                Reminders.Recipient(username: "verdi", displayName: "Luca Verdi", email: nil, unitKeys: ["U-02"]),
            ], unitName: { $0 == "U-01" ? "01 – AFFARI GENERALI" : $0 }, today: day("2024-07-15"), link: "https://traguardo.example/x")
        #expect(messages.map(\.recipient) == ["rossi"])
        #expect(messages[0].subject == "Promemoria: Al 30/06 – Comune di Alfa")
        #expect(messages[0].body.contains("attende i dati di 01 – AFFARI GENERALI."))
        #expect(messages[0].body.contains("La scadenza è il 20/07/2024 (tra 5 giorni)."))
        #expect(messages[0].body.contains("Obiettivi completi: 0 su 1.") && messages[0].body.contains("- 1 Atti digitali"))
    }
}
