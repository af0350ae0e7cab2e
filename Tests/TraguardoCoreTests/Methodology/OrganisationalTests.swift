import Testing
import TraguardoCore

@Suite("Organisational and individual performance")
struct OrganisationalTests {
    @Test func fourDimensionsOfFiftyPoints() throws {
        let m = try Repo.preset("generale")
        let org = try #require(m.organisational)
        #expect(org.dimensions.map(\.weight) == [25, 20, 25, 30])
        let values: [String: Double] = [
            "spesa-personale": 50, "itp": -2, "debiti-fuori-bilancio": 0.03, "formazione": 22,
            "risultato-amministrazione": 10, "soddisfazione": 72, "tempi-autorizzazioni": 30,
        ]
        let s = OrganisationalScorer.score(org, values: values, enteMean: 90)
        let fin = s.dimensions[0]
        #expect(approx(fin.indicators[0].achievement, 96))  // 48/50 proportional
        #expect(fin.indicators[1].met)  // valore negativo
        #expect(approx(fin.achievement, (96 + 100 + 100) / 3))
        #expect(s.dimensions[1].achievement == 100)
        #expect(s.dimensions[2].achievement == 90)  // capacità di raggiungere i risultati = ente mean
        #expect(approx(s.dimensions[3].achievement, 95))  // (90 + 100) / 2
        let expected = 12.5 * (296.0 / 300) + 10 + 12.5 * 0.9 + 15 * 0.95
        #expect(approx(s.points, expected))
        #expect(s.italianText.hasPrefix("Performance organizzativa: "))
    }

    @Test func comparatorsAndPartialRules() {
        func a(_ c: Comparator, _ t: Double?, _ v: Double, _ p: PartialRule = .proportional) -> Double? {
            let org = OrganisationalPerformance(
                totalPoints: 10,
                dimensions: [
                    OrgDimension(
                        key: "d", name: "D", weight: 100,
                        indicators: [OrgIndicator(key: "i", name: "I", comparator: c, threshold: t, partial: p)])
                ])
            return OrganisationalScorer.score(org, values: ["i": v]).dimensions[0].achievement
        }
        #expect(a(.gte, 22, 11) == 50)
        #expect(a(.gte, 22, 11, .none) == 0)
        #expect(a(.lt, 0.06, 0.05) == 100)
        #expect(approx(a(.lt, 0.06, 0.08), 75))
        #expect(a(.gt, 0, 5) == 100)
        #expect(a(.negative, nil, 3) == 0)
        #expect(a(.positive, nil, 3) == 100)
        #expect(a(.eq, 10, 8) == 80)
    }

    @Test func scoreReportCarriesOrganisationalPoints() throws {
        let m = try Repo.preset("generale")
        let r = ScoringEngine.score(
            ScoringInput(
                methodology: m, nodes: [objective("A")], units: standardUnits,
                values: [grade("A", direct: 80)], campaignKey: "C", asOf: day("2024-12-31"),
                organisationalValues: ["spesa-personale": 40]))
        let org = try #require(r.organisational)
        #expect(org.dimensions[2].achievement == 80)
        #expect(org.totalPoints == 50)
    }

    @Test func criterionScoresAreClampedWithAWarning() throws {
        let scheme = try #require(try Repo.preset("generale").individualSchemes.first)
        let s = IndividualScorer.score(scheme, IndividualInput(criteria: ["tempi": 9]))
        #expect(s.components[0].points == 5)
        #expect(s.warnings.contains { $0.contains("portato a 5") })
        #expect(s.warnings.contains { $0.contains("Manca il punteggio del criterio") })
    }
}
