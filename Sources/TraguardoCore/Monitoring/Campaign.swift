/// A monitoring round ("Monitoraggio al 30/06/2024", "Consuntivo 2024") in which owners enter actuals. Each
/// campaign is its own snapshot: the final one never overwrites the mid-year one.
public struct Campaign: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    /// The reference date: values are "as of" this day, deadlines after it are not yet due, the units and their
    /// responsabili are those in office on it.
    public var asOf: Day
    /// The last day owners may enter values (nil: no deadline set).
    public var entryDeadline: Day?
    public var isFinal: Bool
    public var state: CampaignState
    /// Why the campaign was last reopened after closing.
    public var reopenReason: String?
    /// When automatic reminders go to the units that have not submitted: days before the entry deadline (7 = a
    /// week before; -1 = the day after, to the late ones). nil: `defaultReminderDays`; empty: none.
    public var reminderDays: [Int]?

    public static let defaultReminderDays = [7, 1, -1]

    /// The days of automatic reminders in force, latest first.
    public var reminderSchedule: [Int] { (reminderDays ?? Self.defaultReminderDays).sorted() }

    public init(
        key: String, title: String, asOf: Day, entryDeadline: Day? = nil, isFinal: Bool, state: CampaignState = .aperta,
        reopenReason: String? = nil, reminderDays: [Int]? = nil
    ) {
        self.key = key
        self.title = title
        self.asOf = asOf
        self.entryDeadline = entryDeadline
        self.isFinal = isFinal
        self.state = state
        self.reopenReason = reopenReason
        self.reminderDays = reminderDays
    }
}

/// Where a campaign stands. Entries are taken while it is open (or reopened); the Nucleo works on it in
/// validation; closing freezes entries and scores.
public enum CampaignState: String, CaseIterable, Sendable, Codable {
    case daAprire = "da-aprire"
    case aperta
    case inValidazione = "in-validazione"
    case chiusa
    case riaperta

    public var label: String {
        switch self {
        case .daAprire: "Da aprire"
        case .aperta: "Aperta"
        case .inValidazione: "In validazione"
        case .chiusa: "Chiusa"
        case .riaperta: "Riaperta"
        }
    }

    /// Owners may enter and change values.
    public var acceptsEntries: Bool { self == .aperta || self == .riaperta }

    /// Earlier releases wrote "preparazione" and "validata": they read as "da aprire" and "chiusa".
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        switch raw {
        case "preparazione": self = .daAprire
        case "validata": self = .chiusa
        default:
            guard let state = CampaignState(rawValue: raw) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "Stato della campagna sconosciuto «\(raw)»"))
            }
            self = state
        }
    }
}
