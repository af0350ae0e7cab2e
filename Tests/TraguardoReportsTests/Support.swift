import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoReports

/// The demo enti's bundles with the methodology each is scored with, as the app installs them.
enum Demo {
    static func bundle(_ slug: String) throws -> PlanBundle {
        let url = DemoInstaller.bundledFiles().first { $0.lastPathComponent == "\(slug).json" }!
        return try PlanBundle.decode(try Data(contentsOf: url))
    }

    static let slugs = ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"]

    static func input(_ slug: String, layout: ReportLayout = .init()) throws -> ReportInput {
        let methodology = slug == "unione-bellusco-mezzago" ? MethodologyStore.preset("bellusco-mezzago-2020")! : MethodologyStore.preset("generale")!
        return ReportInput(bundle: try bundle(slug), methodology: methodology, layout: layout, generatedOn: Day(year: 2026, month: 12, day: 7)!)
    }

    /// Every section and subsection, depth first.
    static func sections(_ doc: ReportDocument) -> [ReportSection] {
        func walk(_ s: ReportSection) -> [ReportSection] {
            [s]
                + s.blocks.flatMap { b -> [ReportSection] in
                    if case .section(let child) = b { return walk(child) }
                    return []
                }
        }
        return doc.sections.flatMap(walk)
    }
}
