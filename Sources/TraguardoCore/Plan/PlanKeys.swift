import Foundation

/// Stable keys for what users create in the browser. Keys are deterministic (the first free number), so a
/// test, an import and a second click all see the same names.
public enum PlanKeys {
    public static func plan(firstYear: Int, lastYear: Int) -> String { "PIAO-\(firstYear)-\(lastYear)" }

    public static func node(existing: Set<String>) -> String {
        firstFree(existing) { "N-" + String(format: "%03d", $0) }
    }

    public static func indicator(of nodeKey: String, existing: Set<String>) -> String {
        firstFree(existing) { "\(nodeKey)-I\($0)" }
    }

    public static func phase(of nodeKey: String, existing: Set<String>) -> String {
        firstFree(existing) { "\(nodeKey)-F\($0)" }
    }

    /// "OB-1-copia", then "OB-1-copia2", "OB-1-copia3", …
    public static func copy(of key: String, existing: Set<String>) -> String {
        let first = "\(key)-copia"
        guard existing.contains(first) else { return first }
        return firstFree(existing, from: 2) { "\(key)-copia\($0)" }
    }

    public static func unit(code: String) -> String { "U-" + code }

    /// A campaign: "M-2024-06-30" for a mid-year monitoring, "C-2024-12-31" for a final one; "-2", "-3" if taken.
    public static func campaign(asOf: Day, isFinal: Bool, existing: Set<String>) -> String {
        let base = (isFinal ? "C-" : "M-") + asOf.iso
        guard existing.contains(base) else { return base }
        return firstFree(existing, from: 2) { "\(base)-\($0)" }
    }

    /// "P-rossi-anna": lower case, accents folded, anything else a single hyphen.
    public static func person(familyName: String, givenName: String) -> String {
        "P-" + slug(familyName + " " + givenName)
    }

    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }

    private static func firstFree(_ existing: Set<String>, from start: Int = 1, _ make: (Int) -> String) -> String {
        var n = start
        while existing.contains(make(n)) { n += 1 }
        return make(n)
    }
}
