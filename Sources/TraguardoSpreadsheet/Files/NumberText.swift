/// Numbers as the file formats store them (`<v>`, `office:value`): plain, with a dot, and the shortest text that
/// reads back as the same Double, so numbers survive a round trip exactly.
enum NumberText {
    static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Reads `<v>` and `office:value` text, which some writers pad with spaces.
    static func parse(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

import Foundation
