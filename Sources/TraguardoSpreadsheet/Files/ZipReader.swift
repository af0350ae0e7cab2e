import Foundation
import ZIPFoundation

/// A strict reader of the ZIP container of an uploaded XLSX or ODS, over bytes in memory. Each part's compressed
/// bytes are bounded by the central directory before inflating: ZIPFoundation's own reader spins forever on a
/// deflate stream cut short (it keeps asking for input past the end of the file) and traps on an entry that
/// points past the end of an in-memory archive, two faults fuzzing found. Inflating still uses ZIPFoundation's
/// zlib binding, fed by a provider that refuses to read beyond the part.
struct ZipReader {
    struct Part {
        let path: String
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    let data: Data
    let parts: [Part]

    init(data: Data) throws(SpreadsheetFileError) {
        self.data = data
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most that long).
        guard bytes.count >= 22 else { throw .notAnArchive }
        var end = -1
        for at in stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1) where u32(at) == 0x0605_4B50 {
            end = at
            break
        }
        guard end >= 0 else { throw .notAnArchive }
        let count = u16(end + 10), directorySize = u32(end + 12), directoryOffset = u32(end + 16)
        guard directoryOffset + directorySize <= end else { throw .notAnArchive }
        var parts: [Part] = []
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= end, u32(at) == 0x0201_4B50 else { throw .notAnArchive }
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            guard at + 46 + nameLength <= end else { throw .notAnArchive }
            let path = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let part = Part(
                path: path, method: UInt16(u16(at + 10)), crc32: UInt32(u32(at + 16)), compressedSize: u32(at + 20),
                uncompressedSize: u32(at + 24), localHeaderOffset: u32(at + 42))
            // ZIP64 (sizes of 0xFFFFFFFF) is never needed by a plan and is refused rather than half-supported.
            guard part.compressedSize != 0xFFFF_FFFF, part.uncompressedSize != 0xFFFF_FFFF, part.localHeaderOffset + 30 <= directoryOffset
            else { throw .notAnArchive }
            parts.append(part)
            at += 46 + nameLength + extraLength + commentLength
        }
        self.parts = parts
    }

    /// The part's bytes, inflated within `limit`; a damaged part is an error that names it.
    func extract(_ part: Part, limit: UInt64) throws(SpreadsheetFileError) -> Data {
        guard !part.path.hasSuffix("/") else { return Data() }
        guard UInt64(part.uncompressedSize) <= limit else { throw .partTooLarge(part.path) }
        let header = part.localHeaderOffset
        let bytes = data.startIndex
        func u16(_ at: Int) -> Int { Int(data[bytes + at]) | Int(data[bytes + at + 1]) << 8 }
        guard header + 30 <= data.count, u16(header) | u16(header + 2) << 16 == 0x0403_4B50 else { throw .malformedPart(part.path, line: 0) }
        let start = header + 30 + u16(header + 26) + u16(header + 28)
        guard start + part.compressedSize <= data.count else { throw .malformedPart(part.path, line: 0) }
        let compressed = data.subdata(in: (bytes + start)..<(bytes + start + part.compressedSize))
        var out = Data()
        out.reserveCapacity(min(part.uncompressedSize, Int(limit)))
        let checksum: UInt32
        switch part.method {
        case 0:
            out = compressed
            checksum = out.crc32(checksum: 0)
        case 8:
            do {
                checksum = try Data.decompress(
                    size: Int64(compressed.count), bufferSize: 64 * 1024, skipCRC32: false,
                    provider: { position, size in
                        // Past the part's own bytes there is nothing more to inflate: a stream that still wants input is cut short.
                        guard position < compressed.count else { throw SpreadsheetFileError.malformedPart(part.path, line: 0) }
                        var chunk = compressed.subdata(in: Int(position)..<min(compressed.count, Int(position) + size))
                        // ZIPFoundation tells zlib the chunk is `size` bytes whatever its length: a short last chunk
                        // would let zlib read past it. Zeros fill it; a stream that reaches them fails its checksum.
                        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                        return chunk
                    },
                    consumer: { chunk in
                        out.append(chunk)
                        // The declared size can lie: stop inflating as soon as the real one passes the limit.
                        if UInt64(out.count) > limit { throw SpreadsheetFileError.partTooLarge(part.path) }
                    })
            } catch let error as SpreadsheetFileError {
                throw error
            } catch {
                throw .malformedPart(part.path, line: 0)
            }
        default:
            throw .malformedPart(part.path, line: 0)
        }
        guard checksum == part.crc32 else { throw .malformedPart(part.path, line: 0) }
        return out
    }
}
