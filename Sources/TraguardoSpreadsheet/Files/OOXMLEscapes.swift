/// OOXML strings escape characters XML cannot hold as "_xHHHH_" (Excel writes a carriage return as "_x000D_").
enum OOXMLEscapes {
    /// 7 when `text` starts with an escape sequence, else nil.
    static func escapeLength(in text: Substring) -> Int? {
        let u = Array(text.utf8.prefix(7))
        guard u.count == 7, u[0] == 0x5F, u[1] == 0x78, u[6] == 0x5F, u[2..<6].allSatisfy(isHex) else { return nil }
        return 7
    }

    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = String.UnicodeScalarView()
        var rest = Substring(text)
        while let r = rest.range(of: "_x") {
            out.append(contentsOf: rest[..<r.lowerBound].unicodeScalars)
            let tail = rest[r.lowerBound...]
            if escapeLength(in: tail) != nil, let code = UInt32(String(tail.dropFirst(2).prefix(4)), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                out.append(scalar)
                rest = tail.dropFirst(7)
            } else {
                out.append("_")
                rest = tail.dropFirst()
            }
        }
        out.append(contentsOf: rest.unicodeScalars)
        return String(out)
    }

    private static func isHex(_ u: UInt8) -> Bool {
        (0x30...0x39).contains(u) || (0x41...0x46).contains(u) || (0x61...0x66).contains(u)
    }
}
