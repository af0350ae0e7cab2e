import Foundation

/// Mutations that keep JSON well-formed but break its meaning: a wrong type, a missing field, an extreme number, a
/// huge text, a deep nesting, a duplicated element.
enum JSONMutations {
    static func mutate(_ data: Data, using rng: inout FuzzRandom) -> (Data, String)? {
        guard var root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        var paths: [[PathStep]] = []
        collect(root, [], into: &paths)
        guard let path = paths.randomElement(using: &rng) else { return nil }
        let (replacement, what) = replacement(for: value(at: path, in: root), using: &rng)
        root = replaced(root, at: path[...], with: replacement)
        guard let out = try? JSONSerialization.data(withJSONObject: root, options: [.fragmentsAllowed]) else { return nil }
        return (out, "\(describe(path)): \(what)")
    }

    enum PathStep {
        case key(String)
        case index(Int)
    }

    static func collect(_ value: Any, _ path: [PathStep], into paths: inout [[PathStep]]) {
        paths.append(path)
        if let object = value as? [String: Any] {
            for (k, v) in object { collect(v, path + [.key(k)], into: &paths) }
        } else if let array = value as? [Any] {
            for (i, v) in array.enumerated() { collect(v, path + [.index(i)], into: &paths) }
        }
    }

    static func value(at path: [PathStep], in root: Any) -> Any {
        var current = root
        for step in path {
            switch step {
            case .key(let k): current = (current as? [String: Any])?[k] ?? NSNull()
            case .index(let i): current = (current as? [Any]).flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? NSNull()
            }
        }
        return current
    }

    static func replaced(_ value: Any, at path: ArraySlice<PathStep>, with new: Any?) -> Any {
        guard let step = path.first else { return new ?? NSNull() }
        switch step {
        case .key(let k):
            var object = value as? [String: Any] ?? [:]
            if path.count == 1 && new == nil {
                object.removeValue(forKey: k)
            } else {
                object[k] = replaced(object[k] ?? NSNull(), at: path.dropFirst(), with: new)
            }
            return object
        case .index(let i):
            var array = value as? [Any] ?? []
            guard array.indices.contains(i) else { return array }
            if path.count == 1 && new == nil {
                array.remove(at: i)
            } else {
                array[i] = replaced(array[i], at: path.dropFirst(), with: new)
            }
            return array
        }
    }

    /// nil removes the field or element.
    static func replacement(for value: Any, using rng: inout FuzzRandom) -> (Any?, String) {
        switch Int.random(in: 0..<14, using: &rng) {
        case 0: return (nil, "tolto")
        case 1: return (NSNull(), "null")
        case 2: return ("", "testo vuoto")
        case 3: return (String(repeating: "À€", count: 60_000), "testo di 120.000 caratteri")
        case 4: return (1e308, "1e308")
        case 5: return (-9_223_372_036_854_775_807, "intero minimo")
        case 6: return (0.1 + 0.2, "0,30000000000000004")
        case 7: return (true, "booleano")
        case 8: return ([] as [Any], "elenco vuoto")
        case 9: return ([String: Any](), "oggetto vuoto")
        case 10:
            var nested: Any = "fondo"
            for _ in 0..<200 { nested = [nested] }
            return (nested, "200 livelli annidati")
        case 11:
            if let array = value as? [Any], let first = array.first {
                return (array + Array(repeating: first, count: 50), "primo elemento ripetuto 50 volte")
            }
            return ("2024-02-30", "data inesistente")
        case 12: return (["\u{0}", "\u{202E}rovescio", "<script>alert(1)</script>", "=SOMMA(A1)"].randomElement(using: &rng)!, "testo ostile")
        default:
            if let text = value as? String { return (String(text.reversed()), "testo rovesciato") }
            if let number = value as? NSNumber { return (-number.doubleValue, "segno invertito") }
            return ("x", "tipo cambiato in testo")
        }
    }

    static func describe(_ path: [PathStep]) -> String {
        path.isEmpty
            ? "(radice)"
            : path.map { step in
                switch step {
                case .key(let k): ".\(k)"
                case .index(let i): "[\(i)]"
                }
            }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
