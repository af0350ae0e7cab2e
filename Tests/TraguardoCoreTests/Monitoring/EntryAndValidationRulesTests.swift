import Foundation
import Testing
import TraguardoCore

@Suite("Monitoring: who may enter values, and when")
struct MonitoringEntryTests {
    static let responsabileU1 = EntryRules.Scope(unitKeys: ["U1"], isManager: false)
    static let segretario = EntryRules.Scope(unitKeys: [], isManager: true)

    static func campaign(_ state: CampaignState) -> Campaign {
        Campaign(key: "C", title: "Monitoraggio al 30/06/2024", asOf: day("2024-06-30"), isFinal: false, state: state)
    }

    static func submitted(_ unit: String, _ state: SubmissionState = .inviata) -> UnitSubmission {
        UnitSubmission(campaignKey: "C", unitKey: unit, state: state, on: day("2024-07-10"), by: "rossi")
    }

    // A responsabile answers for objectives of any unit they hold; the segretario for every objective.
    @Test func aScopeCoversObjectivesOfItsUnits() {
        #expect(Self.responsabileU1.covers(objective("A", units: ["U1"])))
        #expect(Self.responsabileU1.covers(objective("B", units: ["U2", "U1"])))  // shared: one of the owners is enough
        #expect(!Self.responsabileU1.covers(objective("C", units: ["U2"])))
        #expect(!Self.responsabileU1.covers(objective("D", units: [])))
        #expect(Self.segretario.covers(objective("C", units: ["U2"])))
        #expect(Self.segretario.covers(objective("D", units: [])))
    }

    // An objective of another unit is refused first, whatever the campaign's state.
    @Test func anotherUnitsObjectiveIsRefused() {
        let error = #expect(throws: MonitoringError.self) {
            try EntryRules.checkEntry(
                node: objective("O2", units: ["U2"]), campaign: Self.campaign(.chiusa), scope: Self.responsabileU1, submissions: [],
                validation: nil)
        }
        #expect(error == .notYourObjective("Obiettivo O2"))
        #expect(error?.description == "L'obiettivo «Obiettivo O2» non è di un settore di cui sei responsabile.")
    }

    // Entries are taken only while the campaign is aperta or riaperta, for the segretario too.
    @Test func aCampaignNotOpenRefusesEntries() {
        let node = objective("O1")
        for scope in [Self.responsabileU1, Self.segretario] {
            for (state, label) in [(CampaignState.daAprire, "Da aprire"), (.inValidazione, "In validazione"), (.chiusa, "Chiusa")] {
                #expect(throws: MonitoringError.notOpen(label)) {
                    try EntryRules.checkEntry(node: node, campaign: Self.campaign(state), scope: scope, submissions: [], validation: nil)
                }
            }
            #expect(throws: Never.self) {
                try EntryRules.checkEntry(node: node, campaign: Self.campaign(.riaperta), scope: scope, submissions: [], validation: nil)
            }
        }
        #expect(
            MonitoringError.notOpen("Chiusa").description == "La campagna è «Chiusa»: i valori non si possono inserire né modificare.")
    }

    // Once U1 submitted, its responsabile is locked out; the segretario may still correct; a returned unit is open again.
    @Test func aSubmittedUnitBlocksItsResponsabileButNotTheSegretario() {
        let node = objective("O1", units: ["U1"])
        let open = Self.campaign(.aperta)
        let error = #expect(throws: MonitoringError.self) {
            try EntryRules.checkEntry(node: node, campaign: open, scope: Self.responsabileU1, submissions: [Self.submitted("U1")], validation: nil)
        }
        #expect(error == .unitSubmitted("U1"))
        #expect(error?.description == "I dati di «U1» sono già stati inviati: per modificarli chiedi al segretario di restituirli.")
        #expect(throws: Never.self) {
            try EntryRules.checkEntry(node: node, campaign: open, scope: Self.segretario, submissions: [Self.submitted("U1")], validation: nil)
        }
        #expect(throws: Never.self) {
            try EntryRules.checkEntry(
                node: node, campaign: open, scope: Self.responsabileU1, submissions: [Self.submitted("U1", .restituita)], validation: nil)
        }
    }

    // On an objective shared by U1 and U2, U2's submission does not lock U1's responsabile.
    @Test func anotherOwnersSubmissionDoesNotBlock() {
        let shared = objective("T", units: ["U1", "U2"])
        #expect(throws: Never.self) {
            try EntryRules.checkEntry(
                node: shared, campaign: Self.campaign(.aperta), scope: Self.responsabileU1, submissions: [Self.submitted("U2")],
                validation: nil)
        }
        let both = EntryRules.Scope(unitKeys: ["U1", "U2"], isManager: false)
        #expect(throws: MonitoringError.unitSubmitted("U2")) {
            try EntryRules.checkEntry(
                node: shared, campaign: Self.campaign(.aperta), scope: both, submissions: [Self.submitted("U2")], validation: nil)
        }
    }

    // The Nucleo sent O1 back for integration: its owner may edit it while the campaign is in validazione
    // (not after closing, and not another unit's objective); any other decision keeps the entries closed.
    @Test func anObjectiveSentBackMayBeEditedDuringValidation() {
        let node = objective("O1")
        let sentBack = Validation(campaignKey: "C", nodeKey: "O1", kind: .integrazione, reason: "Allegare la determina di approvazione")
        #expect(throws: Never.self) {
            try EntryRules.checkEntry(
                node: node, campaign: Self.campaign(.inValidazione), scope: Self.responsabileU1, submissions: [Self.submitted("U1")],
                validation: sentBack)
        }
        let changed = Validation(campaignKey: "C", nodeKey: "O1", kind: .modifica, score: 80, reason: "Fattori esogeni")
        #expect(throws: MonitoringError.notOpen("In validazione")) {
            try EntryRules.checkEntry(
                node: node, campaign: Self.campaign(.inValidazione), scope: Self.responsabileU1, submissions: [], validation: changed)
        }
        #expect(throws: MonitoringError.notOpen("Chiusa")) {
            try EntryRules.checkEntry(
                node: node, campaign: Self.campaign(.chiusa), scope: Self.responsabileU1, submissions: [], validation: sentBack)
        }
        #expect(throws: MonitoringError.notYourObjective("Obiettivo O1")) {
            try EntryRules.checkEntry(
                node: node, campaign: Self.campaign(.inValidazione), scope: EntryRules.Scope(unitKeys: ["U2"], isManager: false),
                submissions: [], validation: sentBack)
        }
    }

    // RINVIATO and NON VALUTABILE must say why (blanks are no reason); other statuses need nothing.
    @Test func statusesThatLeaveTheCountNeedAReason() {
        let postponed = MonitoringValue(campaignKey: "C", nodeKey: "O1", status: .rinviato)
        let error = #expect(throws: MonitoringError.self) { try EntryRules.checkStatus(postponed) }
        #expect(error == .statusReasonRequired("Rinviato"))
        #expect(error?.description == "Per lo stato «Rinviato» serve la motivazione.")
        #expect(throws: MonitoringError.statusReasonRequired("Non valutabile")) {
            try EntryRules.checkStatus(MonitoringValue(campaignKey: "C", nodeKey: "O1", status: .nonValutabile, statusReason: " \n"))
        }
        #expect(throws: Never.self) {
            try EntryRules.checkStatus(
                MonitoringValue(campaignKey: "C", nodeKey: "O1", status: .rinviato, statusReason: "Bando regionale slittato al 2025"))
        }
        #expect(throws: Never.self) { try EntryRules.checkStatus(MonitoringValue(campaignKey: "C", nodeKey: "O1", status: .raggiunto)) }
        #expect(throws: Never.self) { try EntryRules.checkStatus(MonitoringValue(campaignKey: "C", nodeKey: "O1")) }
    }
}

@Suite("Monitoring: the Nucleo's decisions")
struct MonitoringValidationTests {
    static let validating = Campaign(
        key: "C", title: "Consuntivo 2024", asOf: day("2024-12-31"), isFinal: true, state: .inValidazione)
    static let twoDecimals = RoundingPolicy(when: .end, decimals: 2, mode: .halfUp)
    static let integers = RoundingPolicy(when: .end, decimals: 0, mode: .halfUp)

    static func decide(
        _ kind: ValidationKind, score: Double? = nil, reason: String = "", computed: Double?, rounding: RoundingPolicy = Self.twoDecimals,
        campaign: Campaign = Self.validating
    ) throws(MonitoringError) -> Validation {
        try ValidationRules.decide(
            kind, score: score, reason: reason, computed: computed, rounding: rounding, campaign: campaign, nodeKey: "O1",
            minutes: "Verbale n. 3 del 12/03/2025")
    }

    // The Nucleo decides only on a campaign in validazione.
    @Test func decisionsOutsideValidationAreRefused() {
        var open = Self.validating
        open.state = .aperta
        let error = #expect(throws: MonitoringError.self) { try Self.decide(.conferma, computed: 80, campaign: open) }
        #expect(error == .notInValidation)
        #expect(error?.description == "La campagna non è in validazione: il Nucleo decide dopo la trasmissione dei dati.")
        open.state = .chiusa
        #expect(throws: MonitoringError.notInValidation) { try Self.decide(.esclusione, reason: "Norma abrogata", computed: 80, campaign: open) }
    }

    // Confirming 73,456 needs no reason and keeps the computed score as the decision's score.
    @Test func aConfirmationNeedsNoReason() throws {
        let v = try Self.decide(.conferma, reason: "   ", computed: 73.456)
        #expect(v.kind == .conferma)
        #expect(v.score == 73.456 && v.computedScore == 73.456)
        #expect(v.reason == "" && !v.excluded && v.isDecision)
        #expect(v.campaignKey == "C" && v.nodeKey == "O1" && v.minutes == "Verbale n. 3 del 12/03/2025")
    }

    // Two decimals, half up: computed 87,456 is signed as 87,46. Validating 87,46 is the same figure: no reason
    // needed, recorded as a confirmation; 87,45 differs and needs one; with a reason it is taken.
    @Test func aChangedScoreNeedsAReasonOnlyBeyondTwoDecimalRounding() throws {
        let same = try Self.decide(.modifica, score: 87.46, computed: 87.456)
        #expect(same.kind == .conferma && same.computedScore == 87.456 && same.reason == "")
        #expect(!ValidationRules.differs(87.46, 87.456, Self.twoDecimals))
        #expect(ValidationRules.differs(87.45, 87.456, Self.twoDecimals))

        let error = #expect(throws: MonitoringError.self) { try Self.decide(.modifica, score: 87.45, computed: 87.456) }
        #expect(error == .validationReasonRequired(computed: "87,46", validated: "87,45"))
        #expect(
            error?.description == "Il punteggio validato (87,45) è diverso da quello calcolato (87,46): serve la motivazione.")

        let reasoned = try Self.decide(.modifica, score: 87.45, reason: "  Ricalcolo sull'indicatore 2 ", computed: 87.456)
        #expect(reasoned.score == 87.45 && reasoned.reason == "Ricalcolo sull'indicatore 2")
    }

    // No decimals, half up: computed 92,5 is signed as 93. Validating 93 (or 92,6, also 93) needs no reason and
    // is a confirmation; 92 differs and needs one.
    @Test func aChangedScoreNeedsAReasonOnlyBeyondIntegerRounding() throws {
        #expect(try Self.decide(.modifica, score: 93, computed: 92.5, rounding: Self.integers).kind == .conferma)
        #expect(try Self.decide(.modifica, score: 92.6, computed: 92.5, rounding: Self.integers).kind == .conferma)
        #expect(throws: MonitoringError.validationReasonRequired(computed: "93", validated: "92")) {
            try Self.decide(.modifica, score: 92, computed: 92.5, rounding: Self.integers)
        }
        // The same two figures at two decimals are different: 92,50 against 93,00.
        #expect(throws: MonitoringError.validationReasonRequired(computed: "92,50", validated: "93,00")) {
            try Self.decide(.modifica, score: 93, computed: 92.5)
        }
    }

    // A score given to an objective with nothing computed ("non rilevato") always differs: it needs a reason.
    // A changed score must be there and be a non-negative number.
    @Test func aScoreForAnObjectiveNotReportedNeedsAReason() {
        #expect(throws: MonitoringError.validationReasonRequired(computed: "non rilevato", validated: "60,00")) {
            try Self.decide(.modifica, score: 60, computed: nil)
        }
        #expect(throws: MonitoringError.missing("Punteggio validato")) { try Self.decide(.modifica, score: nil, computed: 80) }
        #expect(
            throws: MonitoringError.invalidValue(field: "Punteggio validato", message: "deve essere un numero non negativo.")
        ) { try Self.decide(.modifica, score: -1, reason: "x", computed: 80) }
    }

    // Excluding an objective, or sending it back for integration, always needs a reason.
    @Test func exclusionAndIntegrationNeedAReason() throws {
        let error = #expect(throws: MonitoringError.self) { try Self.decide(.esclusione, reason: " ", computed: 40) }
        #expect(error == .reasonRequired("Escluso"))
        #expect(error?.description == "Per «Escluso» serve una motivazione.")
        #expect(throws: MonitoringError.reasonRequired("Rinviato per integrazione")) { try Self.decide(.integrazione, computed: 40) }

        let excluded = try Self.decide(.esclusione, reason: "Obiettivo superato dalla norma", computed: 40)
        #expect(excluded.kind == .esclusione && excluded.excluded && excluded.score == nil && excluded.computedScore == 40)
        let sentBack = try Self.decide(.integrazione, reason: "Allegare il verbale di collaudo", computed: 40)
        #expect(sentBack.kind == .integrazione && !sentBack.excluded && sentBack.score == nil && !sentBack.isDecision)
    }

    // Bundles written before decisions had a kind: "excluded" reads as esclusione, anything else as modifica.
    @Test func decisionsWithoutKindDecodeAsExclusionOrChange() throws {
        func decode(_ json: String) throws -> Validation { try JSONDecoder().decode(Validation.self, from: Data(json.utf8)) }
        let excluded = try decode(#"{"campaignKey":"C","nodeKey":"O1","excluded":true,"reason":"Norma abrogata"}"#)
        #expect(excluded.kind == .esclusione && excluded.excluded)
        let changed = try decode(#"{"campaignKey":"C","nodeKey":"O1","score":75,"reason":"Fattori esogeni"}"#)
        #expect(changed.kind == .modifica && !changed.excluded && changed.score == 75)
        let bare = try decode(#"{"campaignKey":"C","nodeKey":"O1","score":75,"excluded":false}"#)
        #expect(bare.kind == .modifica && bare.reason == "")
        // With a kind, the kind wins; an esclusione is excluded even without the flag.
        let kindOnly = try decode(#"{"campaignKey":"C","nodeKey":"O1","kind":"esclusione","reason":"Norma abrogata"}"#)
        #expect(kindOnly.kind == .esclusione && kindOnly.excluded)
        let sentBack = try decode(#"{"campaignKey":"C","nodeKey":"O1","kind":"integrazione","reason":"Allegare"}"#)
        #expect(sentBack.kind == .integrazione && !sentBack.isDecision)
        // Round trip keeps the kind.
        let again = try decode(String(decoding: try JSONEncoder().encode(changed), as: UTF8.self))
        #expect(again == changed)
    }
}
