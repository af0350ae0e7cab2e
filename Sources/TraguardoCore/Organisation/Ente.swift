/// The public body that owns a plan. Every row of plan data belongs to exactly one ente.
public struct Ente: Hashable, Sendable, Codable {
    public var slug: String
    public var name: String
    public var kind: EnteKind
    public var codiceISTAT: String?
    public var codiceIPA: String?
    public var employees: Int?
    public var population: Int?
    /// For an Unione di Comuni: the slugs of its member Comuni (which may or may not be enti of this installation).
    public var memberSlugs: [String]
    public var memberNames: [String]

    public init(
        slug: String, name: String, kind: EnteKind, codiceISTAT: String? = nil, codiceIPA: String? = nil,
        employees: Int? = nil, population: Int? = nil, memberSlugs: [String] = [], memberNames: [String] = []
    ) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.codiceISTAT = codiceISTAT
        self.codiceIPA = codiceIPA
        self.employees = employees
        self.population = population
        self.memberSlugs = memberSlugs
        self.memberNames = memberNames
    }

    /// Slugs are part of URLs: lowercase ASCII letters, digits and single dashes.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= 64, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

public enum EnteKind: String, CaseIterable, Sendable, Codable {
    case comune, unioneDiComuni = "unione", provincia, cittaMetropolitana = "citta-metropolitana", altro

    public var label: String {
        switch self {
        case .comune: "Comune"
        case .unioneDiComuni: "Unione di Comuni"
        case .provincia: "Provincia"
        case .cittaMetropolitana: "Città metropolitana"
        case .altro: "Altro ente"
        }
    }
}
