import Foundation
import ZIPFoundation

/// The ZIP container shared by XLSX and ODS: named parts in, named parts out.
struct ZipPackage {
    private let archive: Archive

    init(data: Data) throws {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetFileError.notAnArchive
        }
    }

    /// The part's bytes, or nil when the archive has no such part. Paths match case-insensitively as a
    /// fallback, because a few writers capitalise differently from the specifications.
    func part(_ path: String) throws -> Data? {
        let entry = archive[path] ?? archive.first { $0.path.lowercased() == path.lowercased() }
        guard let entry, entry.type == .file else { return nil }
        guard entry.uncompressedSize <= SheetLimits.maxPartSize else { throw SpreadsheetFileError.partTooLarge(path) }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            // The declared size can lie: stop inflating as soon as the real one passes the limit.
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > SheetLimits.maxPartSize { throw SpreadsheetFileError.partTooLarge(path) }
            }
            // ZIPFoundation computes the checksum but leaves the comparison to the caller. A mismatch is a damaged
            // part even when its bytes still happen to be well-formed XML.
            guard checksum == entry.checksum else { throw SpreadsheetFileError.malformedPart(path, line: 0) }
        } catch let error as SpreadsheetFileError {
            throw error
        } catch {
            throw SpreadsheetFileError.malformedPart(path, line: 0)
        }
        return data
    }

    /// The file parts in archive order, each with whether it is stored uncompressed.
    var partList: [(path: String, stored: Bool)] {
        archive.filter { $0.type == .file }.map { ($0.path, !$0.isCompressed) }
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
