import Foundation

/// Whether a unit's reporting has stalled in an open campaign: the flag the campaign dashboard shows next to it, so
/// the segretario chases the units that need it before the deadline, not after.
public enum UnitActivity {
    /// Days without a change after which a unit that has not submitted counts as stalled.
    public static let staleAfterDays = 14
    /// How close to the deadline a unit with nothing entered is flagged.
    public static let emptyWarningDays = 7

    /// The flag's text, or nil. `lastChange`: the latest change of any of the unit's objectives (nil: none).
    public static func flag(campaign: Campaign, submitted: Bool, hasObjectives: Bool, lastChange: Date?, today: Day) -> String? {
        guard campaign.state.acceptsEntries, !submitted, hasObjectives else { return nil }
        guard let lastChange else {
            guard let deadline = campaign.entryDeadline else { return nil }
            let left = deadline.ordinal - today.ordinal
            if left < 0 { return "nessun dato inserito, scadenza passata" }
            return left <= emptyWarningDays ? "nessun dato inserito, \(left) giorni alla scadenza" : nil
        }
        let day = ItalianFormat.day(of: lastChange)
        let idle = today.ordinal - day.ordinal
        return idle >= staleAfterDays ? "fermo da \(idle) giorni (ultima modifica il \(day.italian))" : nil
    }
}
