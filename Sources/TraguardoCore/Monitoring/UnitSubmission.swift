/// A unit's hand-over of its entries in a campaign: the responsabile submits, the segretario may give it back.
public struct UnitSubmission: Hashable, Sendable, Codable {
    public var campaignKey: String
    public var unitKey: String
    public var state: SubmissionState
    public var on: Day?
    /// Who submitted or gave it back.
    public var by: String?
    /// Why it was given back.
    public var note: String?

    public init(campaignKey: String, unitKey: String, state: SubmissionState, on: Day? = nil, by: String? = nil, note: String? = nil) {
        self.campaignKey = campaignKey
        self.unitKey = unitKey
        self.state = state
        self.on = on
        self.by = by
        self.note = note
    }
}

public enum SubmissionState: String, CaseIterable, Sendable, Codable {
    case inviata, restituita

    public var label: String {
        switch self {
        case .inviata: "Inviato"
        case .restituita: "Restituito per modifiche"
        }
    }
}

/// The minutes (verbale) of a Nucleo di Valutazione meeting on a campaign.
public struct Minutes: Hashable, Sendable, Codable {
    public var campaignKey: String
    public var number: String
    public var date: Day
    public var place: String
    public var members: [String]
    public var agenda: String
    public var decisions: String

    public init(campaignKey: String, number: String, date: Day, place: String, members: [String], agenda: String, decisions: String) {
        self.campaignKey = campaignKey
        self.number = number
        self.date = date
        self.place = place
        self.members = members
        self.agenda = agenda
        self.decisions = decisions
    }

    /// "Verbale n. 2 del 13/12/2021", as validations cite it.
    public var label: String { "Verbale n. \(number) del \(date.italian)" }
}
