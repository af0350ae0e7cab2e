import Foundation
import Testing
import TraguardoCore
import Vapor

@testable import TraguardoWeb

/// The typed routes: every link the pages build is served by the endpoint it names, and nothing else in the
/// web layer writes a path or reaches for Fluent.
@Suite("Endpoints, links and layers")
struct EndpointTests {
    static let values = PathValues(ente: "alfa", plan: "PIAO 2024/26 è", node: "OB-1?#x", item: "I%1", campaign: "M 30/06 ò", unit: "U-01;a")

    @Test func everyLinkRoutesBackToItsEndpointWithItsValues() throws {
        let router = TrieRouter(Endpoint.self)
        for endpoint in Endpoint.allCases {
            router.register(endpoint, at: [.constant(endpoint.method.rawValue)] + endpoint.pathComponents)
        }
        for endpoint in Endpoint.allCases {
            let path = endpoint.path(Self.values)
            var parameters = Parameters()
            let components = [endpoint.method.rawValue] + path.split(separator: "/").map(String.init)
            let found = router.route(path: components, parameters: &parameters)
            #expect(found == endpoint, "\(path) routes to \(String(describing: found)), not \(endpoint)")
            for segment in endpoint.segments {
                guard let name = segment.parameterName else { continue }
                let expected = [
                    ("ente", Self.values.ente), ("plan", Self.values.plan), ("node", Self.values.node), ("item", Self.values.item),
                    ("campaign", Self.values.campaign), ("unit", Self.values.unit),
                ].first { $0.0 == name }?.1
                #expect(parameters.get(name) == expected, "\(name) of \(path)")
            }
        }
    }

    @Test func signaturesAreUniquePerMethodAndPath() {
        let signatures = Endpoint.allCases.map(\.signature)
        #expect(Set(signatures).count == signatures.count)
        #expect(Endpoint.card.signature == "GET /enti/:ente/piani/:plan/nodi/:node")
        #expect(Links.ente("alfa").plan("P-2024").node("OB-1").removePhase("OB-1-F1") == "/enti/alfa/piani/P-2024/nodi/OB-1/fasi/OB-1-F1/elimina")
        #expect(Links.ente("alfa").methodology(year: 2024, preview: "generale") == "/enti/alfa/metodologia?anno=2024&anteprima=generale")
        #expect(Links.login(next: "/enti/alfa?data=01/02/2024&x=1") == "/login?next=/enti/alfa?data%3D01/02/2024%26x%3D1")
    }

    /// The repository's own files, found from this test file's place.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(under folder: String, ending suffix: String) throws -> [URL] {
        let base = root.appendingPathComponent(folder)
        let items = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return items.filter { $0.path.hasSuffix(suffix) }
    }

    @Test func noTemplateWritesAPath() throws {
        let templates = try Self.files(under: "Sources/TraguardoWeb/Views", ending: ".leaf")
        #expect(templates.count >= 15)
        let pattern = try Regex(#"(href|action|src)="/"#)
        for file in templates {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: pattern) == nil, "\(file.lastPathComponent) writes a path: use a link from the page model")
            #expect(!text.contains("/enti/"), "\(file.lastPathComponent) writes a path")
        }
    }

    @Test func onlyTheConfigurationImportsFluent() throws {
        let sources = try Self.files(under: "Sources/TraguardoWeb", ending: ".swift")
        #expect(sources.count > 20)
        for file in sources where file.lastPathComponent != "configure.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for module in ["Fluent", "FluentKit", "FluentSQL", "SQLKit"] {
                #expect(!text.contains("import \(module)\n"), "\(file.lastPathComponent) imports \(module)")
            }
            #expect(!text.contains("req.db") && !text.contains("Record."), "\(file.lastPathComponent) reaches the database directly")
        }
    }

    @Test func noPathIsBuiltOutsideTheRouting() throws {
        let sources = try Self.files(under: "Sources/TraguardoWeb", ending: ".swift").filter { !$0.path.contains("/Routing/") }
        for file in sources {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("\"/enti") && !text.contains("\"/admin") && !text.contains("\"/login"), "\(file.lastPathComponent) builds a path")
        }
    }
}
