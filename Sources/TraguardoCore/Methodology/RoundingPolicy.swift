/// When and how scores are rounded: part of the methodology because the Nucleo signs rounded figures.
public struct RoundingPolicy: Hashable, Sendable, Codable {
    public var when: RoundingMoment
    public var decimals: Int
    public var mode: RoundingMode

    public init(when: RoundingMoment = .end, decimals: Int = 2, mode: RoundingMode = .halfUp) {
        self.when = when
        self.decimals = decimals
        self.mode = mode
    }

    @inline(__always) public func apply(_ value: Double) -> Double { mode.round(value, decimals: decimals) }

    /// Italian description for explanations.
    public var label: String {
        let d = decimals == 1 ? "1 decimale" : "\(decimals) decimali"
        switch when {
        case .display: return "arrotondamento \(mode.label) a \(d) solo in visualizzazione"
        case .eachLevel: return "arrotondamento \(mode.label) a \(d) a ogni livello"
        case .end: return "arrotondamento \(mode.label) a \(d) sui totali, obiettivi non arrotondati"
        }
    }
}

public enum RoundingMoment: String, CaseIterable, Sendable, Codable {
    /// Numbers stay exact; only rendering rounds.
    case display = "solo-visualizzazione"
    /// Every objective and every roll-up is rounded before it feeds the next level.
    case eachLevel = "ogni-livello"
    /// Objectives stay exact; each roll-up result is rounded (computed from exact inputs).
    case end = "totali"
}

public enum RoundingMode: String, CaseIterable, Sendable, Codable {
    case halfUp = "meta-per-eccesso", halfEven = "meta-al-pari", down = "troncamento"

    public var label: String {
        switch self {
        case .halfUp: "per eccesso da 0,5"
        case .halfEven: "al pari"
        case .down: "per troncamento"
        }
    }

    /// Decimal rounding that is robust to binary representation: 99,075 stored as 99,07499… still rounds up.
    @inline(__always) public func round(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let p = RoundingMode.powers[max(0, min(decimals, 9))]
        let scaled = value * p
        // A relative nudge far below any meaningful digit absorbs representation error of decimal inputs.
        let nudge = Swift.max(1, Swift.abs(scaled)) * 1e-9
        switch self {
        case .halfUp:
            return (scaled >= 0 ? scaled + nudge : scaled - nudge).rounded(.toNearestOrAwayFromZero) / p
        case .halfEven:
            let floor = scaled.rounded(.down)
            let isHalf = Swift.abs(scaled - floor - 0.5) < nudge
            return (isHalf ? (floor + 0.5).rounded(.toNearestOrEven) : scaled.rounded()) / p
        case .down:
            return (scaled >= 0 ? scaled + nudge : scaled - nudge).rounded(.towardZero) / p
        }
    }

    static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]
}

extension RoundingPolicy {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(when: try c.value(.when, or: .end), decimals: try c.value(.decimals, or: 2), mode: try c.value(.mode, or: .halfUp))
    }
}
