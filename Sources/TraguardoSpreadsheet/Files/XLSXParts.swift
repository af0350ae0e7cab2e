/// Handlers for the XLSX parts that surround the worksheets: the workbook (sheet names, date system), the
/// relationships (where each sheet lives), the shared strings and the styles (which cells show dates).

final class WorkbookPartHandler: XMLEventHandler {
    private(set) var sheets: [(name: String, relationshipID: String)] = []
    private(set) var date1904 = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            sheets.append((attributes["name"] ?? "", attributes["id"] ?? ""))
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            date1904 = v == "1" || v == "true"
        default: break
        }
    }
    func end(_ name: String) {}
    func text(_ text: String) {}
}

final class RelationshipsHandler: XMLEventHandler {
    private(set) var targets: [String: String] = [:]
    private(set) var targetsByType: [String: String] = [:]

    func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
        if let type = attributes["Type"], let last = type.split(separator: "/").last { targetsByType[String(last)] = target }
    }
    func end(_ name: String) {}
    func text(_ text: String) {}
}

/// Collects `<si>` items; rich-text runs are concatenated, phonetic guides (`<rPh>`) are skipped.
final class SharedStringsHandler: XMLEventHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false, inText = false
    private var phoneticDepth = 0

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si":
            inItem = true
            current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }
    func end(_ name: String) {
        switch name {
        case "si":
            strings.append(OOXMLEscapes.decode(current))
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
    func text(_ text: String) { if inText { current += text } }
}

/// What a cell style's number format shows, when it changes how the stored number reads.
enum NumberStyle {
    case plain, date, percent
}

/// For each cell style (`cellXfs` index), whether its number format shows a date or a percentage.
final class StylesHandler: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellXfs = false

    var numberStyles: [NumberStyle] {
        formatIDs.map { id in
            if let code = customFormats[id] {
                return ExcelDate.isDateFormatCode(code) ? .date : ExcelDate.isPercentFormatCode(code) ? .percent : .plain
            }
            return ExcelDate.isBuiltInDateFormat(id) ? .date : (id == 9 || id == 10) ? .percent : .plain
        }
    }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }
    func end(_ name: String) { if name == "cellXfs" { inCellXfs = false } }
    func text(_ text: String) {}
}
