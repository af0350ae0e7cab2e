import Foundation

/// Bounds on what an uploaded file may contain, checked before and after decoding so hostile or broken input
/// is refused with an Italian message that says where, in bounded memory and time.
public enum InputLimits {
    /// Nesting of JSON arrays and objects: a plan bundle needs 6; thousands of levels only serve to exhaust a parser.
    public static let maxJSONDepth = 64
    /// Characters of one text: a whole objective description fits many times; a megabyte title is an attack or an error.
    public static let maxTextLength = 100_000

    /// Scans JSON bytes without building anything: nesting depth, the length of every string in characters (an
    /// escape such as `\u00e8` is one), and the NUL character, which PostgreSQL cannot store in a text (a plan
    /// with one would load into SQLite and never move to PostgreSQL). Says where the first excess is.
    public static func checkJSON(_ data: Data) -> String? {
        var depth = 0, line = 1, column = 0
        var inString = false, escaped = false, hexLeft = 0, hexValue = 0
        var characters = 0, stringLine = 0, stringColumn = 0
        for byte in data {
            column += 1
            if byte == 0x0A {
                line += 1
                column = 0
            }
            if inString {
                if hexLeft > 0 {
                    hexLeft -= 1
                    hexValue = hexValue << 4 | Int(hexDigit(byte))
                    if hexLeft == 0 && hexValue == 0 {
                        return "riga \(line), colonna \(column): il carattere nullo (\\u0000) non è ammesso in un testo."
                    }
                    continue
                }
                if escaped {
                    escaped = false
                    if byte == 0x75 {  // \uXXXX: one character, whose four digits follow
                        hexLeft = 4
                        hexValue = 0
                    }
                    continue
                }
                if byte == 0x5C {
                    escaped = true
                    characters += 1
                } else if byte == 0x22 {
                    inString = false
                    continue
                } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: a new character
                    characters += 1
                }
                if characters > maxTextLength {
                    return
                        "riga \(stringLine), colonna \(stringColumn): testo di oltre \(ItalianFormat.number(Double(maxTextLength), decimals: 0)) caratteri, oltre il limite."
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                characters = 0
                (stringLine, stringColumn) = (line, column)
            case 0x5B, 0x7B:
                depth += 1
                if depth > maxJSONDepth {
                    return "riga \(line), colonna \(column): più di \(maxJSONDepth) livelli di elenchi o oggetti annidati, oltre il limite."
                }
            case 0x5D, 0x7D:
                depth -= 1
            default:
                break
            }
        }
        return nil
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: 0x0F  // not a digit: the decoder refuses the escape; a non-zero value keeps this scan quiet
        }
    }
}
