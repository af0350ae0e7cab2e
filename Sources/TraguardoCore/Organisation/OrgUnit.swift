/// A settore, area, servizio, ufficio or centro di responsabilità. Units form a hierarchy through `parentKey`.
public struct OrgUnit: Hashable, Sendable, Codable {
    /// Stable key within the ente (used by bundles and imports to link rows).
    public var key: String
    /// The ente's own code, e.g. "01" or "AREA 3"; free text because every ente numbers differently.
    public var code: String
    public var name: String
    public var kind: OrgUnitKind
    public var parentKey: String?
    public var order: Int
    public var notes: String?

    public init(key: String, code: String, name: String, kind: OrgUnitKind, parentKey: String? = nil, order: Int = 0, notes: String? = nil) {
        self.key = key
        self.code = code
        self.name = name
        self.kind = kind
        self.parentKey = parentKey
        self.order = order
        self.notes = notes
    }

    /// "02 – FINANZIARIO E TRIBUTI", as units are written in the documents.
    public var displayName: String { code.isEmpty ? name : "\(code) – \(name)" }
}

public enum OrgUnitKind: String, CaseIterable, Sendable, Codable {
    case settore, area, servizio, ufficio, cdr, staff, unita

    public var label: String {
        switch self {
        case .settore: "Settore"
        case .area: "Area"
        case .servizio: "Servizio"
        case .ufficio: "Ufficio"
        case .cdr: "Centro di responsabilità"
        case .staff: "Staff"
        case .unita: "Unità organizzativa"
        }
    }
}
