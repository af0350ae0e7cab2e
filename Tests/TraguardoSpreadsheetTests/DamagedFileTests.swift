import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

/// Re-zipped copies of a workbook with one part replaced: how a damaged or truncated upload looks.
struct DamagedWorkbook {
    let format: SpreadsheetFormat
    let parts: [(path: String, data: Data, stored: Bool)]

    init(_ data: Data, format: SpreadsheetFormat) throws {
        self.format = format
        let zip = try ZipPackage(data: data)
        parts = try zip.partList.map { ($0.path, try zip.requiredPart($0.path), $0.stored) }
    }

    func part(_ path: String) -> Data { parts.first { $0.path == path }!.data }

    /// The workbook with `path` replaced by `bytes`. Parts are stored, not deflated, to keep the test fast.
    func replacing(_ path: String, with bytes: Data) throws -> Data {
        try ZipPackage.write(parts.map { ($0.path, $0.path == path ? bytes : $0.data, true) })
    }

    /// XLSX: worksheet part → the sheet name the user sees, as the workbook and its relationships say.
    func worksheetNames() throws -> [String: String] {
        let workbook = WorkbookPartHandler(), rels = RelationshipsHandler()
        try XMLEvents.parse(part("xl/workbook.xml"), part: "xl/workbook.xml", into: workbook)
        try XMLEvents.parse(part("xl/_rels/workbook.xml.rels"), part: "xl/_rels/workbook.xml.rels", into: rels)
        var names: [String: String] = [:]
        for entry in workbook.sheets {
            names[XLSXReader.resolve(rels.targets[entry.relationshipID]!, in: "xl")] = entry.name
        }
        return names
    }

    /// The XML parts the reader uses: those holding sheets, and the ones that describe them.
    var xmlPartsRead: [String] {
        switch format {
        case .ods: ["content.xml"]
        case .xlsx:
            parts.map(\.path).filter {
                $0.hasPrefix("xl/worksheets/")
                    || [
                        "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                        "xl/_rels/workbook.xml.rels", "_rels/.rels",
                    ].contains($0)
            }
        }
    }

    /// Just after a row end tag in the middle of the part (and, for ODS, just after a table end tag in the middle
    /// of `content.xml`), so that what is left is a shorter but plausible sheet.
    static func boundaryCuts(_ bytes: Data, format: SpreadsheetFormat) -> [(label: String, count: Int)] {
        var cuts: [(label: String, count: Int)] = []
        let rowEnd = format == .xlsx ? "</row>" : "</table:table-row>"
        if let cut = middle(of: rowEnd, in: bytes) { cuts.append(("after \(rowEnd)", cut)) }
        if format == .ods, let cut = middle(of: "</table:table>", in: bytes) { cuts.append(("after </table:table>", cut)) }
        return cuts
    }

    static func fractionCut(_ bytes: Data, _ fraction: Double) -> (label: String, count: Int) {
        ("\(Int(fraction * 100))%", Int(Double(bytes.count) * fraction))
    }

    /// The offset just after the middle occurrence of `tag`.
    static func middle(of tag: String, in bytes: Data) -> Int? {
        let starts = occurrences(of: tag, in: bytes)
        return starts.isEmpty ? nil : starts[starts.count / 2] + tag.utf8.count
    }

    static func occurrences(of tag: String, in bytes: Data) -> [Int] {
        let needle = Data(tag.utf8)
        var found: [Int] = [], from = bytes.startIndex
        while let range = bytes.range(of: needle, in: from..<bytes.endIndex) {
            found.append(range.lowerBound - bytes.startIndex)
            from = range.upperBound
        }
        return found
    }

    /// ODS: the table whose start tag was complete within the first `count` bytes, i.e. the sheet being read
    /// where the cut is met. Nil when the cut comes before the first table.
    static func odsTable(before count: Int, in content: Data) -> String? {
        let head = content.prefix(count)
        var end = head.endIndex
        while let start = head.range(of: Data("<table:table ".utf8), options: .backwards, in: head.startIndex..<end) {
            end = start.lowerBound
            let tag = head[start.upperBound...]
            guard let close = tag.firstIndex(of: UInt8(ascii: ">")) else { continue }  // tag cut in half: not started
            let attributes = String(decoding: tag[..<close], as: UTF8.self)
            guard let open = attributes.range(of: "table:name=\""),
                let quote = attributes[open.upperBound...].firstIndex(of: "\"")
            else { return nil }
            return String(attributes[open.upperBound..<quote])
        }
        return nil
    }
}

@Suite("Damaged or truncated files are refused whole, naming the sheet")
struct DamagedFileTests {
    /// Reads `data`, expecting one file-level error that names `sheet` (or no sheet) and `part`.
    static func expectRefused(
        _ data: Data, as format: SpreadsheetFormat, sheet: String?, part: String, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let bundle = try PlanWorkbook.read(data, as: format)
            Issue.record(
                "\(context): read without errors (\(bundle.nodes.count) nodes, \(bundle.phases.count) phases)",
                sourceLocation: sourceLocation)
        } catch let errors as WorkbookErrors {
            guard errors.errors.count == 1, let error = errors.errors.first else {
                Issue.record("\(context): expected one error, got \(errors)", sourceLocation: sourceLocation)
                return
            }
            #expect(error.sheet == (sheet ?? ""), "\(context): \(error)", sourceLocation: sourceLocation)
            #expect(error.row == 0 && error.column.isEmpty, "\(context): \(error)", sourceLocation: sourceLocation)
            let text = error.description
            #expect(
                text.contains("danneggiato o troncato") && text.contains("nulla è stato importato"),
                "\(context): \(text)", sourceLocation: sourceLocation)
            #expect(text.contains("\"\(part)\""), "\(context): \(text)", sourceLocation: sourceLocation)
            if let sheet { #expect(text.hasPrefix("Foglio \"\(sheet)\": "), "\(context): \(text)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(context): unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Every XML part the reader uses, cut at several points, for every demo plan in both formats. ODS
    /// `content.xml` is cut at 10%, 35%, 60% and 90% of its bytes, just after a row and just after a table in the
    /// middle. Each XLSX worksheet is cut just after a row in the middle and at one fraction that rotates with
    /// the part and the seed, so over the four seeds every worksheet is cut at 10%, 35%, 60% and 90% too; the
    /// parts around the worksheets get one rotating cut. (Reading is what costs: every case reads the whole
    /// workbook up to the damage, and the suite must stay fast.)
    @Test(arguments: TestFiles.seeds.indices, SpreadsheetFormat.allCases)
    func truncatedPartsAreRefusedNamingTheSheet(seed: Int, format: SpreadsheetFormat) throws {
        let slug = TestFiles.seeds[seed]
        let book = try DamagedWorkbook(try PlanWorkbook.write(try TestFiles.seed(slug), as: format), format: format)
        let sheetOf = format == .xlsx ? try book.worksheetNames() : [:]
        if format == .xlsx { #expect(Set(sheetOf.values) == Set(PlanWorkbook.sheetNames)) }
        let fractions = [0.1, 0.35, 0.6, 0.9]
        var cases = 0
        for (index, path) in book.xmlPartsRead.enumerated() {
            let bytes = book.part(path)
            var cuts: [(label: String, count: Int)]
            if format == .ods {
                cuts = fractions.map { DamagedWorkbook.fractionCut(bytes, $0) } + DamagedWorkbook.boundaryCuts(bytes, format: format)
            } else if sheetOf[path] != nil {
                cuts = [DamagedWorkbook.fractionCut(bytes, fractions[(index + seed) % 4])]
                cuts += DamagedWorkbook.boundaryCuts(bytes, format: format)
            } else {
                cuts = [DamagedWorkbook.fractionCut(bytes, fractions[(index + seed) % 4])]
            }
            for cut in cuts {
                let sheet = format == .ods ? DamagedWorkbook.odsTable(before: cut.count, in: bytes) : sheetOf[path]
                let data = try book.replacing(path, with: bytes.prefix(cut.count))
                Self.expectRefused(data, as: format, sheet: sheet, part: path, "\(slug).\(format) \(path) cut \(cut.label)")
                cases += 1
            }
        }
        #expect(cases >= (format == .xlsx ? 15 * 2 : 6))
    }

    /// The case that used to import silently: the "Fasi" sheet cut just after a row, and an ODS cut at 60%.
    @Test func theReportedCasesAreRefused() throws {
        let bundle = try TestFiles.seed("cassano-d-adda")
        let xlsx = try DamagedWorkbook(try PlanWorkbook.write(bundle, as: .xlsx), format: .xlsx)
        let fasi = try #require(try xlsx.worksheetNames().first { $0.value == "Fasi" }?.key)
        let sheet = xlsx.part(fasi)
        let cut = try #require(DamagedWorkbook.middle(of: "</row>", in: sheet))
        do {
            _ = try PlanWorkbook.read(try xlsx.replacing(fasi, with: sheet.prefix(cut)), as: .xlsx)
            Issue.record("the truncated Fasi sheet was read")
        } catch let errors as WorkbookErrors {
            #expect(
                errors.errors == [
                    WorkbookError(
                        sheet: "Fasi", row: 0, column: "", field: "",
                        message: SpreadsheetFileError.damagedSheet(sheet: "Fasi", part: fasi, line: 2).message)
                ])
            #expect(
                errors.errors.first?.description
                    == "Foglio \"Fasi\": il file è danneggiato o troncato (parte interna \"\(fasi)\", riga 2): nulla è stato importato.")
        }

        let ods = try DamagedWorkbook(try PlanWorkbook.write(bundle, as: .ods), format: .ods)
        let content = ods.part("content.xml")
        let count = Int(Double(content.count) * 0.6)
        let table = try #require(DamagedWorkbook.odsTable(before: count, in: content))
        Self.expectRefused(
            try ods.replacing("content.xml", with: content.prefix(count)), as: .ods, sheet: table,
            part: "content.xml", "content.xml at 60%")
    }

    /// Bytes that are no XML in the middle of a sheet, and XML that is well-formed in pieces but not as a whole.
    @Test(arguments: SpreadsheetFormat.allCases)
    func garbageInsideAWorksheetIsRefused(format: SpreadsheetFormat) throws {
        let book = try DamagedWorkbook(try PlanWorkbook.write(try TestFiles.seed("cassano-d-adda"), as: format), format: format)
        let path = format == .xlsx ? try #require(try book.worksheetNames().first { $0.value == "Fasi" }?.key) : "content.xml"
        let bytes = book.part(path)
        // Just after a row in the middle of the Fasi sheet (for ODS, of the Fasi table in content.xml).
        let rowEnd = format == .xlsx ? "</row>" : "</table:table-row>"
        var region = 0..<bytes.count
        if format == .ods {
            let start = try #require(DamagedWorkbook.occurrences(of: "table:name=\"Fasi\"", in: bytes).first)
            let end = try #require(DamagedWorkbook.occurrences(of: "</table:table>", in: bytes).first { $0 > start })
            region = start..<end
        }
        let rows = DamagedWorkbook.occurrences(of: rowEnd, in: bytes).filter(region.contains)
        #expect(rows.count > 10)
        let at = rows[rows.count / 2] + rowEnd.utf8.count
        let garbage: [(String, [UInt8])] = [
            ("invalid bytes", [0x00, 0xFF, 0xFE, 0x01, 0x9C]),
            ("markup noise", Array("<<&& x=\"".utf8)),
            ("stray end tag", Array((format == .xlsx ? "</c></row>" : "</text:p></table:table-cell>").utf8)),
            ("unclosed element", Array((format == .xlsx ? "<row r=\"9999\">" : "<table:table-row>").utf8)),
        ]
        for (label, junk) in garbage {
            var damaged = Data(bytes.prefix(at))
            damaged.append(contentsOf: junk)
            damaged.append(bytes.dropFirst(at))
            Self.expectRefused(try book.replacing(path, with: damaged), as: format, sheet: "Fasi", part: path, "\(format) \(label)")
        }
        // A zero-byte worksheet, and one with content after the end of the document.
        if format == .xlsx {
            Self.expectRefused(try book.replacing(path, with: Data()), as: format, sheet: "Fasi", part: path, "empty part")
        }
        var trailing = bytes
        trailing.append(contentsOf: Array("<extra/>".utf8))
        let last = format == .xlsx ? "Fasi" : try #require(DamagedWorkbook.odsTable(before: bytes.count, in: bytes))
        Self.expectRefused(try book.replacing(path, with: trailing), as: format, sheet: last, part: path, "\(format) trailing content")
    }

    /// A changed letter in a cell text leaves well-formed XML: only the ZIP checksum sees it, and the sheet is
    /// still named.
    @Test func aCorruptedByteThatTheXMLCannotSeeIsRefused() throws {
        let book = try DamagedWorkbook(try PlanWorkbook.write(try TestFiles.seed("leggiuno"), as: .xlsx), format: .xlsx)
        let path = try #require(try book.worksheetNames().first { $0.value == "Fasi" }?.key)
        let part = book.part(path)
        var zip = try book.replacing(path, with: part)  // every part stored: the XML lies in the ZIP as is
        let window = part.dropFirst(part.count / 2).prefix(200)
        var at = try #require(zip.range(of: window)).lowerBound
        var changed = false
        while !changed, let text = zip.range(of: Data("<t xml:space=\"preserve\">".utf8), in: at..<zip.endIndex) {
            at = text.upperBound
            let byte = zip[at]
            if (UInt8(ascii: "a")...UInt8(ascii: "y")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Y")).contains(byte) {
                zip[at] = byte + 1
                changed = true
            }
        }
        #expect(changed)
        Self.expectRefused(zip, as: .xlsx, sheet: "Fasi", part: path, "letter changed inside the ZIP")
    }

    /// Workbooks from other programs: cut in the middle of every part read, shared strings included.
    @Test(arguments: ["fixture-openpyxl.xlsx", "fixture-xlsxwriter.xlsx", "fixture-libreoffice.xlsx", "fixture-libreoffice.ods"])
    func truncatedThirdPartyWorkbooksAreRefused(file: String) throws {
        let data = try TestFiles.fixture(file)
        let format = try #require(SpreadsheetFormat.detect(data))
        let book = try DamagedWorkbook(data, format: format)
        let sheetOf = format == .xlsx ? try book.worksheetNames() : [:]
        if file != "fixture-openpyxl.xlsx" && format == .xlsx { #expect(book.xmlPartsRead.contains("xl/sharedStrings.xml")) }
        for path in book.xmlPartsRead {
            let bytes = book.part(path)
            let count = bytes.count / 2
            let sheet = format == .ods ? DamagedWorkbook.odsTable(before: count, in: bytes) : sheetOf[path]
            Self.expectRefused(
                try book.replacing(path, with: bytes.prefix(count)), as: format, sheet: sheet, part: path,
                "\(file) \(path) cut in half")
        }
    }

    /// What the checks rest on. On Linux XMLParser (libxml2 in recovery mode) returns true for a truncated
    /// document, for fewer than four bytes and for recovered mismatched tags; warnings come through the same
    /// callback as errors and must not refuse a file.
    @Test func xmlEventsRefusesIncompleteDocumentsButNotWarnings() throws {
        final class Ignore: XMLEventHandler {
            func start(_ name: String, _ attributes: [String: String]) {}
            func end(_ name: String) {}
            func text(_ text: String) {}
        }
        func refused(_ xml: String) -> Bool {
            do {
                try XMLEvents.parse(Data(xml.utf8), part: "p.xml", into: Ignore())
                return false
            } catch { return true }
        }
        let doc = "<?xml version=\"1.0\"?>\n<a xmlns=\"http://example.org/a\"><b><c>1</c></b><b><c>2</c></b></a>"
        #expect(!refused(doc))
        #expect(refused(String(doc.dropLast(4))))  // premature end: XMLParser says true
        #expect(refused(String(doc.prefix(doc.count - "<b><c>2</c></b></a>".count))))  // cut after an element
        #expect(refused(""))  // no events, no error from XMLParser
        #expect(refused("<a>"))  // fewer than four bytes
        #expect(refused("<?xml version=\"1.0\"?>"))  // no root
        #expect(refused("<a><b><c></b></a>"))  // mismatched tags, recovered by libxml2
        #expect(refused("<a/><b/>"))  // two roots
        #expect(refused("<a>&nbsp;</a>"))  // undeclared entity
        #expect(!refused("<a xmlns=\"relative\"><b/></a>"))  // warning: relative namespace URI
        #expect(!refused("<a><x:b/></a>"))  // namespace error: undeclared prefix
        #expect(!refused("<a/>\n\n"))
        do {
            try XMLEvents.parse(Data(doc.dropLast(4).utf8), part: "xl/worksheets/sheet9.xml", sheet: "Fasi", into: Ignore())
            Issue.record("read")
        } catch let error as SpreadsheetFileError {
            #expect(error == .damagedSheet(sheet: "Fasi", part: "xl/worksheets/sheet9.xml", line: 2))
            #expect(error.sheet == "Fasi")
        }
        do {
            try XMLEvents.parse(Data(), part: "xl/styles.xml", into: Ignore())
            Issue.record("read")
        } catch let error as SpreadsheetFileError {
            #expect(error == .malformedPart("xl/styles.xml", line: 0))
            #expect(error.description == "Il file è danneggiato o troncato (parte interna \"xl/styles.xml\"): nulla è stato importato.")
        }
    }
}
