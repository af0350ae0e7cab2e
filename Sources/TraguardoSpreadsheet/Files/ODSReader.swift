import Foundation
import TraguardoCore

/// Reads every table of an ODS `content.xml` into grids, expanding `number-columns-repeated` and
/// `number-rows-repeated` only where they carry content (LibreOffice pads sheets with a million empty rows).
/// Percentage cells read as the number shown (20% is 20), as in XLSX. A damaged or truncated `content.xml`
/// refuses the whole file, naming the table that was being read when the damage was found.
enum ODSReader {
    static func read(_ data: Data) throws -> [Sheet] {
        let zip = try ZipPackage(data: data)
        let content = try zip.requiredPart("content.xml", checkUTF8: false)
        if let bad = ZipPackage.firstInvalidUTF8(content) {
            // Every sheet is in content.xml: the damaged one is the last table opened before the bad bytes.
            let before = String(decoding: content.prefix(bad.offset), as: UTF8.self)
            if let open = before.range(of: "table:name=\"", options: .backwards),
                let close = before[open.upperBound...].firstIndex(of: "\"")
            {
                let name = String(before[open.upperBound..<close]).replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                throw SpreadsheetFileError.damagedSheet(sheet: name, part: "content.xml", line: bad.line)
            }
            throw SpreadsheetFileError.malformedPart("content.xml", line: bad.line)
        }
        let handler = ODSContentHandler()
        try XMLEvents.parse(content, part: "content.xml", into: handler)
        return handler.sheets
    }
}

final class ODSContentHandler: XMLEventHandler {
    private(set) var sheets: [Sheet] = []

    /// The name of the last top-level table started: the sheet being read, named if the XML turns out damaged.
    private(set) var tableName: String?
    var sheetBeingRead: String? { tableName }
    private var tableDepth = 0
    private var rows: [[Cell]] = []
    private var pendingEmptyRows = 0
    private var row: [Cell] = []
    private var pendingEmptyCells = 0
    private var rowRepeat = 1

    private var inCell = false
    private var cellAttributes: [String: String] = [:]
    private var paragraphs: [String] = []
    private var paragraph = ""
    private var inParagraph = false
    private var ignoredDepth = 0

    func start(_ name: String, _ attributes: [String: String]) {
        if ignoredDepth > 0 {
            if name == "annotation" || name == "table" { ignoredDepth += 1 }
            return
        }
        switch name {
        case "table":
            // A table inside a cell (rare sub-tables) is not part of the grid.
            if tableDepth > 0 {
                ignoredDepth = 1
                return
            }
            tableDepth = 1
            tableName = attributes["name"] ?? "Foglio\(sheets.count + 1)"
            rows = []
            pendingEmptyRows = 0
        case "table-row":
            row = []
            pendingEmptyCells = 0
            rowRepeat = max(1, attributes["number-rows-repeated"].flatMap { Int($0) } ?? 1)
        case "table-cell", "covered-table-cell":
            inCell = true
            cellAttributes = attributes
            paragraphs = []
        case "annotation":
            ignoredDepth = 1
        case "p", "h":
            if inCell {
                inParagraph = true
                paragraph = ""
            }
        case "s":
            if inParagraph { paragraph += String(repeating: " ", count: max(1, attributes["c"].flatMap { Int($0) } ?? 1)) }
        case "tab":
            if inParagraph { paragraph += "\t" }
        case "line-break":
            if inParagraph { paragraph += "\n" }
        default: break
        }
    }

    func end(_ name: String) {
        if ignoredDepth > 0 {
            if name == "annotation" || name == "table" { ignoredDepth -= 1 }
            return
        }
        switch name {
        case "p", "h":
            if inParagraph {
                paragraphs.append(paragraph)
                inParagraph = false
            }
        case "table-cell", "covered-table-cell":
            finishCell()
        case "table-row":
            finishRow()
        case "table":
            var sheet = Sheet(name: tableName ?? "", rows: rows)
            sheet.trimTrailingEmpties()
            sheets.append(sheet)
            tableDepth = 0
        default: break
        }
    }

    func text(_ text: String) {
        if inParagraph && ignoredDepth == 0 { paragraph += text }
    }

    private func finishCell() {
        inCell = false
        let cell = makeCell()
        let repeatCount = max(1, cellAttributes["number-columns-repeated"].flatMap { Int($0) } ?? 1)
        if cell == .empty {
            pendingEmptyCells += repeatCount
            return
        }
        guard row.count + pendingEmptyCells < SheetLimits.maxColumns else { return }
        row.append(contentsOf: repeatElement(.empty, count: pendingEmptyCells))
        pendingEmptyCells = 0
        let room = SheetLimits.maxColumns - row.count
        row.append(contentsOf: repeatElement(cell, count: min(repeatCount, SheetLimits.maxRepeatedContent, room)))
    }

    private func finishRow() {
        if row.isEmpty {
            pendingEmptyRows += rowRepeat
            return
        }
        guard rows.count + pendingEmptyRows < SheetLimits.maxRows else { return }
        rows.append(contentsOf: repeatElement([], count: pendingEmptyRows))
        pendingEmptyRows = 0
        let room = SheetLimits.maxRows - rows.count
        rows.append(contentsOf: repeatElement(row, count: min(rowRepeat, SheetLimits.maxRepeatedContent, room)))
    }

    private func makeCell() -> Cell {
        let type = cellAttributes["value-type"] ?? ""
        let shown = paragraphs.joined(separator: "\n")
        switch type {
        case "float", "currency":
            if let v = cellAttributes["value"].flatMap(NumberText.parse) { return .number(v) }
        case "percentage":
            if let v = cellAttributes["value"].flatMap(NumberText.parse) { return .number(NumberText.percentShown(v)) }
        case "date":
            if let v = cellAttributes["date-value"], let day = Day(iso: String(v.prefix(10))) { return .date(day) }
        case "boolean":
            if let v = cellAttributes["boolean-value"]?.lowercased() { return .bool(v == "true" || v == "1") }
        default:
            break
        }
        let text = cellAttributes["string-value"] ?? shown
        return text.isEmpty ? .empty : .text(text)
    }
}
