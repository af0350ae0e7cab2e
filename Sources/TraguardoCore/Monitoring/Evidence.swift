import Foundation

/// A file an owner attaches to an objective in a campaign as evidence (a determina, a report, a screenshot).
/// The bytes are kept by the app; this is what pages and the audit trail show.
public struct Evidence: Hashable, Sendable, Codable {
    public var id: UUID
    public var campaignKey: String
    public var nodeKey: String
    public var filename: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date?

    public init(
        id: UUID, campaignKey: String, nodeKey: String, filename: String, contentType: String, size: Int, sha256: String, uploadedBy: String,
        uploadedAt: Date? = nil
    ) {
        self.id = id
        self.campaignKey = campaignKey
        self.nodeKey = nodeKey
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// What an evidence file may be: a document type the offices actually produce, recognised by its content (the
/// first bytes), not by the name the browser sends, and no bigger than the limit.
public enum EvidenceRules {
    public static let maxBytes = 10 * 1024 * 1024

    public enum Kind: String, CaseIterable, Sendable {
        case pdf, png, jpeg, docx, xlsx, odt, ods, csv, txt

        public var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .odt: "application/vnd.oasis.opendocument.text"
            case .ods: "application/vnd.oasis.opendocument.spreadsheet"
            case .csv: "text/csv; charset=utf-8"
            case .txt: "text/plain; charset=utf-8"
            }
        }
    }

    /// The file's kind, or the Italian reason it is refused.
    public static func check(filename: String, bytes: [UInt8]) throws(EvidenceError) -> Kind {
        guard !bytes.isEmpty else { throw .empty(filename) }
        guard bytes.count <= maxBytes else { throw .tooLarge(filename, bytes.count) }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes[0..<prefix.count]) == prefix }
        let kind: Kind?
        if starts(Array("%PDF-".utf8)) {
            kind = .pdf
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            kind = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            kind = .jpeg
        } else if starts([0x50, 0x4B, 0x03, 0x04]) {
            // Office and OpenDocument files are zip archives: the extension says which.
            kind = ["docx": .docx, "xlsx": .xlsx, "odt": .odt, "ods": .ods][ext]
        } else if ext == "csv" || ext == "txt", String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) {
            kind = ext == "csv" ? .csv : .txt
        } else {
            kind = nil
        }
        guard let kind else { throw .unsupported(filename) }
        return kind
    }

    /// A name safe to store and to send back: no path, no control characters, at most 120 characters.
    public static func safeName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "allegato"
        let cleaned = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" })
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "allegato" : String(trimmed.suffix(120))
    }
}

public enum EvidenceError: Error, CustomStringConvertible, Equatable, Sendable {
    case empty(String), tooLarge(String, Int), unsupported(String), unknown

    public var description: String {
        switch self {
        case .empty(let name): "Il file «\(name)» è vuoto."
        case .tooLarge(let name, let size):
            "Il file «\(name)» è di \(ItalianFormat.number(Double(size) / 1_048_576, decimals: 1)) MB: il limite è \(EvidenceRules.maxBytes / 1_048_576) MB."
        case .unsupported(let name):
            "Il file «\(name)» non è di un tipo ammesso: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, CSV o TXT (riconosciuto dal contenuto)."
        case .unknown: "Allegato inesistente."
        }
    }
}
