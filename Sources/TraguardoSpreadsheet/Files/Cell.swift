import TraguardoCore

/// One cell as a spreadsheet stores it. Readers turn date-formatted serial numbers into `.date`, so the layer
/// above never has to know about Excel's calendar.
public enum Cell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case date(Day)
    case bool(Bool)
    /// Written only: a number with its display format.
    case styled(Double, DisplayFormat)
    /// Written only: a formula with the value the engine computed for it (shown until the reader recalculates).
    case formula(SheetFormula, cached: Double?, DisplayFormat)

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
    /// Uncompressed size of one part of the archive: a 2,000-objective plan is a few MB of XML; far more is a zip bomb.
    static let maxPartSize: UInt64 = 64 * 1024 * 1024
}

/// How a written number is displayed. Spreadsheets render the format in the reader's locale, so an Italian user
/// sees 1.234,56 and 96,56% while the cell holds the number itself.
public enum DisplayFormat: Hashable, Sendable {
    /// Thousands grouped, no decimals: 12.141.
    case integer
    /// Thousands grouped, this many decimals (0–4): 1.234,56.
    case decimal(Int)
    /// A fraction shown as a percentage with this many decimals (0–4): 0,9656 → 96,56%.
    case percent(Int)
    /// Points shown with a percent sign, the value unscaled (99,08 → "99,08%"), so it agrees with a formula over
    /// points.
    case pointsPercent(Int)

    var decimals: Int {
        switch self {
        case .integer: 0
        case .decimal(let d), .percent(let d), .pointsPercent(let d): Swift.min(Swift.max(d, 0), 4)
        }
    }

    /// Every style a writer declares up front, so cells refer to them by index.
    static let all: [DisplayFormat] =
        [.integer] + (0...4).map(DisplayFormat.decimal) + (0...4).map(DisplayFormat.percent) + (0...4).map(DisplayFormat.pointsPercent)

    var index: Int { Self.all.firstIndex(of: normalised) ?? 0 }
    private var normalised: DisplayFormat {
        switch self {
        case .integer: .integer
        case .decimal: .decimal(decimals)
        case .percent: .percent(decimals)
        case .pointsPercent: .pointsPercent(decimals)
        }
    }
}

/// A total a spreadsheet recomputes when a value is edited: a function over a run of cells in one column.
public struct SheetFormula: Hashable, Sendable {
    public enum Function: String, Hashable, Sendable {
        /// Mean of the numbers in the range; text such as "non rilevato" and blanks are left out, as the engine does.
        case average = "AVERAGE"
        case sum = "SUM"
        /// How many cells of the range hold a number.
        case count = "COUNT"
    }

    public var function: Function
    /// Zero-based column and first/last zero-based rows of the range.
    public var column: Int
    public var firstRow: Int
    public var lastRow: Int
    /// Wrapped in ROUND(…, n) when the methodology rounds the total.
    public var roundTo: Int?

    public init(_ function: Function, column: Int, rows: ClosedRange<Int>, roundTo: Int? = nil) {
        self.function = function
        self.column = column
        self.firstRow = rows.lowerBound
        self.lastRow = rows.upperBound
        self.roundTo = roundTo
    }

    private func ref(_ row: Int, ods: Bool) -> String {
        (ods ? "." : "") + ColumnLetters.letters(column) + String(row + 1)
    }

    /// "ROUND(AVERAGE(C2:C9),2)" for OOXML.
    var ooxml: String {
        let inner = "\(function.rawValue)(\(ref(firstRow, ods: false)):\(ref(lastRow, ods: false)))"
        return roundTo.map { "ROUND(\(inner),\($0))" } ?? inner
    }

    /// "of:=ROUND(AVERAGE([.C2:.C9]);2)" for OpenDocument.
    var openFormula: String {
        let inner = "\(function.rawValue)([\(ref(firstRow, ods: true)):\(ref(lastRow, ods: true))])"
        return "of:=" + (roundTo.map { "ROUND(\(inner);\($0))" } ?? inner)
    }
}

extension Cell {
    /// What readers of this grid see: styled numbers and formulas are numbers (the formula's last result).
    public var plain: Cell {
        switch self {
        case .styled(let v, _): .number(v)
        case .formula(_, let cached, _): cached.map(Cell.number) ?? .empty
        default: self
        }
    }
}
