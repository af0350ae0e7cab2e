/// A figure of organisational performance in one campaign: the value of an ente-level indicator of the SMVP's
/// dimensions (payment timeliness, staff cost on current revenue, user satisfaction, …), or the achievement % of a
/// dimension the methodology wants entered directly. The segretario (or the Nucleo) enters them on the campaign.
public struct OrganisationalValue: Hashable, Sendable, Codable {
    public var campaignKey: String
    /// The key of an `OrgIndicator`, or of an `OrgDimension` whose source is `.entered`.
    public var key: String
    public var value: Double
    /// Where the figure comes from (rendiconto 2023, piattaforma PCC, indagine di gradimento, …).
    public var source: String?
    public var note: String?

    public init(campaignKey: String, key: String, value: Double, source: String? = nil, note: String? = nil) {
        self.campaignKey = campaignKey
        self.key = key
        self.value = value
        self.source = source
        self.note = note
    }
}

/// What the segretario enters for organisational performance and the rules a figure must pass.
public enum OrganisationalEntry {
    /// One figure to enter: an indicator of a dimension measured by indicators, or a dimension entered as a percent.
    /// Dimensions fed by the ente's or the units' mean need no entry.
    public struct Field: Hashable, Sendable {
        public var key: String
        public var label: String
        public var dimensionKey: String
        public var dimensionName: String
        /// What the methodology expects, as users read it: "≤ 48", "valore negativo", "percentuale 0–100".
        public var target: String
        public var isDimension: Bool
    }

    public static func fields(of org: OrganisationalPerformance) -> [Field] {
        org.dimensions.flatMap { d -> [Field] in
            switch d.source {
            case .indicators:
                return d.indicators.map { i in
                    let target =
                        i.comparator == .negative || i.comparator == .positive
                        ? i.comparator.symbol : "\(i.comparator.symbol) \(i.threshold.map { ScoreFormat.compact($0) } ?? "—")"
                    return Field(key: i.key, label: i.name, dimensionKey: d.key, dimensionName: d.name, target: target, isDimension: false)
                }
            case .entered:
                return [
                    Field(
                        key: d.key, label: "Grado di raggiungimento della dimensione (%)", dimensionKey: d.key, dimensionName: d.name,
                        target: "percentuale 0–100", isDimension: true)
                ]
            case .enteMean, .unitsMean:
                return []
            }
        }
    }

    /// The campaign accepts figures until it is closed; they may still be corrected while the Nucleo validates.
    public static func accepts(_ campaign: Campaign) -> Bool {
        campaign.state != .daAprire && campaign.state != .chiusa
    }

    /// Refuses a figure the methodology does not ask for, a dimension's percent outside 0–100, or a closed campaign.
    public static func check(_ values: [OrganisationalValue], methodology org: OrganisationalPerformance?, campaign: Campaign) throws {
        guard accepts(campaign) else { throw MonitoringError.notOpen(campaign.state.label) }
        guard let org else { throw MonitoringError.noOrganisationalPerformance }
        let fields = Dictionary(fields(of: org).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        for value in values {
            guard let field = fields[value.key] else { throw MonitoringError.unknownOrganisationalIndicator(value.key) }
            guard seen.insert(value.key).inserted else {
                throw MonitoringError.invalidValue(field: field.label, message: "il valore è indicato due volte.")
            }
            guard value.value.isFinite else {
                throw MonitoringError.invalidValue(field: field.label, message: "non è un numero.")
            }
            if field.isDimension, !(0...100).contains(value.value) {
                throw MonitoringError.invalidValue(
                    field: "\(field.dimensionName) – \(field.label)", message: "\(ScoreFormat.compact(value.value)) non è tra 0 e 100.")
            }
        }
    }

    /// The figures of one campaign as the scoring engine reads them (by indicator or dimension key).
    public static func scoringValues(_ values: [OrganisationalValue], campaignKey: String?) -> [String: Double] {
        var out: [String: Double] = [:]
        for v in values where campaignKey == nil || v.campaignKey == campaignKey { out[v.key] = v.value }
        return out
    }
}
