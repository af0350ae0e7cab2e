import Foundation
import Testing
import TraguardoCore

/// Seed 004 (Unione Bellusco e Mezzago, Relazione 2020): the six CdR sheets of research/seed-004.md §3.2.
@Suite("Seed 004 acceptance")
struct Seed004Tests {
    static let expected: [(String, String, Double, String)] = [
        ("AG", "AFFARI GENERALI", 99.08, "99,08"), ("EF", "ECONOMICO FINANZIARIA", 99.75, "99,75"),
        ("IST", "ISTRUZIONE – SOCIO EDUCATIVO", 100, "100,00"), ("UT", "UFFICIO TECNICO", 87.71, "87,71"),
        ("PL", "POLIZIA LOCALE", 100, "100,00"), ("SEG", "SEGRETARIO", 100, "100,00"),
    ]

    /// One row per sheet row (own rows after the 5 trasversali); nil = blank grade with its note.
    enum Row { case grade(Double), rinviato, nonValutabile, nonConsuntivato, inherits(String), laterHorizon }

    static let sheets: [String: [Row]] = [
        "AG": [
            .grade(98), .grade(90), .grade(100), .grade(100), .grade(100), .grade(100), .grade(100), .grade(100), .rinviato,
            .laterHorizon, .laterHorizon,
        ],  // obj. 42 and 43 (2021/2022) are not in the 2020 sheet
        "EF": [.grade(100), .grade(100), .grade(98)],
        "IST": [.grade(100), .grade(100), .grade(100)],
        "UT": [
            .grade(90), .grade(100), .nonValutabile, .grade(100), .grade(100), .grade(98), .nonConsuntivato, .nonConsuntivato,
            .nonConsuntivato, .inherits("UT-1"),
        ],  // "Innovazione SUAP": VEDI RENDICONTAZIONE ... → 90
        "PL": [.grade(100), .grade(100)],
        "SEG": [.grade(100)],
    ]

    static func fixture() -> (nodes: [PlanNode], values: [MonitoringValue], units: [OrgUnit]) {
        let units = expected.map { OrgUnit(key: $0.0, code: "", name: $0.1, kind: .cdr) }
        var nodes = (1...5).map { objective("TR-\($0)", units: units.map(\.key), crossCutting: true) }
        var values = (1...5).map { grade("TR-\($0)", direct: 100, status: .inLinea) }
        for (unit, rows) in sheets {
            for (i, row) in rows.enumerated() {
                let key = "\(unit)-\(i + 1)"
                switch row {
                case .grade(let g):
                    nodes.append(objective(key, units: [unit]))
                    values.append(grade(key, direct: g, status: g == 100 ? .inLinea : .nonInLineaAzioniAvviate))
                case .rinviato:
                    nodes.append(objective(key, units: [unit]))
                    values.append(grade(key, status: .rinviato))
                case .nonValutabile:
                    nodes.append(objective(key, units: [unit]))
                    values.append(grade(key, status: .nonValutabile))
                case .nonConsuntivato:
                    nodes.append(objective(key, units: [unit]))
                    values.append(grade(key, status: .nonConsuntivato))
                case .inherits(let k): nodes.append(objective(key, units: [unit], inherits: k))
                case .laterHorizon: nodes.append(objective(key, units: [unit], from: 2021))
                }
            }
        }
        return (nodes, values, units)
    }

    func run(_ m: Methodology) -> ScoreReport {
        let f = Self.fixture()
        return score(f.nodes, values: f.values, units: f.units, methodology: m, asOf: day("2020-12-31"), year: 2020)
    }

    @Test func theSixCdRFiguresFromTheFixture() throws {
        let r = run(try Repo.preset("bellusco-mezzago-2020"))
        for (key, name, value, text) in Self.expected {
            let u = try #require(r.unit(key), "\(name)")
            #expect(u.score == value, "\(name): \(String(describing: u.score))")
            #expect(ScoreFormat.score(u.score, policy: r.methodology.rounding) == text)
        }
        #expect(r.unit("AG")?.counted == 13)
        #expect(r.unit("AG")?.total == 14 + 2)  // 14 sheet rows + the two 2021/2022 objectives left out
        #expect(r.unit("UT")?.total == 15)  // the sheet prints "XXX" here
        #expect(r.unit("UT")?.counted == 14)
        #expect(r.issues.isEmpty)
    }

    @Test func theRejectedHypothesesGiveTheWrongFigures() throws {
        var zero = try Repo.preset("bellusco-mezzago-2020")
        zero.statuses = zero.statuses.map { $0.status == .rinviato ? .init(status: .rinviato, counting: .fixed, value: 0) : $0 }
        #expect(run(zero).unit("AG")?.score == 92.00)  // blank counted as 0
        var drop50 = try Repo.preset("bellusco-mezzago-2020")
        drop50.statuses = drop50.statuses.map { $0.status == .nonConsuntivato ? .init(status: .nonConsuntivato, counting: .excluded) : $0 }
        #expect(run(drop50).unit("UT")?.score == 98.00)  // "non consuntivato" left out
    }

    @Test func explanationsShowTheArithmetic() throws {
        let r = run(try Repo.preset("bellusco-mezzago-2020"))
        let ag = try #require(r.explain(unit: "AG"))
        #expect(ag.sum == 1288)
        #expect(ag.denominator == 13)
        #expect(ag.text.contains("= 1.288 / 13 = 99,08"))
        #expect(ag.text.contains("Rinviato"))
        #expect(ag.text.contains("orizzonte temporale successivo al 2020"))
        let ut = try #require(r.explain(unit: "UT"))
        #expect(ut.text.contains("1.228 / 14 = 87,71"))
        let suap = try #require(r.explain(objective: "UT-10"))
        #expect(suap.outcome == .inherited)
        #expect(suap.text.contains("ne eredita il punteggio 90,00"))
        let nc = try #require(r.explain(objective: "UT-7"))
        #expect(nc.text.contains("valore fisso 50,00"))
    }

    @Test func theTransversalObjectivesAppearInAllSixSheets() throws {
        let r = run(try Repo.preset("bellusco-mezzago-2020"))
        for (key, _, _, _) in Self.expected {
            let e = try #require(r.explain(unit: key))
            #expect(e.counted.filter { $0.key.hasPrefix("TR-") }.count == 5)
        }
    }

    /// The transcribed bundle (DemoData/unione-bellusco-mezzago.json), scored with the preset: same six figures.
    @Test func theBundleGivesTheSameSixFigures() throws {
        guard let bundle = try Repo.bundle("unione-bellusco-mezzago") else { return }
        let m = try Repo.preset("bellusco-mezzago-2020")
        let r = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: m))
        let byName = Dictionary(uniqueKeysWithValues: bundle.units.map { ($0.name, $0.key) })
        for (_, name, value, text) in Self.expected {
            let key = try #require(byName[name], "unit \(name) missing in the bundle")
            let u = try #require(r.unit(key))
            #expect(u.score == value, "\(name): \(String(describing: u.score)) — \(r.explain(unit: key)?.text ?? "")")
            #expect(ScoreFormat.score(u.score, policy: m.rounding) == text)
        }
        #expect(r.issues.filter { $0.message.contains("non coerente") }.isEmpty, "\(r.issues)")
        let summary = try JSONEncoder().encode(r.summary())
        #expect(summary.count > 10_000)
    }
}
