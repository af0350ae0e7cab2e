/// A plan of one ente for one cycle, e.g. "PIAO 2024-2026" with the annual detail for 2024.
public struct Plan: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    /// The year whose objectives are detailed and evaluated (the PEG/PDO year).
    public var year: Int
    public var approval: Act?
    public var state: PlanState
    /// 1 for the approved plan; each approved variation increments it.
    public var version: Int
    /// The cascade levels this ente uses, top-down; nodes may only use these levels.
    public var levels: [CascadeLevel]
    public var notes: String?
    /// The deliberation approving the year's Relazione sulla performance, printed on its cover once recorded.
    public var reportApproval: Deliberation?

    public init(
        key: String, title: String, firstYear: Int, lastYear: Int, year: Int, approval: Act? = nil,
        state: PlanState = .bozza, version: Int = 1, levels: [CascadeLevel] = CascadeLevel.allCases, notes: String? = nil
    ) {
        self.key = key
        self.title = title
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.year = year
        self.approval = approval
        self.state = state
        self.version = version
        self.levels = levels
        self.notes = notes
    }

    public var period: DayRange {
        DayRange(from: Day(year: firstYear, month: 1, day: 1), to: Day(year: lastYear, month: 12, day: 31))
    }
}

/// A deliberation or decree: "Delibera di Giunta n. 12 del 30/01/2024".
public struct Act: Hashable, Sendable, Codable {
    public var organ: String
    public var number: String?
    public var date: Day?
    /// The act as the document writes it, kept verbatim.
    public var raw: String?

    public init(organ: String, number: String? = nil, date: Day? = nil, raw: String? = nil) {
        self.organ = organ
        self.number = number
        self.date = date
        self.raw = raw
    }

    public var label: String {
        var s = organ
        if let number { s += " n. \(number)" }
        if let date { s += " del \(date.italian)" }
        return s
    }
}

public enum PlanState: String, CaseIterable, Sendable, Codable {
    case bozza, approvato, inMonitoraggio = "in-monitoraggio", consuntivato, validato, pubblicato

    public var label: String {
        switch self {
        case .bozza: "Bozza"
        case .approvato: "Approvato"
        case .inMonitoraggio: "In monitoraggio"
        case .consuntivato: "Consuntivato"
        case .validato: "Validato"
        case .pubblicato: "Pubblicato"
        }
    }

    /// After approval the plan is frozen: changes go through variations.
    public var isFrozen: Bool { self != .bozza }
}

/// The DUP cascade, top-down. Enti use a subset (Pisogne and Leggiuno only have performance objectives).
public enum CascadeLevel: String, CaseIterable, Sendable, Codable, Comparable {
    case mandateLine = "linea-mandato"
    case strategicDirection = "indirizzo-strategico"
    case strategicObjective = "obiettivo-strategico"
    case operationalObjective = "obiettivo-operativo"
    case performanceObjective = "obiettivo-performance"

    public var label: String {
        switch self {
        case .mandateLine: "Linea di mandato"
        case .strategicDirection: "Indirizzo strategico"
        case .strategicObjective: "Obiettivo strategico"
        case .operationalObjective: "Obiettivo operativo"
        case .performanceObjective: "Obiettivo di performance"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .mandateLine: "Linee di mandato"
        case .strategicDirection: "Indirizzi strategici"
        case .strategicObjective: "Obiettivi strategici"
        case .operationalObjective: "Obiettivi operativi"
        case .performanceObjective: "Obiettivi di performance"
        }
    }

    var depth: Int { CascadeLevel.allCases.firstIndex(of: self)! }
    public static func < (lhs: CascadeLevel, rhs: CascadeLevel) -> Bool { lhs.depth < rhs.depth }
}

extension Plan {
    /// The day a page about this plan shows by default: today while the plan's detail year runs, otherwise the
    /// last day of that year (or the first, for a plan not started yet). Who was responsabile, what was due:
    /// a 2024 plan read in 2026 is read as of 31/12/2024, not as of a day its organisation no longer exists.
    public func referenceDay(today: Day) -> Day {
        if today.year == year { return today }
        return today.year > year ? Day(year: year, month: 12, day: 31)! : Day(year: year, month: 1, day: 1)!
    }
}
