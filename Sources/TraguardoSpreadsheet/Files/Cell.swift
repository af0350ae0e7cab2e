import TraguardoCore

/// One cell as a spreadsheet stores it. Readers turn date-formatted serial numbers into `.date`, so the layer
/// above never has to know about Excel's calendar.
public enum Cell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case date(Day)
    case bool(Bool)

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let s): s.allSatisfy(\.isWhitespace)
        default: false
        }
    }
}

/// A worksheet as a dense grid: `rows[0]` is spreadsheet row 1 and `rows[r][0]` is column A. Rows may be
/// ragged; a missing cell is empty.
public struct Sheet: Hashable, Sendable {
    public var name: String
    public var rows: [[Cell]]
    /// Writer hints (ignored by readers): column widths in characters and how many top rows are headers
    /// (bold and, in XLSX, frozen).
    public var columnWidths: [Double]
    public var headerRows: Int

    public init(name: String, rows: [[Cell]], columnWidths: [Double] = [], headerRows: Int = 0) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.headerRows = headerRows
    }

    public func cell(row: Int, column: Int) -> Cell {
        guard row < rows.count, column < rows[row].count else { return .empty }
        return rows[row][column]
    }

    /// Drops empty cells at the end of each row and empty rows at the end of the sheet, so readers of different
    /// formats give the same grid.
    mutating func trimTrailingEmpties() {
        for i in rows.indices {
            while let last = rows[i].last, last.isEmpty { rows[i].removeLast() }
        }
        while let last = rows.last, last.isEmpty { rows.removeLast() }
    }
}

/// Column letters as spreadsheets show them: 0 → "A", 25 → "Z", 26 → "AA".
public enum ColumnLetters {
    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// Index of the letters at the start of a cell reference ("AB12" → 27); nil when there are none.
    static func index(ofReference ref: Substring) -> Int? {
        var n = 0
        var seen = false
        for u in ref.utf8 {
            let upper = u & 0xDF
            guard upper >= 65, upper <= 90 else { break }
            n = n * 26 + Int(upper - 64)
            seen = true
        }
        return seen ? n - 1 : nil
    }
}

/// Limits of the formats (Excel's, which are the tighter): beyond them a file is broken or hostile.
enum SheetLimits {
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    static let maxSheetNameLength = 31
    /// Cells a repeated ODS row or cell may expand to when it holds a value.
    static let maxRepeatedContent = 10_000
    /// Uncompressed size of one part of the archive.
    static let maxPartSize: UInt64 = 256 * 1024 * 1024
}
