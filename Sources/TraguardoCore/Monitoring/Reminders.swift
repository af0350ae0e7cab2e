import Foundation

/// An e-mail the app sends, as it waits in the outbox.
public struct OutboxMessage: Hashable, Sendable, Codable {
    /// The recipient's username.
    public var recipient: String
    /// Their name as the To header shows it (nil in messages queued by earlier releases).
    public var recipientName: String?
    /// nil when the user has no e-mail address: the message stays visible in the pages only.
    public var email: String?
    public var subject: String
    public var body: String

    public init(recipient: String, recipientName: String? = nil, email: String?, subject: String, body: String) {
        self.recipient = recipient
        self.recipientName = recipientName
        self.email = email
        self.subject = subject
        self.body = body
    }
}

/// Reminders of a campaign: one message to each responsabile of a unit that has not submitted, saying what is
/// missing and how many days are left (or how late it is).
public enum Reminders {
    public struct Recipient: Hashable, Sendable {
        public let username: String
        public let displayName: String
        public let email: String?
        public let unitKeys: Set<String>

        public init(username: String, displayName: String, email: String?, unitKeys: Set<String>) {
            self.username = username
            self.displayName = displayName
            self.email = email
            self.unitKeys = unitKeys
        }
    }

    /// The automatic reminder round due today, named by its scheduled day, or nil. A round missed because the app
    /// was not running is still sent the next day, never later: a week-old reminder would say the wrong thing.
    /// Only open campaigns with a deadline have rounds.
    public static func dueRound(of campaign: Campaign, today: Day) -> Day? {
        guard campaign.state.acceptsEntries, let deadline = campaign.entryDeadline else { return nil }
        let due = campaign.reminderSchedule.map { deadline.ordinal - $0 }.filter { $0 <= today.ordinal && today.ordinal - $0 <= 1 }
        return due.max().map { Day(ordinal: $0) }
    }

    /// The schedule as the segretario writes it: whole numbers of days separated by commas or spaces
    /// ("7, 1, -1"); empty means no automatic reminder.
    public static func parseSchedule(_ text: String) -> Result<[Int], MonitoringError> {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
        var days: [Int] = []
        for part in parts {
            guard let value = Int(part), (-60...365).contains(value) else {
                return .failure(.invalidReminderSchedule(String(part)))
            }
            if !days.contains(value) { days.append(value) }
        }
        return .success(days.sorted(by: >))
    }

    /// "7 giorni prima, 1 giorno prima e 1 giorno dopo la scadenza", or "nessuno".
    public static func describe(_ schedule: [Int]) -> String {
        guard !schedule.isEmpty else { return "nessuno" }
        let parts = schedule.sorted(by: >).map { n -> String in
            let days = abs(n) == 1 ? "1 giorno" : "\(abs(n)) giorni"
            return n == 0 ? "il giorno stesso" : n > 0 ? "\(days) prima" : "\(days) dopo"
        }
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " e " + parts.last!
        return schedule == [0] ? "il giorno della scadenza" : list + " la scadenza"
    }

    public static func compose(
        ente: String, plan: Plan, toDo: MonitoringToDo, submissions: [UnitSubmission], recipients: [Recipient], unitName: (String) -> String,
        today: Day, link: String
    ) -> [OutboxMessage] {
        let submitted = Set(submissions.filter { $0.state == .inviata }.map(\.unitKey))
        let campaign = toDo.campaign
        let when: String
        if let days = toDo.daysLeft(today: today) {
            when =
                days >= 0
                ? "La scadenza è il \(campaign.entryDeadline!.italian) (tra \(days) giorni)."
                : "La scadenza del \(campaign.entryDeadline!.italian) è passata da \(-days) giorni."
        } else {
            when = "La campagna non ha una scadenza fissata."
        }
        return recipients.compactMap { r in
            let pending = r.unitKeys.subtracting(submitted).sorted()
            let items = toDo.items.filter { item in item.unitKeys.contains { pending.contains($0) } }
            guard !pending.isEmpty, !items.isEmpty else { return nil }
            let missing = items.filter { !$0.isComplete }
            var lines = [
                "Gentile \(r.displayName),", "",
                "\(ente) – \(plan.title): la campagna «\(campaign.title)» (dati al \(campaign.asOf.italian)) attende i dati di "
                    + pending.map(unitName).joined(separator: ", ") + ".",
                when, "",
                "Obiettivi completi: \(items.count - missing.count) su \(items.count).",
            ]
            if !missing.isEmpty {
                lines.append("Da completare:")
                lines += missing.map { "- " + [$0.code, $0.title].compactMap { $0 }.joined(separator: " ") }
            }
            lines += ["", "Inserisci i valori e invia i dati del settore: \(link)", "", "Traguardo"]
            return OutboxMessage(
                recipient: r.username, recipientName: r.displayName, email: r.email, subject: "Promemoria: \(campaign.title) – \(ente)",
                body: lines.joined(separator: "\n"))
        }
    }
}
