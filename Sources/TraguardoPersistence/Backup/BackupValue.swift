import Foundation
import SQLKit

/// One cell of a backup, in a form that reads the same whichever engine it came from: UUIDs in upper case,
/// timestamps to the microsecond (PostgreSQL's precision) in ISO 8601, bytes in Base64.
enum BackupValue: Codable, Equatable, Sendable {
    case null
    case text(String)
    case int(Int)
    case bool(Bool)
    case strings([String])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else {
            self = .strings(try c.decode([String].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .text(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .bool(let b): try c.encode(b)
        case .strings(let a): try c.encode(a)
        }
    }
}

extension BackupValue {
    /// Reads a column of a row by its kind.
    static func read(_ row: any SQLRow, _ column: BackupSchema.Column) throws -> BackupValue {
        if try row.decodeNil(column: column.name) { return .null }
        switch column.kind {
        case .uuid: return .text(try row.decode(column: column.name, as: UUID.self).uuidString)
        case .text: return .text(try row.decode(column: column.name, as: String.self))
        case .int: return .int(try row.decode(column: column.name, as: Int.self))
        case .bool: return .bool(try row.decode(column: column.name, as: Bool.self))
        case .timestamp: return .text(BackupTime.text(try row.decode(column: column.name, as: Date.self)))
        case .bytes: return .text(try row.decode(column: column.name, as: Data.self).base64EncodedString())
        case .strings: return .strings(try row.decode(column: column.name, as: [String].self))
        case .uuids: return .strings(try row.decode(column: column.name, as: [UUID].self).map(\.uuidString))
        }
    }

    /// The expression to insert for a column, or nil when the archive's value does not fit the column's kind.
    func sql(_ kind: BackupSchema.Kind, postgres: Bool) -> (any SQLExpression)? {
        switch (kind, self) {
        case (_, .null): return SQLLiteral.null
        case (.uuid, .text(let s)): return UUID(uuidString: s).map { SQLBind($0) }
        case (.text, .text(let s)): return SQLBind(s)
        case (.int, .int(let i)): return SQLBind(i)
        case (.bool, .bool(let b)): return SQLBind(b)
        case (.timestamp, .text(let s)): return BackupTime.date(s, forPostgres: postgres).map { SQLBind($0) }
        case (.bytes, .text(let s)): return Data(base64Encoded: s).map { SQLBind($0) }
        case (.strings, .strings(let a)): return SQLBind(a)
        case (.uuids, .strings(let a)):
            let ids = a.compactMap(UUID.init(uuidString:))
            return ids.count == a.count ? SQLBind(ids) : nil
        default: return nil
        }
    }
}

/// Timestamps as text to the microsecond: SQLite keeps a Double, PostgreSQL whole microseconds, so both read back
/// as the same text.
enum BackupTime {
    static func text(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = (micros / 1_000_000).rounded(.down)
        let fraction = Int(micros - seconds * 1_000_000)
        let base = formatter.string(from: Date(timeIntervalSince1970: seconds))  // "2026-12-07T03:08:27Z"
        return String(base.dropLast()) + String(format: ".%06dZ", fraction)
    }

    /// The instant of a text written by `text(_:)`. PostgresNIO truncates to the microsecond when it sends a Date,
    /// so PostgreSQL gets half a microsecond more: the truncation then lands on the microsecond written.
    static func date(_ text: String, forPostgres postgres: Bool) -> Date? {
        guard text.count == 27, text.hasSuffix("Z"), let dot = text.firstIndex(of: ".") else { return nil }
        guard let whole = formatter.date(from: String(text[..<dot]) + "Z"),
            let micros = Int(text[text.index(after: dot)..<text.index(before: text.endIndex)])
        else { return nil }
        let exact = whole.timeIntervalSince1970 * 1_000_000 + Double(micros) + (postgres ? 0.5 : 0)
        return Date(timeIntervalSince1970: exact / 1_000_000)
    }

    nonisolated(unsafe) private static let formatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()
}
