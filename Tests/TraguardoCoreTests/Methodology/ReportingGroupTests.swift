import Foundation
import Testing

@testable import TraguardoCore

/// Reporting groups, the worked example of `ReportingGroup`: U1 has A (80), U2 has B (60), U3 has C (100) and D (50,
/// validated 70 by the Nucleo). The SMVP's summary prints "Servizi generali" = U1 + U2, and splits U3 into
/// "Tecnico – lavori" (C) and "Tecnico – ambiente" (D).
@Suite("Reporting groups")
struct ReportingGroupTests {
    static let groups = [
        ReportingGroup(key: "generali", name: "Servizi generali", unitKeys: ["U1", "U2"]),
        ReportingGroup(key: "lavori", name: "Tecnico – lavori", objectiveKeys: ["C"]),
        ReportingGroup(key: "ambiente", name: "Tecnico – ambiente", objectiveKeys: ["D", "D"]),
        ReportingGroup(key: "tutto", name: "Ente intero", unitKeys: ["U1", "U2", "U3"], objectiveKeys: ["A"]),
    ]

    func report(_ groups: [ReportingGroup] = Self.groups) -> ScoreReport {
        var m = baseMethodology()
        m.reportingGroups = groups
        return score(
            [objective("A"), objective("B", units: ["U2"]), objective("C", units: ["U3"]), objective("D", units: ["U3"])],
            values: [grade("A", direct: 80), grade("B", direct: 60), grade("C", direct: 100), grade("D", direct: 50)],
            validations: [Validation(campaignKey: "C", nodeKey: "D", kind: .modifica, score: 70, reason: "Ritardo non imputabile")],
            methodology: m)
    }

    @Test func eachGroupHasItsOwnAverageInBothColumns() throws {
        let groups = Dictionary(uniqueKeysWithValues: report().groups.map { ($0.key, $0) })
        #expect(groups["generali"]?.score == 70 && groups["generali"]?.computed == 70)
        #expect(groups["lavori"]?.score == 100)
        #expect(groups["ambiente"]?.computed == 50 && groups["ambiente"]?.score == 70 && groups["ambiente"]?.total == 1)
        // A named twice (in U1 and by key) counts once: (80 + 60 + 100 + 70) / 4.
        #expect(groups["tutto"]?.score == 77.5 && groups["tutto"]?.counted == 4)
        let explanation = try #require(report().explain(group: "tutto")).text
        #expect(explanation.hasPrefix("Raggruppamento «Ente intero»: media semplice di 4 obiettivi conteggiati = (80 + 60 + 100 + 70) / 4"))
        let sheet = ScoreSheet(report())
        #expect(sheet.plainText.contains("Tecnico – ambiente: 50,00 / 70,00 (1 obiettivi conteggiati su 1)"))
    }

    @Test func unknownMembersAreWarnedAndEmptyGroupsRefused() throws {
        let issues = report([ReportingGroup(key: "x", name: "Polizia", unitKeys: ["U9"])]).issues.map(\.message)
        #expect(issues.contains("Raggruppamento «Polizia»: l'unità \"U9\" non è nel piano."))
        var m = baseMethodology()
        m.reportingGroups = [ReportingGroup(key: "vuoto", name: "Vuoto"), ReportingGroup(key: "vuoto", name: "Doppio", unitKeys: ["U1"])]
        let issues2 = m.validate()
        #expect(issues2.contains { $0.severity == .error && $0.path == "reportingGroups.vuoto" })
        #expect(issues2.contains { $0.severity == .warning && $0.path == "reportingGroups" }, "a repeated key is flagged")
        // A methodology file of an earlier release (no groups) still reads.
        let file = try MethodologyFile.encode(baseMethodology())
        #expect(MethodologyFile.check(file).methodology?.reportingGroups == [])
    }
}
