import Foundation
import TraguardoSpreadsheet
import ZIPFoundation

/// Mutations inside an XLSX or ODS: one XML part changed (its bytes, a text replaced by junk, an entity bomb),
/// a part dropped, or a part that inflates to hundreds of megabytes (a zip bomb).
enum ArchiveMutations {
    static func mutate(_ data: Data, using rng: inout FuzzRandom) -> (Data, String)? {
        // Through Traguardo's bounded reader: ZIPFoundation's own spins forever on a truncated part, and a mutant may be one.
        guard var parts = (try? ZipArchive.readInOrder(data))?.map({ ($0.name, $0.data) }) else { return nil }
        let xml = parts.indices.filter { parts[$0].0.hasSuffix(".xml") }
        guard let target = xml.randomElement(using: &rng) else { return nil }
        let name = parts[target].0
        var what: String
        switch Int.random(in: 0..<6, using: &rng) {
        case 3 where rng.chance(0.1):
            // 80 MB of zeros deflate to ~80 KB: a zip bomb beyond the reader's per-part limit. Rare, as it is slow to build.
            parts[target].1 = Data(count: 80 * 1024 * 1024)
            what = "\(name): 80 MB di zeri (bomba zip)"
        case 0, 3:
            let (bytes, how) = ByteMutations.mutate(parts[target].1, splice: Data(), using: &rng)
            parts[target].1 = bytes
            what = "\(name): \(how)"
        case 1:
            parts.remove(at: target)
            what = "\(name) tolto"
        case 2:
            parts[target].1 = Data(
                ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><a>&d;&d;&d;&d;</a>").utf8)
            what = "\(name): espansione di entità (billion laughs)"
        case 4:
            var text = String(decoding: parts[target].1, as: UTF8.self)
            if let range = text.range(of: #">[^<]{2,}<"#, options: .regularExpression) {
                text.replaceSubrange(range, with: ">" + String(repeating: "€", count: 40_000) + "<")
            }
            parts[target].1 = Data(text.utf8)
            what = "\(name): un testo di 40.000 caratteri"
        default:
            var text = String(decoding: parts[target].1, as: UTF8.self)
            let numbers = text.ranges(of: #">-?[0-9]+(\.[0-9]+)?<"#)
            if let range = numbers.randomElement(using: &rng) {
                text.replaceSubrange(range, with: [">1e999<", ">-0<", ">NaN<", ">99999999999999999999<", "><"].randomElement(using: &rng)!)
            }
            parts[target].1 = Data(text.utf8)
            what = "\(name): un numero estremo"
        }
        guard let out = try? Archive(data: Data(), accessMode: .create) else { return nil }
        for (path, bytes) in parts {
            let method: CompressionMethod = path == "mimetype" ? .none : .deflate
            guard
                (try? out.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: method) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }) != nil
            else { return nil }
        }
        return out.data.map { ($0, what) }
    }
}

extension String {
    func ranges(of pattern: String) -> [Range<String.Index>] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap { Range($0.range, in: self) }
    }
}
