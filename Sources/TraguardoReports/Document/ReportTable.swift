import TraguardoCore

/// A table as data: typed values, so a spreadsheet gets numbers and dates and the page gets Italian text.
public struct ReportTable: Sendable, Encodable {
    /// Sheet and CSV name: short, unique in the document ("Settori", "CdR Affari generali").
    public var name: String
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [[ReportValue]]
    /// The closing row ("Media", "Percentuale di raggiungimento complessiva"), with a formula where one holds.
    public var total: ReportTotal?
    /// Some tables only serve the page (a chart's alternative already listed elsewhere).
    public var exported: Bool

    public init(
        name: String, title: String, columns: [ReportColumn], rows: [[ReportValue]], total: ReportTotal? = nil, exported: Bool = true
    ) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.total = total
        self.exported = exported
    }
}

public struct ReportColumn: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable {
        case text = "testo"
        case integer = "intero"
        /// Points 0–100 with the methodology's decimals ("99,08").
        case score = "punteggio"
        /// Points 0–100 shown as a percentage ("99,08%"), as CdR sheets print achievement.
        case percent = "percentuale"
        case number = "numero"
        case date = "data"
    }

    public var title: String
    /// Machine name in CSV and JSON headers of the open data ("punteggio_validato").
    public var key: String
    public var kind: Kind
    public var decimals: Int
    /// Scores print with the methodology's rounding mode, as on the cards and the scores page.
    public var rounding: RoundingMode

    public init(_ title: String, key: String, _ kind: Kind = .text, decimals: Int = 2, rounding: RoundingMode = .halfUp) {
        self.title = title
        self.key = key
        self.kind = kind
        self.decimals = decimals
        self.rounding = rounding
    }

    enum CodingKeys: String, CodingKey { case title, key, kind, decimals }
}

public enum ReportValue: Hashable, Sendable, Encodable {
    case text(String)
    case number(Double)
    case date(Day)
    /// Nothing to count: "non rilevato", "escluso", "—". Never a zero.
    case missing(String)
    case empty

    public init(_ number: Double?, missing: String = "non rilevato") {
        self = number.map(ReportValue.number) ?? .missing(missing)
    }

    public init(_ text: String?) {
        self = text.map(ReportValue.text) ?? .empty
    }

    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let t): try c.encode(t)
        case .number(let n): try c.encode(n)
        case .date(let d): try c.encode(d.iso)
        case .missing, .empty: try c.encodeNil()
        }
    }

    /// The value as the page prints it, in the column's format.
    public func italian(_ column: ReportColumn) -> String {
        switch self {
        case .text(let t): return t
        case .missing(let m): return m
        case .empty: return ""
        case .date(let d): return d.italian
        case .number(let n):
            switch column.kind {
            case .integer: return ItalianFormat.number(n, decimals: 0)
            case .percent: return ScoreFormat.number(n, decimals: column.decimals, mode: column.rounding) + "%"
            case .number: return ItalianFormat.number(n, decimals: column.decimals, trimZeros: true)
            case .score: return ScoreFormat.number(n, decimals: column.decimals, mode: column.rounding)
            default: return ItalianFormat.number(n, decimals: column.decimals)
            }
        }
    }
}

/// The last row of a table: a label and, per column, a value the engine computed. `formula` says what a
/// spreadsheet may recompute it with; builders set it only when the formula gives the engine's value.
public struct ReportTotal: Sendable, Encodable {
    public struct Cell: Sendable, Encodable {
        public var column: Int
        public var value: ReportValue
        public var formula: Formula?
        /// Printed as a percentage although its column holds points (a CdR sheet's "99,08%" under grades "98").
        public var asPercent: Bool

        public init(column: Int, value: ReportValue, formula: Formula? = nil, asPercent: Bool = false) {
            self.column = column
            self.value = value
            self.formula = formula
            self.asPercent = asPercent
        }

        /// The column this cell prints with.
        public func display(_ column: ReportColumn) -> ReportColumn {
            guard asPercent else { return column }
            var c = column
            c.kind = .percent
            return c
        }
    }

    public enum Formula: String, Sendable, Encodable {
        case average = "media", sum = "somma", count = "conteggio"
    }

    public var label: String
    public var cells: [Cell]
    /// Decimals the methodology rounds totals to (the formula's ROUND), nil when it does not round.
    public var roundTo: Int?

    public init(label: String, cells: [Cell], roundTo: Int? = nil) {
        self.label = label
        self.cells = cells
        self.roundTo = roundTo
    }
}
