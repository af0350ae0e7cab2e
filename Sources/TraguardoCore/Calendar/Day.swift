import Foundation

/// A calendar day with no time zone: plan deadlines, validity dates and acts are days, not instants.
/// Encoded as ISO `yyyy-mm-dd`; shown to users as `dd/mm/yyyy`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates such as 31/06 or 29/02 of a common year.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Parses `yyyy-mm-dd`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses the Italian `dd/mm/yyyy` (also `dd/mm/yy`, `dd.mm.yyyy`, `dd-mm-yyyy`).
    public init?(italian text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "/.-".contains($0) })
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { y += 2000 }
        self.init(year: y, month: m, day: d)
    }

    /// Accepts either ISO or Italian notation, as users type both.
    public init?(parsing text: String) {
        if let iso = Day(iso: text) { self = iso } else if let it = Day(italian: text) { self = it } else { return nil }
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var italian: String { String(format: "%02d/%02d/%04d", day, month, year) }
    public var description: String { italian }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar; used for differences.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// The day `ordinal` counts to (the inverse of `ordinal`, also before year 0).
    public init(ordinal: Int) {
        let era = (ordinal >= 0 ? ordinal : ordinal - 146_096) / 146_097
        let dayOfEra = ordinal - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let m = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * m + 2) / 5 + 1
        self.month = m < 10 ? m + 3 : m - 9
        self.year = era * 400 + yearOfEra + (self.month <= 2 ? 1 : 0)
        self.day = day
    }

    /// This day moved by `days` (negative moves back).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Day(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Data non valida: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

public struct DayRange: Hashable, Sendable, Codable {
    public var from: Day?
    public var to: Day?
    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    /// Both ends inclusive; an open end means "since ever" / "until further notice".
    public func contains(_ day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, to < day { return false }
        return true
    }
}
