import Foundation

/// Next year's plan from this year's: the strategic cascade carries over; among the objectives that are
/// measured, the multi-year ones carry on with their next stage, and the single-year ones end here.
/// Last year's final actuals become the new baselines; campaigns, values and validations stay behind.
public enum PlanRollover {
    public struct Result: Sendable {
        public var bundle: PlanBundle
        public var carried: [String]
        public var concluded: [String]
    }

    public static func next(_ b: PlanBundle) -> Result {
        let year = b.plan.year + 1
        var plan = b.plan
        plan.key = nextKey(b.plan)
        plan.title = nextTitle(b.plan)
        plan.firstYear += 1
        plan.lastYear += 1
        plan.year = year
        plan.state = .bozza
        plan.approval = nil
        plan.version = 1
        plan.notes = "Creato da «\(b.plan.title)» con il rinnovo annuale."

        let measured = b.plan.levels.max() ?? .performanceObjective
        func continues(_ n: PlanNode) -> Bool {
            guard let h = n.horizon else { return false }
            if let stage = h.stage, let count = h.stageCount { return stage < count }
            if let last = h.lastYear { return last >= year }
            return false
        }
        var keep = Set<String>()
        var concluded: [String] = []
        for n in b.nodes {
            if n.level != measured || continues(n) { keep.insert(n.key) } else { concluded.append(n.key) }
        }
        let nodes = b.nodes.filter { keep.contains($0.key) }.map { n -> PlanNode in
            var c = n
            if n.level == measured, var h = n.horizon {
                h.stage = h.stage.map { $0 + 1 }
                h.raw = h.stage.map { s in h.stageCount.map { "Fase \(s) di \($0)" } ?? "Fase \(s)" } ?? h.raw
                c.horizon = h
            }
            if let d = n.deadline, d.year == b.plan.year {
                c.deadline = Day(year: year, month: d.month, day: min(d.day, Day.daysIn(month: d.month, year: year)))
            }
            c.deadlineRaw = c.deadline == nil ? n.deadlineRaw : nil
            if let target = n.inheritsFromKey, !keep.contains(target) { c.inheritsFromKey = nil }
            return c
        }
        let finalCampaign = b.campaigns.last { $0.isFinal } ?? b.campaigns.last
        let actuals = Dictionary(
            b.values.filter { $0.campaignKey == finalCampaign?.key && $0.indicatorKey != nil }
                .compactMap { v in v.actual.map { (v.indicatorKey!, $0) } }, uniquingKeysWith: { a, _ in a })
        let indicators = b.indicators.filter { keep.contains($0.nodeKey) }.map { i -> Indicator in
            var c = i
            c.phaseKey = nil
            if var actual = actuals[i.key] {
                actual.year = b.plan.year
                c.baseline = actual
            }
            return c
        }
        // Phases belong to a year: only those already dated in the new year carry over.
        let phases = b.phases.filter { p in keep.contains(p.nodeKey) && ((p.due?.year ?? 0) >= year || (p.start?.year ?? 0) >= year) }
        var next = b
        next.plan = plan
        next.nodes = nodes
        next.phases = phases
        next.indicators = indicators
        next.participations = b.participations.filter { keep.contains($0.nodeKey) }
        next.campaigns = []
        next.values = []
        next.validations = []
        next.organisationalValues = []
        next.variations = []
        return Result(bundle: next, carried: nodes.filter { $0.level == measured }.map(\.key), concluded: concluded)
    }

    static func nextKey(_ p: Plan) -> String {
        let old = "\(p.firstYear)-\(p.lastYear)"
        if p.key.contains(old) { return p.key.replacingOccurrences(of: old, with: "\(p.firstYear + 1)-\(p.lastYear + 1)") }
        return "\(p.key)-\(p.year + 1)"
    }

    static func nextTitle(_ p: Plan) -> String {
        let old = "\(p.firstYear)-\(p.lastYear)", new = "\(p.firstYear + 1)-\(p.lastYear + 1)"
        if p.title.contains(old) { return p.title.replacingOccurrences(of: old, with: new) }
        if p.title.contains(old.replacingOccurrences(of: "-", with: "–")) {
            return p.title.replacingOccurrences(of: old.replacingOccurrences(of: "-", with: "–"), with: new.replacingOccurrences(of: "-", with: "–"))
        }
        return "\(p.title) (\(p.year + 1))"
    }
}
