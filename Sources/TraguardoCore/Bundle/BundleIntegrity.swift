import Foundation

/// Checks that every link inside a bundle resolves and every key is unique, with Italian messages that
/// name the list, the position and the field ("nodes[3].parentKey"). An import refuses a bundle with problems.
public enum BundleIntegrity {
    public static func problems(in b: PlanBundle) -> [String] {
        var out: [String] = []
        func unique(_ name: String, _ keys: [String]) -> Set<String> {
            var seen = Set<String>()
            for (i, k) in keys.enumerated() {
                if k.isEmpty { out.append("\(name)[\(i)].key: chiave vuota") }
                if !seen.insert(k).inserted { out.append("\(name)[\(i)].key: chiave \"\(k)\" ripetuta") }
            }
            return seen
        }
        let units = unique("units", b.units.map(\.key))
        let people = unique("people", b.people.map(\.key))
        let referents = unique("politicalReferents", b.politicalReferents.map(\.key))
        let nodes = unique("nodes", b.nodes.map(\.key))
        let phases = unique("phases", b.phases.map(\.key))
        let indicators = unique("indicators", b.indicators.map(\.key))
        let campaigns = unique("campaigns", b.campaigns.map(\.key))
        let classifications = unique("classifications", b.classifications.map(\.key)).union(Classification.standard.map(\.key))
        func check(_ ok: Bool, _ path: String, _ what: String, _ key: String) {
            if !ok { out.append("\(path): \(what) \"\(key)\" inesistente") }
        }
        for (i, u) in b.units.enumerated() { if let p = u.parentKey { check(units.contains(p), "units[\(i)].parentKey", "unità", p) } }
        for (i, p) in b.people.enumerated() { if let h = p.homeUnitKey { check(units.contains(h), "people[\(i)].homeUnitKey", "unità", h) } }
        for (i, a) in b.assignments.enumerated() {
            check(people.contains(a.personKey), "assignments[\(i)].personKey", "persona", a.personKey)
            check(units.contains(a.unitKey), "assignments[\(i)].unitKey", "unità", a.unitKey)
            if let f = a.validity.from, let t = a.validity.to, t < f {
                out.append("assignments[\(i)].validity: la data di fine \(t.italian) precede l'inizio \(f.italian)")
            }
        }
        let levelByKey = Dictionary(b.nodes.map { ($0.key, $0.level) }, uniquingKeysWith: { a, _ in a })
        for (i, n) in b.nodes.enumerated() {
            let path = "nodes[\(i)]"
            if !b.plan.levels.contains(n.level) { out.append("\(path).level: livello \"\(n.level.label)\" non previsto dal piano") }
            if let p = n.parentKey {
                check(nodes.contains(p), "\(path).parentKey", "nodo", p)
                if let pl = levelByKey[p], !(pl < n.level) {
                    out.append("\(path).parentKey: il nodo superiore \"\(p)\" non è di un livello più alto")
                }
            }
            for u in n.ownerUnitKeys { check(units.contains(u), "\(path).ownerUnitKeys", "unità", u) }
            if let c = n.coordinatingUnitKey { check(units.contains(c), "\(path).coordinatingUnitKey", "unità", c) }
            for p in n.responsiblePersonKeys { check(people.contains(p), "\(path).responsiblePersonKeys", "persona", p) }
            for r in n.politicalReferentKeys { check(referents.contains(r), "\(path).politicalReferentKeys", "referente politico", r) }
            for c in n.classifications { check(classifications.contains(c), "\(path).classifications", "classificazione", c) }
            if let h = n.inheritsFromKey { check(nodes.contains(h), "\(path).inheritsFromKey", "nodo", h) }
        }
        for (i, p) in b.phases.enumerated() { check(nodes.contains(p.nodeKey), "phases[\(i)].nodeKey", "nodo", p.nodeKey) }
        for (i, ind) in b.indicators.enumerated() {
            check(nodes.contains(ind.nodeKey), "indicators[\(i)].nodeKey", "nodo", ind.nodeKey)
            if let p = ind.phaseKey { check(phases.contains(p), "indicators[\(i)].phaseKey", "fase", p) }
            if let u = ind.unitKey { check(units.contains(u), "indicators[\(i)].unitKey", "unità", u) }
        }
        for (i, p) in b.participations.enumerated() {
            check(people.contains(p.personKey), "participations[\(i)].personKey", "persona", p.personKey)
            check(nodes.contains(p.nodeKey), "participations[\(i)].nodeKey", "nodo", p.nodeKey)
        }
        for (i, v) in b.values.enumerated() {
            check(campaigns.contains(v.campaignKey), "values[\(i)].campaignKey", "campagna", v.campaignKey)
            check(nodes.contains(v.nodeKey), "values[\(i)].nodeKey", "nodo", v.nodeKey)
            if let k = v.indicatorKey { check(indicators.contains(k), "values[\(i)].indicatorKey", "indicatore", k) }
        }
        for (i, v) in b.validations.enumerated() {
            check(campaigns.contains(v.campaignKey), "validations[\(i)].campaignKey", "campagna", v.campaignKey)
            check(nodes.contains(v.nodeKey), "validations[\(i)].nodeKey", "nodo", v.nodeKey)
            if v.reason.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append("validations[\(i)].reason: la motivazione del Nucleo è obbligatoria")
            }
        }
        var seen: Set<[String]> = []
        for (i, v) in b.organisationalValues.enumerated() {
            check(campaigns.contains(v.campaignKey), "organisationalValues[\(i)].campaignKey", "campagna", v.campaignKey)
            if !seen.insert([v.campaignKey, v.key]).inserted {
                out.append("organisationalValues[\(i)].key: «\(v.key)» compare due volte nella campagna «\(v.campaignKey)»")
            }
        }
        return out
    }
}

/// Decoding errors of a bundle, told in Italian with the JSON path.
public enum BundleDecodingMessage {
    /// The Swift type a field expects, as a user calls it.
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "un testo"
        case is Int.Type, is Double.Type, is Decimal.Type, is Float.Type: "un numero"
        case is Bool.Type: "vero o falso"
        default:
            "\(type)".hasPrefix("Array") ? "un elenco" : "\(type)".hasPrefix("Dictionary") ? "un oggetto" : "un valore di tipo \(type)"
        }
    }

    public static func italian(_ error: DecodingError) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.hasPrefix(".") ? String(p.dropFirst()) : (p.isEmpty ? "(radice)" : p)
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let base = path(ctx)
            return "\(base.isEmpty || base == "(radice)" ? "" : base + ".")\(key.stringValue): campo obbligatorio mancante."
        case .typeMismatch(let type, let ctx):
            return "\(path(ctx)): tipo non valido (atteso \(expected(type)))."
        case .valueNotFound(let type, let ctx):
            return "\(path(ctx)): valore mancante (atteso \(expected(type)))."
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "il file non è un JSON valido." }
            // The standard library's words for an unknown enum value; Traguardo's own decoders already speak Italian.
            if let range = ctx.debugDescription.range(of: "from invalid String value ") {
                let value = ctx.debugDescription[range.upperBound...]
                return "\(path(ctx)): valore «\(value.prefix(80))\(value.count > 80 ? "…" : "")» non ammesso."
            }
            if ctx.debugDescription.hasPrefix("Cannot initialize") || ctx.debugDescription.hasPrefix("Invalid") {
                return "\(path(ctx)): valore non ammesso."
            }
            return "\(path(ctx)): \(ctx.debugDescription)"
        @unknown default:
            return "formato non valido."
        }
    }
}
