import Foundation

/// The two file formats a segretario can use: Excel's and LibreOffice's.
public enum SpreadsheetFormat: String, CaseIterable, Hashable, Sendable {
    case xlsx, ods

    public var fileExtension: String { rawValue }

    public var displayName: String {
        switch self {
        case .xlsx: "XLSX (Excel)"
        case .ods: "ODS (LibreOffice)"
        }
    }

    public var mediaType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        }
    }

    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
    }

    /// Recognises the format from the content (uploads do not always keep their name): an ODS names its
    /// media type in the `mimetype` part, an XLSX has `[Content_Types].xml` and a workbook part.
    public static func detect(_ data: Data) -> SpreadsheetFormat? {
        guard let zip = try? ZipPackage(data: data) else { return nil }
        if let mime = try? zip.part("mimetype"), String(decoding: mime, as: UTF8.self).hasPrefix(SpreadsheetFormat.ods.mediaType) {
            return .ods
        }
        if (try? zip.part("[Content_Types].xml")) != nil { return .xlsx }
        return nil
    }
}

/// Format-independent entry points of the file layer.
public enum SpreadsheetFile {
    public static func write(_ sheets: [Sheet], as format: SpreadsheetFormat) throws -> Data {
        switch format {
        case .xlsx: try XLSXWriter.write(sheets)
        case .ods: try ODSWriter.write(sheets)
        }
    }

    public static func read(_ data: Data, as format: SpreadsheetFormat) throws -> [Sheet] {
        switch format {
        case .xlsx: try XLSXReader.read(data)
        case .ods: try ODSReader.read(data)
        }
    }

    /// Sheet names as both formats accept them: no []:*?/\ and at most 31 characters (Excel's limit), unique
    /// in the workbook.
    static func safeSheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { raw in
            var name = String(XMLText.strip(raw).filter { !"[]:*?/\\".contains($0) && !$0.isNewline })
            if name.isEmpty { name = "Foglio" }
            name = String(name.prefix(SheetLimits.maxSheetNameLength))
            var candidate = name, n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(name.prefix(SheetLimits.maxSheetNameLength - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}

/// A plain zip of files (several CSV tables and their metadata in one download).
public enum ZipArchive {
    public static func write(_ files: [(name: String, data: Data)]) throws -> Data {
        try ZipPackage.write(files.map { ($0.name, $0.data, false) })
    }

    /// The files of a zip in archive order, read with the bounds of an upload (for tools that rewrite one).
    public static func readInOrder(_ data: Data) throws -> [(name: String, data: Data)] {
        let zip = try ZipPackage(data: data)
        return try zip.partList.map { ($0.path, try zip.part($0.path) ?? Data()) }
    }

    /// The files of a zip, by name (for tests and tools that check what was written).
    public static func read(_ data: Data) throws -> [String: Data] {
        let zip = try ZipPackage(data: data)
        var out: [String: Data] = [:]
        for (name, _) in zip.partList { out[name] = try zip.part(name) }
        return out
    }
}
