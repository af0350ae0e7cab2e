/// Score rendering on top of the shared `ItalianFormat`: the methodology's rounding mode first, then
/// the Italian notation ("99,08"); "—" for excluded scores.
public enum ScoreFormat {
    public static func number(_ value: Double, decimals: Int, mode: RoundingMode = .halfUp) -> String {
        guard value.isFinite else { return "—" }
        return ItalianFormat.number(mode.round(value, decimals: decimals), decimals: decimals)
    }

    /// Up to two decimals, trailing zeros dropped: 87.5 → "87,5", 100 → "100", 64.516 → "64,52".
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return ItalianFormat.number(value, decimals: 2, trimZeros: true)
    }

    public static func score(_ value: Double?, policy: RoundingPolicy) -> String {
        guard let value, value.isFinite else { return "—" }
        return number(value, decimals: policy.decimals, mode: policy.mode)
    }
}
