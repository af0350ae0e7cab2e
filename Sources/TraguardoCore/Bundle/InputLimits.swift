import Foundation

/// Bounds on what an uploaded file may contain, checked before and after decoding so hostile or broken input
/// is refused with an Italian message that says where, in bounded memory and time.
public enum InputLimits {
    /// Nesting of JSON arrays and objects: a plan bundle needs 6; thousands of levels only serve to exhaust a parser.
    public static let maxJSONDepth = 64
    /// Characters of one text: a whole objective description fits many times; a megabyte title is an attack or an error.
    public static let maxTextLength = 100_000

    /// Scans JSON bytes without building anything: nesting depth and string lengths, with line and column of the
    /// first excess. Strings are measured in bytes here (an upper bound of their characters).
    public static func checkJSON(_ data: Data) -> String? {
        var depth = 0, line = 1, column = 0
        var inString = false, escaped = false, stringBytes = 0, stringLine = 0, stringColumn = 0
        for byte in data {
            column += 1
            if byte == 0x0A {
                line += 1
                column = 0
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                    continue
                }
                stringBytes += 1
                // Four bytes per character at most: beyond that the text is too long whatever it holds.
                if stringBytes > maxTextLength * 4 {
                    return
                        "riga \(stringLine), colonna \(stringColumn): testo di oltre \(ItalianFormat.number(Double(maxTextLength), decimals: 0)) caratteri, oltre il limite."
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                stringBytes = 0
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
}
