import Foundation
import Testing
import TraguardoCore

@Suite("Methodology validation and presets")
struct MethodologyValidationTests {
    static let presets = ["generale", "bellusco-mezzago-2020", "leggiuno-2024"]

    @Test(arguments: presets) func presetsDecodeValidateAndDocumentTheirSources(name: String) throws {
        let m = try Repo.preset(name)
        #expect(m.id == name)
        #expect(!m.source.isEmpty)
        #expect(!m.ruleSources.isEmpty)
        #expect(m.ruleSources.allSatisfy { !$0.document.isEmpty })
        #expect(m.validate().isEmpty, "\(m.validate())")
        let again = try JSONDecoder().decode(Methodology.self, from: JSONEncoder().encode(m))
        #expect(again == m)
    }

    @Test func olderOrPartialMethodologiesDecodeWithDefaults() throws {
        let json =
            #"{"id":"minima","name":"Minima","validFrom":2024,"source":"SMVP","indicators":{"higherBetter":{"cap":null}},"rounding":{"decimals":1}}"#
        let m = try JSONDecoder().decode(Methodology.self, from: Data(json.utf8))
        #expect(m.indicators.higherBetter.cap == nil)  // explicit null = uncapped
        #expect(m.indicators.date.achievedWithoutDateScore == 87.5)  // missing = default
        #expect(m.rounding == RoundingPolicy(when: .end, decimals: 1, mode: .halfUp))
        #expect(m.statuses == StatusTreatment.defaults)
        #expect(m.version == 1 && m.weights == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Methodology.self, from: Data(#"{"id":"x"}"#.utf8)) }
    }

    @Test func switchingPresetChangesScoresAndExplanations() throws {
        let f = Seed004Tests.fixture()
        let plan = PlanCompiler.compile(
            ScoringInput(
                methodology: try Repo.preset("generale"), nodes: f.nodes, units: f.units,
                values: f.values, campaignKey: "C", asOf: day("2020-12-31"), year: 2020))
        let bellusco = ScoringEngine.score(plan, with: PreparedMethodology(try Repo.preset("bellusco-mezzago-2020")))
        let generale = ScoringEngine.score(plan, with: PreparedMethodology(try Repo.preset("generale")))
        #expect(bellusco.unit("UT")?.score == 87.71)
        #expect(generale.unit("UT")?.score == 77)  // "non consuntivato" counts 0 in the general preset
        #expect(generale.explain(objective: "UT-7")?.text.contains("valore fisso 0,00") == true)
        let changes = generale.changes(from: bellusco)
        #expect(changes.filter { $0.level == .objective }.map(\.key).sorted() == ["UT-7", "UT-8", "UT-9"])
        #expect(changes.contains { $0.level == .unit && $0.key == "UT" && $0.before == 87.71 && $0.after == 77 })
        #expect(!changes.contains { $0.level == .unit && $0.key == "AG" })
    }

    func messages(_ change: (inout Methodology) -> Void) throws -> [String] {
        var m = try Repo.preset("generale")
        change(&m)
        return m.validate().map(\.message)
    }

    @Test func italianMessagesForBrokenMethodologies() throws {
        #expect(try messages { $0.organisational!.dimensions[0].weight = 30 }.contains("I pesi delle dimensioni sommano a 105, non a 100."))
        #expect(try messages { $0.statuses[3].value = nil }.contains("Valore fisso mancante per lo stato «Non consuntivato»."))
        #expect(try messages { $0.nucleo.reasonRequired = false }.contains { $0.contains("motivazione del Nucleo non è obbligatoria") })
        #expect(
            try messages { $0.individualSchemes[0].components[2].maxPoints = 30 }.contains(
                "Le componenti della scheda «Scheda di valutazione dei responsabili (EQ)» sommano a 90 punti, non a 100."))
        #expect(
            try messages { $0.individualSchemes[0].payShares[0].percent = 25 }.contains(
                "La quota «Rispetto dei tempi di pagamento» (25%) è inferiore al minimo previsto (30%)."))
        #expect(
            try messages { $0.indicators.higherBetter.bands = [.init(from: 50, score: 50), .init(from: 25, score: 75)] }.contains {
                $0.contains("soglie crescenti")
            })
        #expect(try messages { $0.objectives.sources = [] }.contains { $0.contains("Nessuna fonte di punteggio") })
        #expect(try messages { $0.rounding.decimals = 9 }.contains("I decimali di arrotondamento devono essere tra 0 e 6."))
        #expect(try messages { $0.source = " " }.contains { $0.hasPrefix("Fonte della metodologia mancante") })
        #expect(try messages { $0.organisational!.dimensions[0].indicators[0].threshold = nil }.contains { $0.contains("Soglia mancante") })
        #expect(try messages { $0.indicators.higherBetter.floor = 120 }.contains("La soglia minima (120%) supera il tetto (100%)."))
    }
}
