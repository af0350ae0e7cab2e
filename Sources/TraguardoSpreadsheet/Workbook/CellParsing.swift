import TraguardoCore

/// Reading typed values out of cells that users fill in by hand: real date cells or typed text, SI/NO in its
/// many spellings, months as numbers or names.
enum CellParsing {
    /// Serial numbers between 1927 and 2173: a date cell whose format was lost. Smaller numbers (a year, an
    /// amount) are not taken for dates.
    private static let plausibleSerials = 10_000.0...100_000.0

    static func day(_ cell: Cell) -> Day? {
        switch cell {
        case .date(let d): return d
        case .number(let v): return plausibleSerials.contains(v) ? ExcelDate.day(fromSerial: v) : nil
        case .text(let s): return Day(parsing: s.trimmingCharacters(in: .whitespacesAndNewlines))
        default: return nil
        }
    }

    static func flag(_ cell: Cell) -> Bool? {
        switch cell {
        case .bool(let b): return b
        case .number(let v): return v == 1 ? true : v == 0 ? false : nil
        case .text(let s): return MeasureText.flag(s)
        default: return nil
        }
    }

    private static let monthNames = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]

    /// "2 | 3 | 4", "2, 3, 4", "2-4", "feb - apr", "febbraio | marzo". Order is kept as written.
    static func months(_ cell: Cell) -> [Int]? {
        switch cell {
        case .number(let v):
            guard let m = Int(exactly: v), (1...12).contains(m) else { return nil }
            return [m]
        case .text(let s):
            var out: [Int] = []
            let tokens = s.split(whereSeparator: { "|,;/".contains($0) || $0.isNewline })
            for raw in tokens {
                let token = raw.trimmingCharacters(in: .whitespaces)
                if token.isEmpty { continue }
                let ends = token.split(separator: "-", omittingEmptySubsequences: false).map { month(String($0)) }
                if ends.count == 1, let m = ends[0] {
                    out.append(m)
                } else if ends.count == 2, let a = ends[0], let b = ends[1], a <= b {
                    out.append(contentsOf: a...b)
                } else {
                    return nil
                }
            }
            return out
        default: return nil
        }
    }

    private static func month(_ text: String) -> Int? {
        let t = Folding.fold(text)
        if let n = Int(t) { return (1...12).contains(n) ? n : nil }
        guard t.count >= 3, let i = monthNames.firstIndex(of: String(t.prefix(3))) else { return nil }
        return i + 1
    }
}
