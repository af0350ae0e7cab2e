/// Everything one scoring run needs: the plan data of one ente, one campaign's values and validations,
/// the day the scores are "as of" and the methodology.
public struct ScoringInput: Sendable {
    public var methodology: Methodology
    public var nodes: [PlanNode]
    public var indicators: [Indicator]
    public var units: [OrgUnit]
    public var values: [MonitoringValue]
    public var validations: [Validation]
    /// Only values and validations of this campaign are used; nil = all of them.
    public var campaignKey: String?
    /// Deadlines after this day are "not yet due".
    public var asOf: Day
    /// The evaluated year (the PEG/PDO year): objectives whose horizon starts later are not scored.
    public var year: Int
    /// Values of the organisational-performance indicators, by indicator key.
    public var organisationalValues: [String: Double]

    public init(
        methodology: Methodology, nodes: [PlanNode], indicators: [Indicator] = [], units: [OrgUnit] = [],
        values: [MonitoringValue] = [], validations: [Validation] = [], campaignKey: String? = nil,
        asOf: Day, year: Int? = nil, organisationalValues: [String: Double] = [:]
    ) {
        self.methodology = methodology
        self.nodes = nodes
        self.indicators = indicators
        self.units = units
        self.values = values
        self.validations = validations
        self.campaignKey = campaignKey
        self.asOf = asOf
        self.year = year ?? asOf.year
        self.organisationalValues = organisationalValues
    }

    /// From a plan bundle: the given campaign (or the final one, or the last one) decides "as of"; the organisational
    /// figures are that campaign's (`organisationalValues`, when given, take their place key by key).
    public init(
        bundle: PlanBundle, methodology: Methodology, campaignKey: String? = nil,
        organisationalValues: [String: Double] = [:]
    ) {
        let campaign =
            campaignKey.flatMap { k in bundle.campaigns.first { $0.key == k } }
            ?? bundle.campaigns.last { $0.isFinal } ?? bundle.campaigns.last
        let asOf = campaign?.asOf ?? Day(year: bundle.plan.year, month: 12, day: 31)!
        // Targets, deadlines and weights as they were in force on the campaign's reference date.
        let plan = VariationRules.inForce(on: asOf, nodes: bundle.nodes, indicators: bundle.indicators, variations: bundle.variations)
        self.init(
            methodology: methodology, nodes: plan.nodes, indicators: plan.indicators, units: bundle.units,
            values: bundle.values, validations: bundle.validations, campaignKey: campaign?.key, asOf: asOf,
            year: bundle.plan.year,
            organisationalValues: OrganisationalEntry.scoringValues(bundle.organisationalValues, campaignKey: campaign?.key)
                .merging(organisationalValues) { _, given in given })
    }
}

/// Calendar arithmetic for scoring, kept out of `Day` itself so the shared type stays small.
enum DayMath {
    /// Calendar months from `deadline` to `later`, with the end-of-month convention (30/06 → 31/07 is one
    /// month) and the remainder as a fraction of the following month. 0 when on time.
    static func monthsLate(_ deadline: Day, until later: Day) -> Double {
        let (whole, rest, span) = delay(deadline, until: later)
        return rest == 0 ? Double(whole) : Double(whole) + Double(rest) / Double(span)
    }

    /// A delay in whole calendar months plus the days left over, and the length of the month those days fall in
    /// (31/01 → 20/03 is 1 month and 20 days: 29/02 + 20). Month ends map to month ends.
    static func delay(_ deadline: Day, until later: Day) -> (months: Int, days: Int, span: Int) {
        guard deadline < later else { return (0, 0, 30) }
        let endOfMonth = deadline.day == Day.daysIn(month: deadline.month, year: deadline.year)
        func adding(_ k: Int) -> Day {
            let total = deadline.year * 12 + (deadline.month - 1) + k
            let y = total / 12, m = total % 12 + 1
            let dim = Day.daysIn(month: m, year: y)
            return Day(year: y, month: m, day: endOfMonth ? dim : Swift.min(deadline.day, dim))!
        }
        var whole = (later.year - deadline.year) * 12 + (later.month - deadline.month)
        if adding(whole) > later { whole -= 1 }
        let base = adding(whole)
        return (whole, later.ordinal - base.ordinal, adding(whole + 1).ordinal - base.ordinal)
    }
}
