import Foundation
import Testing
import TraguardoCore

@Suite("Monitoring: campaign creation and lifecycle")
struct MonitoringCampaignTests {
    static let approved = Plan(key: "P", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024, state: .approvato)
    static let draft = Plan(key: "P", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024)
    static let everything: @Sendable (Permission) -> Bool = { _ in true }
    static let segretario: @Sendable (Permission) -> Bool = { $0 == .managePlan || $0 == .viewEnte }
    static let nucleo: @Sendable (Permission) -> Bool = { $0 == .validate || $0 == .viewEnte }

    static let midYear = Campaign(
        key: "M-2024-06", title: "Monitoraggio al 30/06/2024", asOf: day("2024-06-30"), entryDeadline: day("2024-07-31"), isFinal: false)
    static let final2024 = Campaign(
        key: "F-2024", title: "Consuntivo 2024", asOf: day("2024-12-31"), entryDeadline: day("2025-02-28"), isFinal: true)

    // MARK: create

    // A new campaign always starts "da aprire", whatever state it was given, with its key trimmed.
    @Test func aNewCampaignStartsToBeOpenedWithItsKeyTrimmed() throws {
        var asked = Self.midYear
        asked.key = "  M-2024-06 "
        asked.state = .chiusa
        let created = try CampaignLifecycle.create(asked, on: Self.approved, existing: [])
        #expect(created.key == "M-2024-06")
        #expect(created.state == .daAprire)
        #expect(created.asOf == day("2024-06-30"))
        #expect(created.entryDeadline == day("2024-07-31"))
    }

    // A plan still in bozza takes no campaign: monitoring starts on an approved plan.
    @Test func aPlanInDraftRefusesACampaign() {
        let error = #expect(throws: MonitoringError.self) { try CampaignLifecycle.create(Self.midYear, on: Self.draft, existing: []) }
        #expect(error == .planNotApproved)
        #expect(
            error?.description == "Il piano è ancora in bozza: una campagna di monitoraggio si apre solo su un piano approvato.")
    }

    // Code and title are both required (blank counts as missing).
    @Test func codeAndTitleAreRequired() {
        var noKey = Self.midYear
        noKey.key = "   "
        #expect(throws: MonitoringError.missing("Codice")) { try CampaignLifecycle.create(noKey, on: Self.approved, existing: []) }
        var noTitle = Self.midYear
        noTitle.title = " "
        let error = #expect(throws: MonitoringError.self) { try CampaignLifecycle.create(noTitle, on: Self.approved, existing: []) }
        #expect(error == .missing("Titolo"))
        #expect(error?.description == "Il campo «Titolo» è obbligatorio.")
    }

    // The key is unique in the plan, also when typed with spaces around it.
    @Test func aDuplicateKeyIsRefused() {
        var again = Self.final2024
        again.key = " M-2024-06"
        let error = #expect(throws: MonitoringError.self) { try CampaignLifecycle.create(again, on: Self.approved, existing: [Self.midYear]) }
        #expect(error == .duplicateCampaign("M-2024-06"))
        #expect(error?.description == "Esiste già una campagna con codice \"M-2024-06\" in questo piano.")
    }

    // One final campaign per year: a second "consuntivo" of 2024 is refused, one of 2025 or a mid-year one is not.
    @Test func aSecondFinalCampaignOfTheSameYearIsRefused() throws {
        let second = Campaign(key: "F-2024-bis", title: "Consuntivo 2024 (bis)", asOf: day("2024-12-30"), isFinal: true)
        let error = #expect(throws: MonitoringError.self) {
            try CampaignLifecycle.create(second, on: Self.approved, existing: [Self.midYear, Self.final2024])
        }
        #expect(error == .duplicateFinal("Consuntivo 2024"))
        #expect(
            error?.description == "Esiste già la campagna finale di quell'anno («Consuntivo 2024»): ogni campagna è un'istantanea distinta.")

        let nextYear = Campaign(key: "F-2025", title: "Consuntivo 2025", asOf: day("2025-12-31"), isFinal: true)
        #expect(try CampaignLifecycle.create(nextYear, on: Self.approved, existing: [Self.final2024]).key == "F-2025")
        let september = Campaign(key: "M-2024-09", title: "Monitoraggio al 30/09/2024", asOf: day("2024-09-30"), isFinal: false)
        #expect(try CampaignLifecycle.create(september, on: Self.approved, existing: [Self.final2024]).key == "M-2024-09")
    }

    // The entry deadline may be on the reference date or after it, never before it.
    @Test func anEntryDeadlineBeforeTheReferenceDateIsRefused() throws {
        var early = Self.midYear
        early.entryDeadline = day("2024-06-29")
        let error = #expect(throws: MonitoringError.self) { try CampaignLifecycle.create(early, on: Self.approved, existing: []) }
        #expect(error == .deadlineBeforeReference)
        #expect(error?.description == "La scadenza per l'inserimento non può precedere la data di riferimento.")
        var sameDay = Self.midYear
        sameDay.entryDeadline = day("2024-06-30")
        #expect(try CampaignLifecycle.create(sameDay, on: Self.approved, existing: []).entryDeadline == day("2024-06-30"))
    }

    // MARK: move

    // The whole life: da aprire → aperta → in validazione → chiusa → riaperta (with its reason) → in validazione → chiusa.
    @Test func aCampaignGoesThroughItsStatesAndIsReopenedWithAReason() throws {
        var c = try CampaignLifecycle.create(Self.midYear, on: Self.approved, existing: [])
        c = try CampaignLifecycle.move(c, to: .aperta, reason: nil, plan: Self.approved, allows: Self.everything)
        #expect(c.state == .aperta && c.state.acceptsEntries)
        c = try CampaignLifecycle.move(c, to: .inValidazione, reason: nil, plan: Self.approved, allows: Self.everything)
        #expect(c.state == .inValidazione && !c.state.acceptsEntries)
        c = try CampaignLifecycle.move(c, to: .chiusa, reason: nil, plan: Self.approved, allows: Self.everything)
        #expect(c.state == .chiusa && c.reopenReason == nil)
        c = try CampaignLifecycle.move(
            c, to: .riaperta, reason: "  Errore nel dato del settore Tributi \n", plan: Self.approved, allows: Self.everything)
        #expect(c.state == .riaperta && c.state.acceptsEntries)
        #expect(c.reopenReason == "Errore nel dato del settore Tributi")
        c = try CampaignLifecycle.move(c, to: .inValidazione, reason: nil, plan: Self.approved, allows: Self.everything)
        c = try CampaignLifecycle.move(c, to: .chiusa, reason: nil, plan: Self.approved, allows: Self.everything)
        #expect(c.state == .chiusa)
        #expect(c.reopenReason == "Errore nel dato del settore Tributi")  // the last reopening stays on record
    }

    // A campaign on a plan (back) in bozza cannot be opened.
    @Test func openingOnAPlanInDraftIsRefused() {
        var c = Self.midYear
        c.state = .daAprire
        #expect(throws: MonitoringError.planNotApproved) {
            try CampaignLifecycle.move(c, to: .aperta, reason: nil, plan: Self.draft, allows: Self.everything)
        }
    }

    // Reopening (a closed campaign, or the entries during validation) needs a reason; blanks are no reason.
    @Test func reopeningWithoutAReasonIsRefused() {
        var closed = Self.midYear
        closed.state = .chiusa
        let error = #expect(throws: MonitoringError.self) {
            try CampaignLifecycle.move(closed, to: .riaperta, reason: nil, plan: Self.approved, allows: Self.everything)
        }
        #expect(error == .reasonRequired("Riapri la campagna"))
        #expect(error?.description == "Per «Riapri la campagna» serve una motivazione.")
        var validating = Self.midYear
        validating.state = .inValidazione
        #expect(throws: MonitoringError.reasonRequired("Riapri l'inserimento")) {
            try CampaignLifecycle.move(validating, to: .riaperta, reason: " \n ", plan: Self.approved, allows: Self.everything)
        }
    }

    // Each move needs its permission: the segretario opens and transmits, only the Nucleo closes.
    @Test func aMoveIsForbiddenWhenThePermissionClosureSaysNo() throws {
        var c = Self.midYear
        c.state = .daAprire
        let error = #expect(throws: MonitoringError.self) {
            try CampaignLifecycle.move(c, to: .aperta, reason: nil, plan: Self.approved, allows: Self.nucleo)
        }
        #expect(error == .forbidden("Apri la campagna"))
        #expect(error?.description == "Il tuo ruolo non consente di «Apri la campagna».")
        c = try CampaignLifecycle.move(c, to: .aperta, reason: nil, plan: Self.approved, allows: Self.segretario)
        c = try CampaignLifecycle.move(c, to: .inValidazione, reason: nil, plan: Self.approved, allows: Self.segretario)
        #expect(throws: MonitoringError.forbidden("Chiudi la campagna")) {
            try CampaignLifecycle.move(c, to: .chiusa, reason: nil, plan: Self.approved, allows: Self.segretario)
        }
        #expect(try CampaignLifecycle.move(c, to: .chiusa, reason: nil, plan: Self.approved, allows: Self.nucleo).state == .chiusa)
        #expect(throws: MonitoringError.forbidden("Chiudi la campagna")) {
            try CampaignLifecycle.move(c, to: .chiusa, reason: nil, plan: Self.approved, allows: { _ in false })
        }
    }

    // States follow the table: no skipping, no staying put, nothing after "chiusa" but reopening.
    @Test func skippingAStateOrStayingPutIsRefused() {
        var c = Self.midYear
        c.state = .daAprire
        let error = #expect(throws: MonitoringError.self) {
            try CampaignLifecycle.move(c, to: .chiusa, reason: nil, plan: Self.approved, allows: Self.everything)
        }
        #expect(error == .transitionNotAllowed(from: "Da aprire", to: "Chiusa"))
        #expect(error?.description == "Una campagna «Da aprire» non può passare a «Chiusa».")
        c.state = .aperta
        #expect(throws: MonitoringError.sameState("Aperta")) {
            try CampaignLifecycle.move(c, to: .aperta, reason: nil, plan: Self.approved, allows: Self.everything)
        }
        #expect(CampaignLifecycle.next(from: .inValidazione).map(\.to) == [.riaperta, .chiusa])
        #expect(CampaignLifecycle.next(from: .chiusa).map(\.to) == [.riaperta])
        #expect(CampaignLifecycle.transitions.allSatisfy { $0.to != .daAprire })
        #expect(CampaignState.allCases.filter(\.acceptsEntries) == [.aperta, .riaperta])
    }

    // MARK: decoding

    // Bundles of earlier releases wrote "preparazione" and "validata": they read as "da aprire" and "chiusa".
    @Test func legacyStatesDecodeToTheirNewNames() throws {
        func state(_ raw: String) throws -> CampaignState {
            let json = #"{"key":"M","title":"Monitoraggio","asOf":"2023-06-30","isFinal":false,"state":"\#(raw)"}"#
            return try JSONDecoder().decode(Campaign.self, from: Data(json.utf8)).state
        }
        #expect(try state("preparazione") == .daAprire)
        #expect(try state("validata") == .chiusa)
        #expect(try state("in-validazione") == .inValidazione)
        #expect(try state("riaperta") == .riaperta)
        #expect(throws: DecodingError.self) { try state("archiviata") }
        // Written back, a legacy state takes its new name.
        let legacy = try state("preparazione")
        let encoded = try JSONEncoder().encode([legacy])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["da-aprire"]"#)
    }
}
