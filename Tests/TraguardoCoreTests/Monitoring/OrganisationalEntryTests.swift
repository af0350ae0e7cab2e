import Testing

@testable import TraguardoCore

/// What the segretario enters for organisational performance, and how a campaign's figures reach the scores.
@Suite("Organisational figures in a campaign")
struct OrganisationalEntryTests {
    /// Two dimensions of 20 points: one measured by two indicators, one whose achievement is entered as a percent,
    /// and one fed by the ente's mean (nothing to enter).
    static let org = OrganisationalPerformance(
        totalPoints: 20,
        dimensions: [
            OrgDimension(
                key: "fin", name: "Salute finanziaria", weight: 50,
                indicators: [
                    OrgIndicator(key: "itp", name: "Tempestività dei pagamenti", comparator: .negative),
                    OrgIndicator(key: "personale", name: "Spesa di personale (%)", comparator: .lte, threshold: 48),
                ]),
            OrgDimension(key: "benessere", name: "Benessere organizzativo", weight: 25, source: .entered),
            OrgDimension(key: "risultati", name: "Risultati", weight: 25, source: .enteMean),
        ])

    func campaign(_ state: CampaignState) -> Campaign {
        Campaign(key: "C", title: "Al 30/06", asOf: Day(year: 2024, month: 6, day: 30)!, isFinal: false, state: state)
    }

    @Test func theFormAsksForEachIndicatorAndEachEnteredDimensionOnly() {
        let fields = OrganisationalEntry.fields(of: Self.org)
        #expect(fields.map(\.key) == ["itp", "personale", "benessere"])
        #expect(fields.map(\.target) == ["valore negativo", "≤ 48", "percentuale 0–100"])
        #expect(fields[2].isDimension && fields[2].dimensionName == "Benessere organizzativo")
    }

    @Test func figuresAreCheckedAgainstTheMethodologyAndTheCampaign() throws {
        let ok = [OrganisationalValue(campaignKey: "C", key: "itp", value: -3), OrganisationalValue(campaignKey: "C", key: "benessere", value: 80)]
        try OrganisationalEntry.check(ok, methodology: Self.org, campaign: campaign(.aperta))
        try OrganisationalEntry.check(ok, methodology: Self.org, campaign: campaign(.inValidazione))
        #expect(throws: MonitoringError.notOpen("Chiusa")) { try OrganisationalEntry.check(ok, methodology: Self.org, campaign: campaign(.chiusa)) }
        #expect(throws: MonitoringError.noOrganisationalPerformance) {
            try OrganisationalEntry.check(ok, methodology: nil, campaign: campaign(.aperta))
        }
        #expect(throws: MonitoringError.unknownOrganisationalIndicator("risultati")) {
            try OrganisationalEntry.check([.init(campaignKey: "C", key: "risultati", value: 90)], methodology: Self.org, campaign: campaign(.aperta))
        }
        #expect(throws: MonitoringError.self) {
            try OrganisationalEntry.check([.init(campaignKey: "C", key: "benessere", value: 120)], methodology: Self.org, campaign: campaign(.aperta))
        }
        #expect(throws: MonitoringError.self) {
            try OrganisationalEntry.check(ok + [.init(campaignKey: "C", key: "itp", value: 1)], methodology: Self.org, campaign: campaign(.aperta))
        }
    }

    @Test func eachCampaignScoresWithItsOwnFiguresAndMissingDimensionsAreNotRilevato() throws {
        let plan = Plan(key: "P", title: "P", firstYear: 2024, lastYear: 2024, year: 2024)
        let mid = Campaign(key: "M", title: "Al 30/06", asOf: Day(year: 2024, month: 6, day: 30)!, isFinal: false)
        let final = Campaign(key: "F", title: "Al 31/12", asOf: Day(year: 2024, month: 12, day: 31)!, isFinal: true)
        let bundle = PlanBundle(
            ente: Ente(slug: "e", name: "E", kind: .comune), plan: plan, campaigns: [mid, final],
            organisationalValues: [
                .init(campaignKey: "M", key: "itp", value: 4), .init(campaignKey: "M", key: "personale", value: 60),
                .init(campaignKey: "F", key: "itp", value: -1), .init(campaignKey: "F", key: "benessere", value: 70),
            ])
        var methodology = Methodology(id: "t", name: "t", validFrom: 2024, source: "test")
        methodology.organisational = Self.org
        // Mid-year: itp 4 days late (not negative: 0%), staff cost 60% against ≤ 48 (48/60 = 80%) → 40% of 10 points.
        let atMid = try #require(ScoringEngine.score(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: "M")).organisational)
        #expect(atMid.dimensions[0].achievement == 40 && atMid.dimensions[0].points == 4)
        #expect(atMid.dimensions[1].achievement == nil)
        #expect(atMid.unmeasured == ["Benessere organizzativo", "Risultati"])
        #expect(atMid.italianText.contains("Benessere organizzativo non rilevato (su 5)"))
        #expect(atMid.italianText.contains("4 punti su 20 (parziale: 2 dimensioni non rilevate)"))
        // Final: the final campaign's own figures, never the mid-year ones.
        let atEnd = try #require(ScoringEngine.score(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: "F")).organisational)
        #expect(atEnd.dimensions[0].indicators.map(\.value) == [-1, nil])
        #expect(atEnd.dimensions[0].achievement == 100)
        #expect(atEnd.dimensions[1].achievement == 70 && atEnd.dimensions[1].points == 3.5)
        // Nothing at all entered: no organisational score, not zero points.
        let none = OrganisationalScorer.score(Self.org, values: [:])
        #expect(!none.isMeasured)
        #expect(none.italianText == "Performance organizzativa: non rilevata (nessun valore inserito).")
    }
}
