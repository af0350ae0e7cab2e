import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// The document's tables as spreadsheets (one sheet per table, frozen header, numbers with Italian display
/// formats, totals as formulas where they hold), as CSV and as JSON.
public enum TableRenderers {
    // MARK: spreadsheets

    public static func spreadsheet(_ doc: ReportDocument, as format: SpreadsheetFormat) throws -> Data {
        var sheets = [about(doc)]
        sheets += doc.tables.map(sheet)
        return try SpreadsheetFile.write(sheets, as: format)
    }

    /// The first sheet says what the file is: title, ente, cover lines, date generated.
    static func about(_ doc: ReportDocument) -> Sheet {
        var rows: [[Cell]] = [[.text(doc.title)], [.text(doc.enteName)]]
        if let s = doc.subtitle { rows.append([.text(s)]) }
        rows += doc.cover.map { [.text($0)] }
        rows.append([.text("Generato da Traguardo il"), .date(doc.generatedOn)])
        rows.append([])
        rows.append([.text("Foglio"), .text("Contenuto")])
        rows += doc.tables.map { [.text($0.name), .text($0.title)] }
        return Sheet(name: "Documento", rows: rows, columnWidths: [36, 80], headerRows: 0)
    }

    static func sheet(_ table: ReportTable) -> Sheet {
        var rows: [[Cell]] = [table.columns.map { .text($0.title) }]
        for row in table.rows {
            rows.append(table.columns.indices.map { i in cell(i < row.count ? row[i] : .empty, table.columns[i]) })
        }
        if let total = table.total {
            let labelColumn = table.columns.firstIndex { $0.kind == .text } ?? 0
            var last = [Cell](repeating: .empty, count: table.columns.count)
            last[labelColumn] = .text(total.label)
            for c in total.cells where c.column < table.columns.count {
                // A total printed with "%" over a column of points keeps points, so its formula still holds.
                let column = table.columns[c.column]
                if let f = c.formula, !table.rows.isEmpty {
                    let function: SheetFormula.Function =
                        switch f {
                        case .average: .average
                        case .sum: .sum
                        case .count: .count
                        }
                    let formula = SheetFormula(
                        function, column: c.column, rows: 1...table.rows.count, roundTo: f == .average ? total.roundTo : nil)
                    let format = c.asPercent ? .pointsPercent(column.decimals) : style(column, c.value.number ?? 0)
                    last[c.column] = .formula(formula, cached: c.value.number.map { scale($0, column) }, format)
                } else if c.asPercent, let n = c.value.number {
                    last[c.column] = .styled(n, .pointsPercent(column.decimals))
                } else {
                    last[c.column] = cell(c.value, column)
                }
            }
            rows.append(last)
        }
        let widths = table.columns.map { c -> Double in
            switch c.kind {
            case .text: c.title.count > 20 ? 48 : 32
            default: max(12, min(Double(c.title.count), 24))
            }
        }
        return Sheet(name: table.name, rows: rows, columnWidths: widths, headerRows: 1)
    }

    /// Percent columns hold points (99,08): the spreadsheet stores the fraction (0,9908) under a % format.
    static func scale(_ v: Double, _ c: ReportColumn) -> Double { c.kind == .percent ? v / 100 : v }

    static func style(_ c: ReportColumn, _ v: Double) -> DisplayFormat {
        switch c.kind {
        case .integer: .integer
        case .percent: .percent(c.decimals)
        case .score: .decimal(c.decimals)
        default: v.rounded() == v ? .integer : .decimal(2)
        }
    }

    static func cell(_ v: ReportValue, _ c: ReportColumn) -> Cell {
        switch v {
        case .text(let t): .text(t)
        case .number(let n): .styled(scale(n, c), style(c, n))
        case .date(let d): .date(d)
        // "non rilevato" stays text, so a mean formula leaves it out instead of counting a zero.
        case .missing(let m): m.isEmpty ? .empty : .text(m)
        case .empty: .empty
        }
    }

    // MARK: CSV

    public enum CSVDialect: Sendable {
        /// ";" with a BOM and decimal commas, dates dd/mm/yyyy: Excel and LibreOffice in Italian open it as is.
        case italian
        /// RFC 4180: "," and decimal points, ISO dates, no BOM: for programs and open-data portals.
        case rfc4180
    }

    /// One CSV per table: a single file when the document has one table, else a zip of them.
    public static func csv(_ doc: ReportDocument, dialect: CSVDialect) throws -> (data: Data, isZip: Bool) {
        // A document without tables (minutes with no decisions yet) still gives a CSV: what the document is.
        let tables = doc.tables.isEmpty ? [coverTable(doc)] : doc.tables
        if tables.count == 1 { return (csv(tables[0], dialect: dialect), false) }
        var files = tables.map { (name: fileName($0.name) + ".csv", data: csv($0, dialect: dialect)) }
        // Open data: the package the metadata describes, every distribution in it.
        if let metadata = doc.metadata {
            files.append((name: "dati-aperti.json", data: try json(doc)))
            files.append((name: "metadati-dcat-ap-it.jsonld", data: try encode(metadata)))
        }
        return (try ZipArchive.write(files), true)
    }

    static func coverTable(_ doc: ReportDocument) -> ReportTable {
        let lines = [doc.title, doc.enteName] + [doc.subtitle].compactMap { $0 } + doc.cover
        return ReportTable(
            name: "Documento", title: doc.title, columns: [ReportColumn("Documento", key: "documento")], rows: lines.map { [.text($0)] })
    }

    public static func csv(_ table: ReportTable, dialect: CSVDialect) -> Data {
        let separator = dialect == .italian ? ";" : ","
        var lines = [table.columns.map { field($0.title, separator) }.joined(separator: separator)]
        for row in table.rows {
            lines.append(
                table.columns.indices.map { i in field(text(i < row.count ? row[i] : .empty, table.columns[i], dialect), separator) }
                    .joined(separator: separator))
        }
        let body = lines.joined(separator: "\r\n") + "\r\n"
        return (dialect == .italian ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(body.utf8)
    }

    static func text(_ v: ReportValue, _ c: ReportColumn, _ dialect: CSVDialect) -> String {
        switch (v, dialect) {
        case (.number(let n), .italian):
            ItalianFormat.number(n, decimals: c.kind == .integer ? 0 : 6, trimZeros: true).replacingOccurrences(of: ".", with: "")
        case (.number(let n), .rfc4180): NumberText.canonical(n)
        case (.date(let d), .italian): d.italian
        case (.date(let d), .rfc4180): d.iso
        case (.missing(let m), .italian): m
        case (.missing, .rfc4180): ""
        // A title typed as "=…" must not run as a formula when Excel opens the file (CSV injection).
        case (.text(let t), .italian): t.first.map { "=+-@\t\r".contains($0) } == true ? "'" + t : t
        case (.text(let t), .rfc4180): t
        case (.empty, _): ""
        }
    }

    static func field(_ s: String, _ separator: String) -> String {
        guard s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func fileName(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    // MARK: JSON

    /// The document as data: every table with its rows as objects keyed by column, the sections as blocks.
    public static func json(_ doc: ReportDocument) throws -> Data { try encode(JSONDocument(doc)) }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    struct JSONDocument: Encodable {
        let tipo: String
        let titolo: String
        let ente: String
        let sottotitolo: String?
        let copertina: [String]
        let generato: String
        let tabelle: [JSONTable]
        let metadati: OpenDataMetadata?
        let sezioni: [ReportSection]

        init(_ doc: ReportDocument) {
            tipo = doc.kind.rawValue
            titolo = doc.title
            ente = doc.enteName
            sottotitolo = doc.subtitle
            copertina = doc.cover
            generato = doc.generatedOn.iso
            tabelle = doc.tables.map(JSONTable.init)
            metadati = doc.metadata
            sezioni = doc.kind == .openData ? [] : doc.sections
        }
    }

    struct JSONTable: Encodable {
        let nome: String
        let titolo: String
        let colonne: [ReportColumn]
        let righe: [[String: ReportValue]]
        let totale: ReportTotal?

        init(_ t: ReportTable) {
            nome = t.name
            titolo = t.title
            colonne = t.columns
            righe = t.rows.map { row in
                Dictionary(t.columns.indices.map { (t.columns[$0].key, $0 < row.count ? row[$0] : .empty) }, uniquingKeysWith: { a, _ in a })
            }
            totale = t.total
        }
    }
}
