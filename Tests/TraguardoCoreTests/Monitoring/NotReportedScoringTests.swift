import Testing
import TraguardoCore

@Suite("Monitoring: objectives not reported, and the Nucleo's decisions, in the scores")
struct MonitoringScoringTests {
    /// The code's default: "non consuntivato" is a fixed 0 (as in the generale and leggiuno-2024 presets).
    static let standard = baseMethodology()
    /// An SMVP that gives "non consuntivato" 50 (as bellusco-mezzago-2020 does).
    static let nonConsuntivatoFifty = baseMethodology {
        $0.statuses =
            StatusTreatment.defaults.filter { $0.status != .nonConsuntivato } + [.init(status: .nonConsuntivato, counting: .fixed, value: 50)]
    }
    /// An SMVP that leaves "non consuntivato" out of the count.
    static let nonConsuntivatoExcluded = baseMethodology {
        $0.statuses = StatusTreatment.defaults.filter { $0.status != .nonConsuntivato } + [.init(status: .nonConsuntivato, counting: .excluded)]
    }

    /// A (U1) has indicator A1 with target 100; B (U1) has B1; C (U2) has C1.
    static let nodes = [objective("A"), objective("B"), objective("C", units: ["U2"])]
    static let indicators = [
        indicator("A1", "A", target: Target(number: 100)), indicator("B1", "B", target: Target(number: 100)),
        indicator("C1", "C", target: Target(number: 100)),
    ]
    static let onlyA = [reading("A1", "A", number: 80)]

    // A: 80 of 100 → 80. B and C: nothing entered in campaign C (a value of another campaign does not count) →
    // "non rilevato", not counted and never a zero, even though this methodology makes "non consuntivato" 0:
    // U1 scores 80 over 1 counted of 2; U2, with only C, has no score.
    @Test func anObjectiveWithNoEntriesIsNotReportedAndNotCounted() throws {
        #expect(StatusTreatment.defaults.contains(.init(status: .nonConsuntivato, counting: .fixed, value: 0)))
        var otherCampaign = reading("B1", "B", number: 100)
        otherCampaign.campaignKey = "OLD"
        let r = score(Self.nodes, indicators: Self.indicators, values: Self.onlyA + [otherCampaign], methodology: Self.standard)
        let b = try #require(r.objective("B"))
        #expect(b.outcome == .notReported)
        #expect(!b.counted && b.computed == nil && b.effective == nil && b.validated == nil)
        #expect(r.objective("A")?.effective == 80)
        #expect(r.unit("U1")?.score == 80)
        #expect(r.unit("U1")?.counted == 1 && r.unit("U1")?.total == 2)
        #expect(r.objective("C")?.outcome == .notReported)
        #expect(r.unit("U2")?.score == nil && r.unit("U2")?.counted == 0)
        #expect(r.ente.objectivesMean == 80 && r.ente.objectivesCounted == 1)
        #expect(r.explain(objective: "B")?.text.contains("Non rilevato: nessun valore inserito nella campagna") == true)
    }

    // With "non consuntivato" fixed at 50, the fixed value goes to an objective given that status (B: 50), not to one
    // with nothing entered (C stays "non rilevato"): U1 = (80 + 50) / 2 = 65, U2 has no score.
    // (Since a266f5f; 118a756 gave the fixed value to objectives with nothing entered as well.)
    @Test func theFixedValueOfNonConsuntivatoGoesOnlyToThatStatus() throws {
        let values = Self.onlyA + [grade("B", status: .nonConsuntivato)]
        let r = score(Self.nodes, indicators: Self.indicators, values: values, methodology: Self.nonConsuntivatoFifty)
        let b = try #require(r.objective("B"))
        #expect(b.outcome == .statusFixed)
        #expect(b.computed == 50 && b.effective == 50 && b.counted)
        #expect(r.unit("U1")?.score == 65)
        #expect(r.objective("C")?.outcome == .notReported)
        #expect(r.unit("U2")?.score == nil)
        // Under an SMVP that leaves "non consuntivato" out, B is left out too, for its status.
        let excluded = score(Self.nodes, indicators: Self.indicators, values: values, methodology: Self.nonConsuntivatoExcluded)
        #expect(excluded.objective("B")?.outcome == .excludedStatus)
        #expect(excluded.unit("U1")?.score == 80)
    }

    // An objective whose horizon starts after the year stays "fuori orizzonte", entries or not.
    @Test func theHorizonComesBeforeNonRilevato() {
        let r = score([objective("A", from: 2025)], year: 2024)
        #expect(r.objective("A")?.outcome == .excludedHorizon)
    }

    // A row of campaign C for B with only its keys is no entry (`MonitoringValue.isEmpty`), and the store writes one
    // whenever a form is saved (the objective's lock): B should stay "non rilevato" and U1 stay 80. It gets the
    // "non consuntivato" value instead: 0 under the default treatment, so U1 drops to 40.
    @Test func aRowWithOnlyKeysIsNoEntry() {
        let keysOnly = MonitoringValue(campaignKey: "C", nodeKey: "B")
        #expect(keysOnly.isEmpty)
        let r = score(Self.nodes, indicators: Self.indicators, values: Self.onlyA + [keysOnly], methodology: Self.standard)
        #expect(r.objective("B")?.outcome == .notReported)
        #expect(r.objective("B")?.counted == false)
        #expect(r.unit("U1")?.score == 80)
    }

    // A confirmation with no reason is applied (no "senza motivazione" warning) and the computed 64 stands,
    // even if the score the Nucleo saw then was 60.
    @Test func aConfirmationWithoutReasonKeepsTheComputedScore() throws {
        let confirmed = Validation(campaignKey: "C", nodeKey: "A", kind: .conferma, score: 60, reason: "", computedScore: 60)
        let r = score(
            [objective("A"), objective("B")], values: [grade("A", direct: 64), grade("B", direct: 100)], validations: [confirmed],
            methodology: baseMethodology { $0.objectives.sources = [.directScore] })
        let a = try #require(r.objective("A"))
        #expect(a.outcome == .directScore)
        #expect(a.computed == 64 && a.effective == 64 && a.validated == nil && a.counted)
        #expect(r.explain(objective: "A")?.validationIgnored == false)
        #expect(!r.issues.contains { $0.message.contains("senza motivazione") })
        #expect(r.unit("U1")?.score == 82)  // (64 + 100) / 2
    }

    // Confirming an objective that is "non rilevato" (computed nil) should leave it so; it becomes a counted 0
    // instead (the confirmation makes it look reported, then "non consuntivato" = 0 applies): U1 drops from 80 to 40.
    @Test func confirmingAnObjectiveNotReportedKeepsItNotReported() {
        let confirmed = Validation(campaignKey: "C", nodeKey: "B", kind: .conferma, reason: "")
        let r = score(Self.nodes, indicators: Self.indicators, values: Self.onlyA, validations: [confirmed], methodology: Self.standard)
        #expect(r.objective("B")?.outcome == .notReported)
        #expect(r.objective("B")?.effective == nil)
        #expect(r.unit("U1")?.score == 80)
    }

    // A request for integration is no decision: even carrying a score of 90, it leaves the computed 64 in place;
    // on an objective with no entries it leaves it "non rilevato".
    @Test func anIntegrationRequestDoesNotReplaceTheComputedScore() throws {
        let sentBack = Validation(campaignKey: "C", nodeKey: "A", kind: .integrazione, score: 90, reason: "Allegare la determina")
        let r = score(
            [objective("A")], values: [grade("A", direct: 64)], validations: [sentBack],
            methodology: baseMethodology { $0.objectives.sources = [.directScore] })
        let a = try #require(r.objective("A"))
        #expect(a.outcome == .directScore)
        #expect(a.effective == 64 && a.validated == nil)
        #expect(r.explain(objective: "A")?.validationIgnored == false)

        let onNothing = score(
            Self.nodes, indicators: Self.indicators, values: Self.onlyA,
            validations: [Validation(campaignKey: "C", nodeKey: "B", kind: .integrazione, reason: "Inserire i dati")])
        #expect(onNothing.objective("B")?.outcome == .notReported)
        #expect(onNothing.unit("U1")?.score == 80)
    }

    // A "change" within rounding without a reason (87,46 for a computed 87,456 at two decimals) is a confirmation:
    // recorded as one, applied without a warning that the reason is missing, the computed score standing.
    @Test func aChangeWithinRoundingAcceptedWithoutReasonIsAppliedByTheEngine() throws {
        let m = baseMethodology { $0.objectives.sources = [.directScore] }
        let campaign = Campaign(key: "C", title: "Consuntivo 2024", asOf: day("2024-12-31"), isFinal: true, state: .inValidazione)
        let decision = try ValidationRules.decide(
            .modifica, score: 87.46, reason: "", computed: 87.456, rounding: m.rounding, campaign: campaign, nodeKey: "A")
        let r = score([objective("A")], values: [grade("A", direct: 87.456)], validations: [decision], methodology: m)
        #expect(decision.kind == .conferma)
        #expect(!r.issues.contains { $0.message.contains("senza motivazione") })
        // The signed figure is the same.
        #expect(r.unit("U1")?.score == 87.46)
    }

    // The score sheet prints "non rilevato" for B's computed and effective score, for U2 (only C, not reported)
    // and for U3 (no objectives); A prints its figures with the methodology's two decimals.
    @Test func theScoreSheetSaysNonRilevato() throws {
        let sheet = ScoreSheet(score(Self.nodes, indicators: Self.indicators, values: Self.onlyA))
        let a = try #require(sheet.objectives.first { $0.key == "A" })
        #expect(a.computed == "80,00" && a.effective == "80,00" && a.validated == "—" && a.counted)
        let b = try #require(sheet.objectives.first { $0.key == "B" })
        #expect(b.computed == "non rilevato" && b.effective == "non rilevato" && !b.counted)
        #expect(b.validated == "—")
        #expect(sheet.units.map(\.score) == ["80,00", "non rilevato", "non rilevato"])
        #expect(sheet.enteMean == "80,00")
        #expect(sheet.plainText.contains("non rilevato / — / non rilevato (non conteggiato)"))

        let nothing = ScoreSheet(score(Self.nodes, indicators: Self.indicators))
        #expect(nothing.enteMean == "non rilevato" && nothing.servicesMean == "non rilevato")
        // An objective given "non consuntivato" under the 50 rule is an ordinary figure.
        let fixed = ScoreSheet(
            score(
                Self.nodes, indicators: Self.indicators, values: Self.onlyA + [grade("B", status: .nonConsuntivato)],
                methodology: Self.nonConsuntivatoFifty))
        #expect(fixed.objectives.first { $0.key == "B" }?.effective == "50,00")
        #expect(fixed.units.first?.score == "65,00")
    }
}
