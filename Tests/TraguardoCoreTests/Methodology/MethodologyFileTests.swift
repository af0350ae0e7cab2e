import Foundation
import Testing

@testable import TraguardoCore

/// A methodology is a file: written the same way every time, read back equal, and a bad file is refused naming the
/// rule by its path, in Italian.
@Suite("Methodology files")
struct MethodologyFileTests {
    @Test(arguments: ["generale", "leggiuno-2024", "bellusco-mezzago-2020"])
    func everyPresetRoundTripsToTheSameBytes(name: String) throws {
        let preset = try Repo.preset(name)
        let file = try MethodologyFile.encode(preset)
        let (read, issues) = MethodologyFile.check(file)
        #expect(read == preset)
        #expect(!issues.contains { $0.severity == .error }, "\(issues)")
        #expect(try MethodologyFile.encode(try #require(read)) == file)
    }

    @Test func absentLimitsStayAbsentAfterARoundTrip() throws {
        // Uncapped ratios and unchecked weight sums are written as null: a missing key would read back as 100.
        var m = try Repo.preset("generale")
        m.indicators.higherBetter.cap = nil
        m.weights = WeightPolicy(expectedPerUnit: nil, expectedPerObjective: nil)
        m.indicators.date.maxDelay = 6
        let read = try #require(MethodologyFile.check(try MethodologyFile.encode(m)).methodology)
        #expect(read.indicators.higherBetter.cap == nil)
        #expect(read.weights?.expectedPerUnit == nil && read.weights?.expectedPerObjective == nil)
        #expect(read.indicators.date.maxDelay == 6)
        #expect(read == m)
    }

    @Test func aBadFileNamesTheRuleAndSaysWhatIsWrong() throws {
        var json = String(decoding: try MethodologyFile.encode(try Repo.preset("generale")), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"lateStep\" : \"mezzo-mese\"", with: "\"lateStep\" : \"settimane\"")
        let (read, issues) = MethodologyFile.check(Data(json.utf8))
        #expect(read == nil)
        #expect(issues.first?.path == "indicators.date.lateStep")
        #expect(MethodologyFile.check(Data("non è json".utf8)).issues.first?.message == "il file non è un JSON valido.")

        var m = try Repo.preset("generale")
        m.indicators.date.maxDelay = 0
        let (_, invalid) = MethodologyFile.check(try MethodologyFile.encode(m))
        #expect(invalid.contains { $0.path == "indicators.date.maxDelay" && $0.severity == .error })
    }

    @Test func organisationalRulesTakeTheirDefaultsWhenLeftOut() throws {
        let json = """
            {"id": "m", "name": "M", "validFrom": 2025, "source": "SMVP 2025",
             "organisational": {"totalPoints": 30, "dimensions": [
               {"key": "fin", "name": "Salute finanziaria", "weight": 100,
                "indicators": [{"key": "itp", "name": "Tempestività dei pagamenti", "comparator": "negativo"}]}]}}
            """
        let (m, issues) = MethodologyFile.check(Data(json.utf8))
        #expect(!issues.contains { $0.severity == .error }, "\(issues)")
        let dimension = try #require(m?.organisational?.dimensions.first)
        #expect(dimension.source == .indicators && dimension.indicators.first?.partial == .proportional)

        let scheme = """
            {"id": "m", "name": "M", "validFrom": 2025, "source": "SMVP 2025",
             "individualSchemes": [{"key": "dir", "name": "Dirigenti", "totalPoints": 100,
               "components": [{"key": "obiettivi", "name": "Obiettivi", "maxPoints": 100, "kind": "obiettivi"}]}]}
            """
        let read = MethodologyFile.check(Data(scheme.utf8))
        #expect(read.methodology?.individualSchemes.first?.payShares == [], "\(read.issues)")
        #expect(read.methodology?.individualSchemes.first?.components.first?.criteria == [])
    }

    @Test func aNewVersionIsReadAsTheLinesItChanged() throws {
        let before = try Repo.preset("generale")
        var after = before
        after.indicators.date.lateStep = .monthsAndHalf
        after.indicators.date.dueOnReferenceDay = true
        let diff = MethodologyFile.diff(before, after)
        #expect(diff.contains("- \"lateStep\" : \"mezzo-mese\","))
        #expect(diff.contains("+ \"lateStep\" : \"mesi-e-mezzo\","))
        #expect(diff.contains("+ \"dueOnReferenceDay\" : true,"))
        #expect(MethodologyFile.diff(before, before).isEmpty)
    }
}
