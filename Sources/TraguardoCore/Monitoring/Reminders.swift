import Foundation

/// An e-mail the app sends, as it waits in the outbox.
public struct OutboxMessage: Hashable, Sendable, Codable {
    public var recipient: String
    /// nil when the user has no e-mail address: the message stays visible in the pages only.
    public var email: String?
    public var subject: String
    public var body: String

    public init(recipient: String, email: String?, subject: String, body: String) {
        self.recipient = recipient
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
                recipient: r.username, email: r.email, subject: "Promemoria: \(campaign.title) – \(ente)", body: lines.joined(separator: "\n"))
        }
    }
}
