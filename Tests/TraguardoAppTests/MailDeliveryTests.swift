import Foundation
import Logging
import Testing
import TraguardoCore
import TraguardoMail
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

/// Automatic reminders and the outbox's delivery, on the test database (SQLite, and PostgreSQL when configured).
@Suite("Automatic reminders and e-mail delivery", .serialized)
struct MailDeliveryTests {
    static let deadline = Day(year: 2024, month: 7, day: 31)!
    static let from = MailAddress(parsing: "Traguardo <performance@alfa.example.it>")!

    func day(_ offset: Int) -> Day { Self.deadline.adding(days: offset) }

    /// The fixture with an open campaign due on 31/07/2024 and a second responsabile of U-01 who has an address.
    func prepare(_ app: Application) async throws -> (Fixture, StoredPlan) {
        let fixture = try await Fixture.install(on: app)
        let plan = try await Fixture.openCampaign(
            "M-06", asOf: Day(year: 2024, month: 6, day: 30)!, deadline: Self.deadline, on: app, enteID: fixture.alfaID)
        try await app.userStore.create(
            NewUser(
                username: "bianchi", displayName: "Giulia Bianchi", password: Fixture.password,
                grants: [Grant(enteID: fixture.alfaID, role: .responsabile, unitIDs: [fixture.unitA1])], email: "giulia.bianchi@alfa.example.it"),
            on: app.db, actor: .system)
        return (fixture, plan)
    }

    func worker(_ app: Application, settings: MailSettings? = nil) -> MailWorker {
        MailWorker(store: app.store, settings: settings, baseURL: "https://performance.alfa.example.it", logger: Logger(label: "test"))
    }

    @Test func eachRoundOfTheScheduleIsQueuedOnceOnItsDayEvenWithTwoInstances() async throws {
        try await withTestApp { app in
            let (fixture, _) = try await prepare(app)
            let worker = worker(app)
            #expect(try await worker.queueDueReminders(today: day(-10)) == 0, "no round is due ten days before")
            // A week before: one message to each responsabile of U-01; two instances at once queue it once.
            async let first = worker.queueDueReminders(today: day(-7))
            async let second = self.worker(app).queueDueReminders(today: day(-7))
            #expect(try await first + second == 2)
            #expect(try await worker.queueDueReminders(today: day(-7)) == 0)
            // The app was down on the day: the round goes out the day after, not later.
            #expect(try await worker.queueDueReminders(today: day(-6)) == 0)
            #expect(try await worker.queueDueReminders(today: day(-1)) == 2)
            #expect(try await worker.queueDueReminders(today: day(1)) == 2)
            let outbox = try await app.store.outbox(enteID: fixture.alfaID, campaignKey: "M-06")
            #expect(outbox.count == 6)
            let late = try #require(outbox.first { $0.message.recipient == "bianchi" })
            #expect(late.message.body.contains("La scadenza del 31/07/2024 è passata da 1 giorni."))
            #expect(late.message.body.contains("https://performance.alfa.example.it/enti/alfa/piani/P-2024/monitoraggio/M-06"))
            #expect(late.message.recipientName == "Giulia Bianchi")
            // The audit trail says who queued them.
            let audit = try await app.store.audit(AuditLog.Filter(enteIDs: [fixture.alfaID], actorName: "promemoria automatici"))
            #expect(!audit.isEmpty)
        }
    }

    @Test func aUnitThatSubmittedGetsNoReminderAndAClosedCampaignNone() async throws {
        try await withTestApp { app in
            let (fixture, plan) = try await prepare(app)
            try await app.store.submit(unit: "U-01", campaign: "M-06", on: day(-8), in: plan, actor: .system)
            #expect(try await worker(app).queueDueReminders(today: day(-7)) == 0)
            #expect(try await app.store.outbox(enteID: fixture.alfaID, campaignKey: "M-06").isEmpty)
        }
    }

    @Test(.enabled(if: SMTPSink.isAvailable, "aiosmtpd non installato"))
    func theOutboxIsSentToARealSMTPServerAndSaysWhatHappenedToEachMessage() async throws {
        try await withTestApp { app in
            let (fixture, _) = try await prepare(app)
            let sink = try SMTPSink()
            let worker = worker(app, settings: MailSettings(host: "127.0.0.1", port: sink.port, security: .none, from: Self.from))
            try await worker.queueDueReminders(today: day(-7))
            let pass = try await worker.deliverPending()
            #expect(pass.sent == 1)
            #expect(pass.failed == 1)
            let received = try sink.received()
            #expect(received.map(\.rcptTos) == [["giulia.bianchi@alfa.example.it"]])
            #expect(received.first?.data.contains("To: Giulia Bianchi <giulia.bianchi@alfa.example.it>") == true)
            let outbox = try await app.store.outbox(enteID: fixture.alfaID, campaignKey: "M-06")
            #expect(outbox.first { $0.message.recipient == "bianchi" }?.sentAt != nil)
            let noAddress = try #require(outbox.first { $0.message.recipient == "responsabile" })
            #expect(noAddress.failedAt != nil)
            #expect(noAddress.lastError == "l'utente non ha un indirizzo e-mail")
            // Nothing is sent twice.
            #expect(try await worker.deliverPending() == (0, 0))
            #expect(try sink.received().count == 1)

            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let page = try await segretario.send(.GET, "/enti/alfa/piani/P-2024/monitoraggio/M-06").body.string
            #expect(page.contains("inviato il "))
            #expect(
                page.contains("non inviato: l&#39;utente non ha un indirizzo e-mail")
                    || page.contains("non inviato: l'utente non ha un indirizzo e-mail"))
            #expect(page.contains("Promemoria automatici"))
        }
    }

    @Test func aServerThatIsDownIsRetriedLaterAndFinallyGivenUpWithTheReason() async throws {
        try await withTestApp { app in
            let (fixture, _) = try await prepare(app)
            let port = try SMTPSink.freePort()
            let worker = worker(app, settings: MailSettings(host: "127.0.0.1", port: port, security: .none, from: Self.from, timeout: .seconds(2)))
            try await worker.queueDueReminders(today: day(-7))
            #expect(try await worker.deliverPending().failed == 2)
            func bianchi() async throws -> QueuedMessage {
                try #require(try await app.store.outbox(enteID: fixture.alfaID, campaignKey: "M-06").first { $0.message.recipient == "bianchi" })
            }
            var queued = try await bianchi()
            #expect(queued.attempts == 1)
            #expect(queued.failedAt == nil)
            #expect(queued.lastError?.contains("non raggiungibile") == true)
            let retry = try #require(queued.nextAttemptAt)
            #expect(retry.timeIntervalSinceNow > 30 && retry.timeIntervalSinceNow < 90)
            // Not due again before its time.
            #expect(try await worker.deliverPending() == (0, 0))
            for _ in RetryPolicy.delays {
                _ = try await worker.deliverPending(now: Date().addingTimeInterval(86_400))
            }
            queued = try await bianchi()
            #expect(queued.attempts == RetryPolicy.delays.count + 1)
            #expect(queued.failedAt != nil)
            #expect(queued.sentAt == nil)
        }
    }

    @Test func twoSendersNeverTakeTheSameMessage() async throws {
        try await withTestApp { app in
            let (fixture, _) = try await prepare(app)
            let messages = (1...20).map { OutboxMessage(recipient: "u\($0)", email: "u\($0)@alfa.example.it", subject: "s", body: "b") }
            try await app.store.enqueue(messages, enteID: fixture.alfaID, campaignKey: "M-06", actor: .system)
            async let a = app.store.claimOutbox(limit: 15)
            async let b = app.store.claimOutbox(limit: 15)
            let (first, second) = try await (a, b)
            #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            // The loser of a race for the same rows takes none of them; what neither took is there for the next round.
            let rest = try await app.store.claimOutbox(limit: 50)
            #expect(Set(first.map(\.id)).union(second.map(\.id)).isDisjoint(with: rest.map(\.id)))
            #expect(first.count + second.count + rest.count == 20)
            // A lease that ends (a sender that died) frees its messages for another.
            #expect(try await app.store.claimOutbox(limit: 50).isEmpty)
            #expect(try await app.store.claimOutbox(limit: 50, now: Date().addingTimeInterval(600)).count == 20)
        }
    }
}
