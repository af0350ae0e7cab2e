import Foundation
import TraguardoCore

/// Reads every worksheet of an XLSX into grids. Handles shared and inline strings, numbers, booleans, cached
/// formula results, cells and rows without an `r` attribute, serial numbers in date-formatted cells, and
/// percent-formatted cells (read as the number shown: 20% is 20, as Traguardo counts percentages).
enum XLSXReader {
    static func read(_ data: Data) throws -> [Sheet] {
        let zip = try ZipPackage(data: data)
        let workbookPath = try officeDocumentPath(zip)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let workbook = WorkbookPartHandler()
        try XMLEvents.parse(try zip.requiredPart(workbookPath), part: workbookPath, into: workbook)
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + workbookPath.split(separator: "/").last! + ".rels"
        let rels = RelationshipsHandler()
        if let relsData = try zip.part(relsPath) { try XMLEvents.parse(relsData, part: relsPath, into: rels) }

        let shared = SharedStringsHandler()
        let sharedPath = resolve(rels.targetsByType["sharedStrings"] ?? "sharedStrings.xml", in: folder)
        if let data = try zip.part(sharedPath) { try XMLEvents.parse(data, part: sharedPath, into: shared) }
        let styles = StylesHandler()
        let stylesPath = resolve(rels.targetsByType["styles"] ?? "styles.xml", in: folder)
        if let data = try zip.part(stylesPath) { try XMLEvents.parse(data, part: stylesPath, into: styles) }

        let context = WorksheetHandler.Context(sharedStrings: shared.strings, numberStyles: styles.numberStyles, date1904: workbook.date1904)
        var sheets: [Sheet] = []
        for (index, entry) in workbook.sheets.enumerated() {
            let path = resolve(rels.targets[entry.relationshipID] ?? "worksheets/sheet\(index + 1).xml", in: folder)
            // Chartsheets and dialog sheets have no cells; a missing part is an empty sheet, not a failure.
            let part: Data?
            do {
                part = try zip.part(path)
            } catch SpreadsheetFileError.malformedPart(_, let line) {
                // The part could not be extracted (bad CRC, broken deflate stream): name the sheet it holds.
                throw SpreadsheetFileError.damagedSheet(sheet: entry.name, part: path, line: line)
            }
            guard let part else {
                sheets.append(Sheet(name: entry.name, rows: []))
                continue
            }
            let handler = WorksheetHandler(context: context)
            try XMLEvents.parse(part, part: path, sheet: entry.name, into: handler)
            var sheet = Sheet(name: entry.name, rows: handler.rows)
            sheet.trimTrailingEmpties()
            sheets.append(sheet)
        }
        return sheets
    }

    private static func officeDocumentPath(_ zip: ZipPackage) throws -> String {
        let rels = RelationshipsHandler()
        if let data = try zip.part("_rels/.rels") {
            try XMLEvents.parse(data, part: "_rels/.rels", into: rels)
            if let target = rels.targetsByType["officeDocument"] { return resolve(target, in: "") }
        }
        guard try zip.part("xl/workbook.xml") != nil else { throw SpreadsheetFileError.missingPart("xl/workbook.xml") }
        return "xl/workbook.xml"
    }

    /// Targets are relative to the workbook's folder, or absolute from the package root when they start with "/".
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }
}

/// Builds the grid of one worksheet from `<row>`/`<c>` events.
final class WorksheetHandler: XMLEventHandler {
    struct Context {
        let sharedStrings: [String]
        let numberStyles: [NumberStyle]
        let date1904: Bool
    }

    private let context: Context
    private(set) var rows: [[Cell]] = []
    private var rowIndex = -1, columnIndex = -1
    private var type = "", style = 0
    private var value = "", inlineText = ""
    private var inValue = false, inInline = false, inInlineText = false, phoneticDepth = 0

    init(context: Context) { self.context = context }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowIndex = attributes["r"].flatMap { Int($0) }.map { $0 - 1 } ?? rowIndex + 1
            columnIndex = -1
        case "c":
            columnIndex = attributes["r"].flatMap { ColumnLetters.index(ofReference: Substring($0)) } ?? columnIndex + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            inlineText = ""
        case "v": inValue = true
        case "is": inInline = true
        case "rPh": phoneticDepth += 1
        case "t": inInlineText = inInline && phoneticDepth == 0
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "v": inValue = false
        case "is": inInline = false
        case "rPh": phoneticDepth -= 1
        case "t": inInlineText = false
        case "c": store(makeCell())
        default: break
        }
    }

    func text(_ text: String) {
        if inValue { value += text } else if inInlineText { inlineText += text }
    }

    private func makeCell() -> Cell {
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), context.sharedStrings.indices.contains(i) else { return .empty }
            return textCell(context.sharedStrings[i])
        case "inlineStr": return textCell(OOXMLEscapes.decode(inlineText))
        case "str", "e": return textCell(OOXMLEscapes.decode(value))
        case "b": return value.isEmpty ? .empty : .bool(value == "1" || value.lowercased() == "true")
        case "d": return Day(iso: String(value.prefix(10))).map(Cell.date) ?? textCell(value)
        default:
            guard let number = NumberText.parse(value) else { return value.isEmpty ? .empty : textCell(value) }
            switch context.numberStyles.indices.contains(style) ? context.numberStyles[style] : .plain {
            case .date: return ExcelDate.day(fromSerial: number, date1904: context.date1904).map(Cell.date) ?? .number(number)
            case .percent: return .number(NumberText.percentShown(number))
            case .plain: return .number(number)
            }
        }
    }

    private func textCell(_ s: String) -> Cell { s.isEmpty ? .empty : .text(s) }

    private func store(_ cell: Cell) {
        guard cell != .empty, rowIndex >= 0, rowIndex < SheetLimits.maxRows,
            columnIndex >= 0, columnIndex < SheetLimits.maxColumns
        else { return }
        if rows.count <= rowIndex { rows.append(contentsOf: repeatElement([], count: rowIndex + 1 - rows.count)) }
        if rows[rowIndex].count <= columnIndex {
            rows[rowIndex].append(contentsOf: repeatElement(.empty, count: columnIndex + 1 - rows[rowIndex].count))
        }
        rows[rowIndex][columnIndex] = cell
    }
}
