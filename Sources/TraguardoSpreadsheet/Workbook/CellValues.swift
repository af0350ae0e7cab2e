import Foundation
import TraguardoCore

/// How cells read as text: for messages, and for text fields that the spreadsheet turned into numbers or dates.
enum CellText {
    /// The value as the user sees it in Italian: 1.234,5 · 30/06/2024 · SI.
    static func display(_ cell: Cell) -> String {
        switch cell.plain {
        case .empty: ""
        case .text(let s): s
        case .number(let v): ItalianFormat.number(v, decimals: 6, trimZeros: true)
        case .date(let d): d.italian
        case .bool(let b): b ? "SI" : "NO"
        case .styled, .formula: ""  // `plain` has turned them into numbers
        }
    }

    /// A text field's value. A code typed as 2024 may arrive as a number: it comes back without thousands
    /// separators, with a decimal comma if it has decimals.
    static func string(_ cell: Cell) -> String? {
        switch cell.plain {
        case .empty: nil
        case .text(let s): s.allSatisfy(\.isWhitespace) ? nil : s
        case .number(let v): NumberText.canonical(v).replacingOccurrences(of: ".", with: ",")
        case .date(let d): d.italian
        case .bool(let b): b ? "SI" : "NO"
        case .styled, .formula: nil  // `plain` has turned them into numbers
        }
    }

    /// Shortened for messages, so one long cell does not drown the list of errors.
    static func quoted(_ cell: Cell) -> String {
        let s = display(cell).trimmingCharacters(in: .whitespacesAndNewlines)
        return "\"" + (s.count > 60 ? String(s.prefix(57)) + "…" : s) + "\""
    }
}

/// Lists in one cell: "a | b | c" for people, JSON (`["a","b"]`) when an item could not survive splitting
/// (it holds "|" or a line break, is empty or has outer spaces), so the round trip is lossless.
enum ListCodec {
    static let separator = " | "

    static func cell(_ items: [String]) -> Cell {
        items.isEmpty ? .empty : .text(encode(items))
    }

    static func encode(_ items: [String]) -> String {
        let plain =
            !(items.first?.hasPrefix("[") ?? false)
            && items.allSatisfy { item in
                !item.isEmpty && item == item.trimmingCharacters(in: .whitespacesAndNewlines)
                    && !item.contains("|") && !item.contains(where: \.isNewline)
            }
        if plain { return items.joined(separator: separator) }
        return JSONText.encode(items) ?? items.joined(separator: separator)
    }

    /// Splits on "|" and line breaks only: commas and semicolons occur inside items.
    static func decode(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]"), let items: [String] = JSONText.decode(trimmed) { return items }
        return trimmed.split(whereSeparator: { $0 == "|" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

/// Compact JSON with sorted keys and unescaped slashes, for the few structured fields kept in one cell.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode<T: Decodable>(_ text: String) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
