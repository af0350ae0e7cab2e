import Foundation

/// Numbers as the file formats store them (`<v>`, `office:value`): plain, with a dot, and the shortest text that
/// reads back as the same Double, so numbers survive a round trip exactly.
public enum NumberText {
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A percent-formatted cell stores 0.2 and shows 20%: the value as shown, without the binary noise of ×100
    /// (0.07 × 100 is 7.000000000000001).
    static func percentShown(_ fraction: Double) -> Double {
        let v = fraction * 100
        guard v.isFinite else { return fraction }  // 1e307 as a percentage: keep what the cell holds rather than infinity
        guard abs(v) < 1e12 else { return v }
        return (v * 1e9).rounded() / 1e9
    }

    /// Reads `<v>` and `office:value` text, which some writers pad with spaces. "1e999", "inf" and "nan" are not
    /// numbers a cell can hold: they stay text, and the column that wants a number says so with its place.
    static func parse(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0.isFinite ? $0 : nil }
    }
}
