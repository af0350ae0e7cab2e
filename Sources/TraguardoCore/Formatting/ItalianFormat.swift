import Foundation

/// Numbers and dates as Italian users read them: 1.234,56 and 24/11/2026.
public enum ItalianFormat {
    /// Fixed decimals, half-up, "." for thousands and "," for decimals. Hand-written because Foundation's
    /// locale data differs between platforms and rounds half-to-even.
    public static func number(_ value: Double, decimals: Int = 2, trimZeros: Bool = false) -> String {
        let scaled = Rounding.halfUp(value, decimals: decimals)
        let negative = scaled < 0
        var text = String(format: "%.\(decimals)f", abs(scaled))
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            fraction = String(text[text.index(after: dot)...])
            text = String(text[..<dot])
        }
        var grouped = ""
        for (i, ch) in text.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(".") }
            grouped.append(ch)
        }
        var result = String(grouped.reversed())
        if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        if !fraction.isEmpty { result += "," + fraction }
        return (negative && scaled != 0 ? "-" : "") + result
    }

    public static func percent(_ value: Double, decimals: Int = 2) -> String {
        number(value, decimals: decimals, trimZeros: true) + "%"
    }

    /// Parses "1.234,56", "1234,56", "1234.56" and "54,42%"; nil for anything else.
    public static func parseNumber(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            .replacingOccurrences(of: "€", with: "").trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return nil }
        if s.contains(",") {
            s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if s.filter({ $0 == "." }).count > 1 {
            s = s.replacingOccurrences(of: ".", with: "")
        }
        return Double(s)
    }

    private static let utcCalendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Rome") ?? .gmt
        return c
    }()

    /// "24/11/2026 14:05" in Italian time.
    public static func dateTime(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }

    public static func day(of date: Date) -> Day {
        let c = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

public enum Rounding {
    /// Half away from zero at `decimals`, robust to binary representation (99,075 → 99,08).
    public static func halfUp(_ value: Double, decimals: Int) -> Double {
        let factor = pow(10.0, Double(decimals))
        let scaled = (value * factor * 1e6).rounded() / 1e6
        return (scaled.sign == .minus ? -1 : 1) * (abs(scaled) + 0.5).rounded(.down) / factor
    }
}
