/// Methodologies are stored and versioned: a rule added to the schema later must not make older saved
/// methodologies undecodable. Missing keys take the rule's default; an explicit `null` stays `nil`
/// (e.g. `"cap": null` = uncapped).
extension KeyedDecodingContainer {
    func value<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }

    func optional<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T?) throws -> T? {
        contains(key) ? try decodeIfPresent(T.self, forKey: key) : fallback()
    }
}
