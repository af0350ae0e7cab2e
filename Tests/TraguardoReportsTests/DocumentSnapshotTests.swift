import Foundation
import SnapshotTesting
import Testing
import TraguardoCore
import TraguardoPersistence

@testable import TraguardoReports

/// Documents as HTML, compared with the copies kept in `__Snapshots__`: a change of layout or of a figure shows up as
/// a reviewable diff. To accept one, delete the snapshot and run again (that run records it and fails once).
@Suite("Document snapshots")
struct DocumentSnapshotTests {
    @Test func cdrSheetsOfSeed004() throws {
        let html = HTMLRenderer.render(ReportGenerator.document(.cdrSheets, try Demo.input("unione-bellusco-mezzago")))
        assertSnapshot(of: html, as: .lines, named: "cdr-sheets")
    }

    @Test func monitoringReportOfCassano() throws {
        let bundle = try #require(try DemoInstaller.demoBundle("cassano-d-adda"))
        let input = ReportInput(
            bundle: bundle, methodology: MethodologyStore.preset("generale")!, methodologyVersion: 2,
            layout: ReportLayout(signatures: [Signature(role: "Il Segretario generale", name: "Dott. Fabrizio Brambilla")]),
            generatedOn: Day(year: 2026, month: 12, day: 7)!)
        assertSnapshot(of: HTMLRenderer.render(ReportGenerator.document(.monitoring, input)), as: .lines, named: "monitoring")
    }
}
