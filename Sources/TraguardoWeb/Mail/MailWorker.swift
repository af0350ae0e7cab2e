import Foundation
import Logging
import TraguardoCore
import TraguardoMail
import TraguardoPersistence

/// The app's work on e-mail outside requests: it queues the automatic reminders due today and sends what waits in
/// the outbox when SMTP is configured. `serve` runs it once a minute; several instances share one database safely
/// (a reminder round is recorded once, each message is leased to one sender).
public struct MailWorker: Sendable {
    let store: Store
    let settings: MailSettings?
    /// The address of the app as users reach it, for the links in the messages.
    let baseURL: String
    let logger: Logger

    public init(store: Store, settings: MailSettings?, baseURL: String, logger: Logger) {
        self.store = store
        self.settings = settings
        self.baseURL = baseURL
        self.logger = logger
    }

    /// Queues the reminder rounds due today of every open campaign; returns how many messages were queued.
    @discardableResult
    public func queueDueReminders(today: Day) async throws -> Int {
        let enti = try await store.allEnti()
        let byID = Dictionary(uniqueKeysWithValues: enti.map { ($0.id, $0) })
        var queued = 0
        for running in try await store.runningCampaigns(enti: enti.map(\.id)) {
            guard let round = Reminders.dueRound(of: running.campaign, today: today), let ente = byID[running.enteID],
                try await !store.hasReminderRound(plan: running.plan, campaignKey: running.campaign.key, due: round)
            else { continue }
            let messages = try await CampaignReminders.messages(
                store: store, ente: ente, plan: running.plan, campaignKey: running.campaign.key, today: today, baseURL: baseURL)
            if try await store.enqueueScheduledReminders(
                messages, enteID: ente.id, plan: running.plan, campaignKey: running.campaign.key, due: round,
                actor: Actor(id: nil, name: "promemoria automatici"))
            {
                queued += messages.count
                logger.info("promemoria automatici: \(messages.count) messaggi per «\(running.campaign.title)» di \(ente.ente.name)")
            }
        }
        return queued
    }

    /// Sends what is due in the outbox, in batches over one connection; returns (sent, failed) of this pass.
    /// Without SMTP settings nothing is sent and the messages wait, visible in the pages.
    @discardableResult
    public func deliverPending(now: Date = Date(), batch: Int = 50) async throws -> (sent: Int, failed: Int) {
        guard let settings else { return (0, 0) }
        let client = SMTPClient(settings: settings)
        var sent = 0
        var failed = 0
        while true {
            let claimed = try await store.claimOutbox(limit: batch, now: now)
            if claimed.isEmpty { break }
            var sendable: [(ClaimedMessage, MailMessage)] = []
            for item in claimed {
                guard let email = item.message.email else {
                    try await store.recordFailure(of: item.id, error: "l'utente non ha un indirizzo e-mail", retryAt: nil)
                    failed += 1
                    continue
                }
                guard let to = MailAddress(name: item.message.recipientName, address: email) else {
                    try await store.recordFailure(of: item.id, error: "l'indirizzo «\(email)» non è valido", retryAt: nil)
                    failed += 1
                    continue
                }
                sendable.append(
                    (item, MailMessage(id: item.id, from: settings.from, to: to, subject: item.message.subject, body: item.message.body)))
            }
            let results = await client.send(sendable.map(\.1))
            for ((item, _), result) in zip(sendable, results) {
                switch result {
                case .success:
                    try await store.recordDelivery(of: item.id)
                    sent += 1
                case .failure(let error):
                    let retry = error.isPermanent ? nil : RetryPolicy.nextAttempt(afterFailures: item.attempts + 1, from: Date())
                    try await store.recordFailure(of: item.id, error: error.description, retryAt: retry)
                    failed += 1
                    logger.warning("e-mail a \(item.message.recipient) non inviata: \(error)")
                }
            }
            if claimed.count < batch { break }
        }
        return (sent, failed)
    }

    /// Both, every `interval`, until the task is cancelled. A failed pass is logged and the next one tries again.
    public func run(every interval: Duration = .seconds(60)) async {
        while !Task.isCancelled {
            do {
                try await queueDueReminders(today: ItalianFormat.day(of: Date()))
                try await deliverPending()
            } catch {
                logger.error("invio dei promemoria non riuscito: \(String(reflecting: error))")
            }
            try? await Task.sleep(for: interval)
        }
    }
}
