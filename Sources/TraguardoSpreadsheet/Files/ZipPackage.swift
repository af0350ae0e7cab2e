import Foundation
import ZIPFoundation

/// The ZIP container shared by XLSX and ODS: named parts in, named parts out.
struct ZipPackage {
    private let reader: ZipReader

    init(data: Data) throws {
        reader = try ZipReader(data: data)
    }

    /// The part's bytes, or nil when the archive has no such part. Paths match case-insensitively as a
    /// fallback, because a few writers capitalise differently from the specifications.
    /// `checkUTF8: false` leaves the encoding check to a caller that can name the sheet (ODS's one content.xml).
    func part(_ path: String, checkUTF8: Bool = true) throws -> Data? {
        guard let entry = reader.parts.first(where: { $0.path == path }) ?? reader.parts.first(where: { $0.path.lowercased() == path.lowercased() }),
            !entry.path.hasSuffix("/")
        else { return nil }
        let data = try reader.extract(entry, limit: SheetLimits.maxPartSize)
        // XMLParser on Linux traps on a name that is not UTF-8 (a crash found by fuzzing, not an error it
        // reports): every XML part is checked first, and refused with the line of the first bad byte.
        if checkUTF8, path.hasSuffix(".xml") || path.hasSuffix(".rels"), let bad = Self.firstInvalidUTF8(data) {
            throw SpreadsheetFileError.malformedPart(path, line: bad.line)
        }
        return data
    }

    /// The offset and line of the first byte sequence that is not UTF-8, or nil when the whole part is.
    static func firstInvalidUTF8(_ data: Data) -> (offset: Int, line: Int)? {
        guard String(validating: data, as: UTF8.self) == nil else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1, offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0x0A { line += 1 }
                offset += scalar.count
            case .error, .emptyInput: return (offset, line)
            }
        }
    }

    func requiredPart(_ path: String, checkUTF8: Bool) throws -> Data {
        guard let data = try part(path, checkUTF8: checkUTF8) else { throw SpreadsheetFileError.missingPart(path) }
        return data
    }

    /// The file parts in archive order, each with whether it is stored uncompressed.
    var partList: [(path: String, stored: Bool)] {
        reader.parts.filter { !$0.path.hasSuffix("/") }.map { ($0.path, $0.method == 0) }
    }

    func requiredPart(_ path: String) throws -> Data {
        guard let data = try part(path) else { throw SpreadsheetFileError.missingPart(path) }
        return data
    }

    /// Writes parts in the given order. `stored` parts are not compressed (ODS requires this of `mimetype`).
    /// A fixed modification date keeps the output byte-for-byte reproducible.
    static func write(_ parts: [(path: String, data: Data, stored: Bool)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
        for part in parts {
            let bytes = part.data
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                compressionMethod: part.stored ? .none : .deflate
            ) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<start + size)
            }
        }
        guard let data = archive.data else { throw SpreadsheetFileError.notAnArchive }
        return data
    }
}
