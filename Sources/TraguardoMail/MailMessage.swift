import Foundation

/// One e-mail ready for SMTP: the envelope (sender and recipient) and the RFC 5322 text, plain UTF-8 text in
/// base64 so that any server carries it unchanged.
public struct MailMessage: Sendable, Hashable {
    public let from: MailAddress
    public let to: MailAddress
    /// Headers and body with CRLF line ends, not yet dot-stuffed.
    public let text: String

    /// `id` names the Message-ID, so a message sent again after a failure keeps its identity.
    public init(id: UUID, from: MailAddress, to: MailAddress, subject: String, body: String, date: Date = Date()) {
        self.from = from
        self.to = to
        let headers = [
            "From: " + Self.header(from),
            "To: " + Self.header(to),
            "Subject: " + Self.encodedWords(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(id.uuidString.lowercased())@\(from.domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            // RFC 3834: a machine wrote this, so vacation responders stay silent.
            "Auto-Submitted: auto-generated",
        ]
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalised.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        text = headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n"
    }

    static func header(_ address: MailAddress) -> String {
        guard let name = address.name else { return address.address }
        let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-" || $0 == "'") }
        return (plain ? name : encodedWords(name)) + " <\(address.address)>"
    }

    /// RFC 2047: text with non-ASCII characters (or line breaks, which must never reach a header) as base64
    /// encoded words of at most 75 characters, split between whole characters.
    static func encodedWords(_ text: String) -> String {
        let flat = text.map { $0.isNewline ? " " : String($0) }.joined()
        if flat.allSatisfy({ $0.isASCII }) && flat.count <= 900 { return flat }
        var words: [String] = []
        var chunk = Data()
        for character in flat {
            let bytes = Data(String(character).utf8)
            // 45 bytes make 60 base64 characters: with "=?UTF-8?B?" and "?=" the word stays within 75.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
