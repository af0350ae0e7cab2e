import TraguardoCore

/// Excel's day numbers ("serials"). In the 1900 system day 1 is 01/01/1900 and day 60 is the 29/02/1900 that
/// never was (a Lotus bug Excel keeps), so from day 61 on the count starts at 30/12/1899. The 1904 system
/// (old Mac workbooks) counts from 01/01/1904.
enum ExcelDate {
    private static let base1900 = Day(year: 1899, month: 12, day: 30)!.ordinal
    private static let base1904 = Day(year: 1904, month: 1, day: 1)!.ordinal

    static func day(fromSerial serial: Double, date1904: Bool = false) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return day(ordinal: base1904 + whole) }
        switch whole {
        case 61...: return day(ordinal: base1900 + whole)
        case 1...59: return day(ordinal: base1900 + whole + 1)
        default: return nil  // 0 is "00/01/1900", 60 is the phantom leap day
        }
    }

    /// The serial Excel would store for the day; nil before 01/03/1900, where the phantom leap day makes
    /// serials ambiguous (such dates are written as text instead).
    static func serial(of day: Day) -> Double? {
        let n = day.ordinal - base1900
        return n >= 61 ? Double(n) : nil
    }

    /// Inverse of `Day.ordinal` (days since 01/03/0000, proleptic Gregorian).
    static func day(ordinal z: Int) -> Day? {
        z >= 0 ? Day(ordinal: z) : nil
    }

    /// Built-in number formats that show a date (ids 14–17 and 22 everywhere, 27–36 and 50–58 in East Asian
    /// locales).
    static func isBuiltInDateFormat(_ id: Int) -> Bool {
        (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows a date: after removing quoted text, escapes and [..] sections
    /// (colours, locales), it has day or year tokens ("dd/mm/yyyy", "[$-410]d mmm yy").
    static func isDateFormatCode(_ code: String) -> Bool {
        formatTokens(code).contains { $0 == "d" || $0 == "y" }
    }

    /// "0%", "0.00%": the stored fraction is shown times 100.
    static func isPercentFormatCode(_ code: String) -> Bool {
        formatTokens(code).contains("%")
    }

    /// The characters of a format code that are format tokens, not quoted text, escapes or [..] sections.
    private static func formatTokens(_ code: String) -> [Character] {
        var out: [Character] = []
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\"": inQuote.toggle()
            case "\\" where !inQuote: escaped = true
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default: if !inQuote && !inBracket { out.append(ch) }
            }
        }
        return out
    }
}
