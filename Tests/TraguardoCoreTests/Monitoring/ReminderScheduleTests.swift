import Foundation
import Testing

@testable import TraguardoCore

@Suite("Automatic reminders and stale flags")
struct ReminderScheduleTests {
    let deadline = Day(year: 2025, month: 7, day: 31)!

    func campaign(_ days: [Int]? = nil, state: CampaignState = .aperta, deadline: Day? = Day(year: 2025, month: 7, day: 31)!) -> Campaign {
        Campaign(
            key: "M", title: "M", asOf: Day(year: 2025, month: 6, day: 30)!, entryDeadline: deadline, isFinal: false, state: state, reminderDays: days
        )
    }

    func day(_ month: Int, _ d: Int) -> Day { Day(year: 2025, month: month, day: d)! }

    @Test func theDefaultScheduleIsAWeekBeforeTheDayBeforeAndTheDayAfter() {
        #expect(Reminders.dueRound(of: campaign(), today: day(7, 23)) == nil)
        #expect(Reminders.dueRound(of: campaign(), today: day(7, 24)) == day(7, 24))
        // Missed yesterday (the app was down): still sent today, and named by its own day.
        #expect(Reminders.dueRound(of: campaign(), today: day(7, 25)) == day(7, 24))
        #expect(Reminders.dueRound(of: campaign(), today: day(7, 26)) == nil)
        #expect(Reminders.dueRound(of: campaign(), today: day(7, 30)) == day(7, 30))
        #expect(Reminders.dueRound(of: campaign(), today: day(7, 31)) == day(7, 30))
        #expect(Reminders.dueRound(of: campaign(), today: day(8, 1)) == day(8, 1))
        #expect(Reminders.dueRound(of: campaign(), today: day(8, 3)) == nil)
    }

    @Test func noRoundWithoutADeadlineOnAClosedCampaignOrAnEmptySchedule() {
        #expect(Reminders.dueRound(of: campaign(deadline: nil), today: day(7, 24)) == nil)
        #expect(Reminders.dueRound(of: campaign(state: .inValidazione), today: day(7, 24)) == nil)
        #expect(Reminders.dueRound(of: campaign([]), today: day(7, 24)) == nil)
        #expect(Reminders.dueRound(of: campaign([3]), today: day(7, 28)) == day(7, 28))
        // Across a month's end: 10 days before 05/08 is 26/07.
        #expect(Reminders.dueRound(of: campaign([10], deadline: day(8, 5)), today: day(7, 26)) == day(7, 26))
    }

    @Test func theScheduleIsWrittenAsDaysAndReadBackInWords() throws {
        #expect(try Reminders.parseSchedule("7, 1, -1").get() == [7, 1, -1])
        #expect(try Reminders.parseSchedule("1;7 7").get() == [7, 1])
        #expect(try Reminders.parseSchedule("").get() == [])
        guard case .failure(let error) = Reminders.parseSchedule("7, domani") else {
            Issue.record("accepted a word")
            return
        }
        #expect(error.description.contains("«domani»"))
        #expect(Reminders.describe([7, 1, -1]) == "7 giorni prima, 1 giorno prima e 1 giorno dopo la scadenza")
        #expect(Reminders.describe([]) == "nessuno")
        #expect(Reminders.describe([0]) == "il giorno della scadenza")
    }

    @Test func aCampaignOfAnEarlierReleaseHasTheDefaultSchedule() throws {
        let json = #"{"key":"M","title":"M","asOf":"2025-06-30","entryDeadline":"2025-07-31","isFinal":false,"state":"aperta"}"#
        let decoded = try JSONDecoder().decode(Campaign.self, from: Data(json.utf8))
        #expect(decoded.reminderSchedule == [-1, 1, 7])
    }

    @Test func aUnitIsFlaggedWhenItStallsOrIsStillEmptyNearTheDeadline() {
        let c = campaign()
        func at(_ d: Day) -> Date {
            var components = DateComponents()
            (components.year, components.month, components.day, components.hour) = (d.year, d.month, d.day, 10)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Rome")!
            return calendar.date(from: components)!
        }
        #expect(UnitActivity.flag(campaign: c, submitted: false, hasObjectives: true, lastChange: nil, today: day(7, 10)) == nil)
        #expect(
            UnitActivity.flag(campaign: c, submitted: false, hasObjectives: true, lastChange: nil, today: day(7, 26))
                == "nessun dato inserito, 5 giorni alla scadenza")
        #expect(
            UnitActivity.flag(campaign: c, submitted: false, hasObjectives: true, lastChange: nil, today: day(8, 2))
                == "nessun dato inserito, scadenza passata")
        #expect(UnitActivity.flag(campaign: c, submitted: false, hasObjectives: true, lastChange: at(day(7, 1)), today: day(7, 14)) == nil)
        #expect(
            UnitActivity.flag(campaign: c, submitted: false, hasObjectives: true, lastChange: at(day(7, 1)), today: day(7, 15))
                == "fermo da 14 giorni (ultima modifica il 01/07/2025)")
        #expect(UnitActivity.flag(campaign: c, submitted: true, hasObjectives: true, lastChange: nil, today: day(8, 2)) == nil)
        #expect(
            UnitActivity.flag(campaign: campaign(state: .chiusa), submitted: false, hasObjectives: true, lastChange: nil, today: day(8, 2)) == nil)
    }
}
