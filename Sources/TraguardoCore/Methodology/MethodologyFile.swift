import Foundation

/// A methodology as a file an ente writes and reads: JSON in the format of the presets (documented by
/// `schema/methodology-v1.schema.json` and `docs/metodologia.md`), written the same way every time so that
/// export → adopt → export gives the same bytes and two versions compare line by line.
public enum MethodologyFile {
    public static func encode(_ methodology: Methodology) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(methodology) + Data("\n".utf8)
    }

    /// The file read and checked: the methodology when it decodes, and every problem found, each naming the rule
    /// by its path. Errors make the file unusable; warnings are for the person who wrote it.
    public static func check(_ data: Data) -> (methodology: Methodology?, issues: [MethodologyIssue]) {
        if let excess = InputLimits.checkJSON(data) { return (nil, [MethodologyIssue(.error, "(file)", excess)]) }
        do {
            let methodology = try JSONDecoder().decode(Methodology.self, from: data)
            return (methodology, methodology.validate())
        } catch let error as DecodingError {
            return (nil, [MethodologyIssue(.error, path(of: error), BundleDecodingMessage.italian(error))])
        } catch {
            return (nil, [MethodologyIssue(.error, "(file)", "il file non è un JSON valido.")])
        }
    }

    /// Line by line difference of two methodologies as files ("- " removed, "+ " added), for the list of adopted
    /// versions: what a new version changed, readable without a tool.
    public static func diff(_ before: Methodology, _ after: Methodology) -> [String] {
        let old = (try? encode(before)).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
        let new = (try? encode(after)).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
        return new.difference(from: old).map { change in
            switch change {
            case .remove(_, let line, _): "- " + line.trimmingCharacters(in: .whitespaces)
            case .insert(_, let line, _): "+ " + line.trimmingCharacters(in: .whitespaces)
            }
        }
    }

    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context? =
            switch error {
            case .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): c
            @unknown default: nil
            }
        let p = (context?.codingPath ?? []).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.hasPrefix(".") ? String(p.dropFirst()) : (p.isEmpty ? "(file)" : p)
    }
}
