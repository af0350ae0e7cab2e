import Foundation

/// An e-mail address with an optional display name, as in `Mario Rossi <mario.rossi@comune.it>`. Only addresses
/// a header and an SMTP command can carry safely are accepted: no spaces, angle brackets or line breaks.
public struct MailAddress: Sendable, Hashable {
    public let name: String?
    public let address: String

    public init?(name: String? = nil, address: String) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard Self.isValid(trimmed) else { return nil }
        self.address = trimmed
        let cleanName = name.map { $0.filter { !$0.isNewline }.trimmingCharacters(in: .whitespaces) }
        self.name = cleanName?.isEmpty == false ? cleanName : nil
    }

    /// `addr@host` or `Name <addr@host>`.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            self.init(name: name, address: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        } else {
            self.init(address: text)
        }
    }

    /// The part after "@", used to name the Message-ID.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            address.utf8.count <= 254
        else { return false }
        return !address.contains { $0.isWhitespace || $0.isNewline || "<>()[],;:\"\\".contains($0) || !$0.isASCII }
    }
}
