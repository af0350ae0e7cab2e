/// Escaping for string-built XML. Characters XML 1.0 forbids (most C0 controls, U+FFFE/U+FFFF) are dropped:
/// no spreadsheet could store them and a parser would refuse the whole file.
enum XMLText {
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Text content. A carriage return is written as a character reference because parsers normalise a literal
    /// one to a line feed.
    static func escape(_ s: String) -> String { encode(s, attribute: false) }

    /// Attribute values in double quotes; whitespace controls become references so attribute normalisation
    /// keeps them.
    static func attribute(_ s: String) -> String { encode(s, attribute: true) }

    private static func encode(_ s: String, attribute: Bool) -> String {
        guard needsWork(s, attribute: attribute) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            default: if isAllowed(u) { out.append(u) }
            }
        }
        return String(out)
    }

    /// Removes what XML cannot carry, for text that is escaped elsewhere (sheet names, ODS runs).
    static func strip(_ s: String) -> String {
        s.unicodeScalars.allSatisfy(isAllowed) ? s : String(String.UnicodeScalarView(s.unicodeScalars.filter(isAllowed)))
    }

    private static func needsWork(_ s: String, attribute: Bool) -> Bool {
        for u in s.utf8 {
            if u == 0x26 || u == 0x3C || u == 0x3E || u == 0x0D || u >= 0xEF { return true }
            if u < 0x20 && u != 0x0A && u != 0x09 { return true }
            if attribute && (u == 0x22 || u == 0x0A || u == 0x09) { return true }
        }
        return false
    }
}
