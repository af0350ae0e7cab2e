import Testing
import TraguardoCore

@Suite("Who heads a unit on a given day")
struct OrganisationTests {
    let assignments = [
        Assignment(
            personKey: "chizzoli", unitKey: "02", role: .titolare, validity: DayRange(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-04-30"))),
        Assignment(personKey: "vicario", unitKey: "02", role: .vicario, validity: DayRange(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-12-31"))),
        Assignment(personKey: "interim", unitKey: "03", role: .interim, validity: DayRange(from: Day(iso: "2024-06-01"), to: nil)),
    ]

    @Test func theTitolareAnswersBeforeTheVicario() throws {
        #expect(Responsibility.holder(of: "02", on: try #require(Day(iso: "2024-04-30")), in: assignments)?.personKey == "chizzoli")
    }

    @Test func afterTheTitolareLeavesTheVicarioRemains() throws {
        #expect(Responsibility.holder(of: "02", on: try #require(Day(iso: "2024-05-15")), in: assignments)?.personKey == "vicario")
    }

    @Test func aUnitWithNobodyOnThatDayIsVacant() throws {
        let onlyTitolare = assignments.filter { $0.role == .titolare }
        #expect(Responsibility.holder(of: "02", on: try #require(Day(iso: "2024-05-15")), in: onlyTitolare) == nil)
        #expect(Responsibility.holder(of: "03", on: try #require(Day(iso: "2024-05-31")), in: assignments) == nil)
        #expect(Responsibility.holder(of: "03", on: try #require(Day(iso: "2030-01-01")), in: assignments)?.role == .interim)
    }

    @Test func slugsAreSafeForURLs() {
        #expect(Ente.isValidSlug("cassano-d-adda"))
        #expect(!Ente.isValidSlug("Cassano d'Adda"))
        #expect(!Ente.isValidSlug("-x"))
        #expect(!Ente.isValidSlug("a--b"))
    }
}
