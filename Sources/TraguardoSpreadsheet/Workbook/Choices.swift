import TraguardoCore

/// The Italian labels of an enumeration, as written in cells. Reading accepts the label, the raw value of the
/// bundle format and a few aliases, whatever the case, accents or spacing.
struct Choices<Value: Hashable & Sendable>: Sendable {
    let entries: [(value: Value, label: String)]
    private let byFolded: [String: Value]

    init(_ entries: [(value: Value, label: String, aliases: [String])]) {
        self.entries = entries.map { ($0.value, $0.label) }
        var map: [String: Value] = [:]
        for e in entries {
            for name in [e.label] + e.aliases { map[Folding.fold(name)] = map[Folding.fold(name)] ?? e.value }
        }
        byFolded = map
    }

    var labels: [String] { entries.map(\.label) }

    func label(_ value: Value) -> String { entries.first { $0.value == value }?.label ?? "" }

    func value(_ text: String) -> Value? { byFolded[Folding.fold(text)] }
}

extension Choices where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    init(label: (Value) -> String, aliases: (Value) -> [String] = { _ in [] }) {
        self.init(Value.allCases.map { ($0, label($0), [$0.rawValue] + aliases($0)) })
    }
}

/// The label tables of every enumeration in the workbook.
enum Labels {
    static let enteKind = Choices<EnteKind>(label: \.label, aliases: { $0 == .unioneDiComuni ? ["Unione"] : [] })
    static let unitKind = Choices<OrgUnitKind>(label: \.label, aliases: { $0 == .cdr ? ["CdR"] : [] })
    static let assignmentRole = Choices<AssignmentRole>(label: \.label, aliases: { $0 == .interim ? ["Interim"] : [] })
    static let office = Choices<PoliticalOffice>(label: \.label)
    static let planState = Choices<PlanState>(label: \.label)
    static let level = Choices<CascadeLevel>(label: \.label, aliases: { [$0.pluralLabel] })
    static let indicatorType = Choices<IndicatorType>(label: \.label, aliases: { $0 == .processo ? ["Processo", "Attività"] : [] })
    static let indicatorForm = Choices<IndicatorForm>(
        label: \.label,
        aliases: { form in
            switch form {
            case .number: ["Numerico"]
            case .percent: ["%", "Percentuale %"]
            case .boolean: ["SI/NO", "Booleano", "Sì/No"]
            case .milestone: ["Testo", "Traguardo"]
            case .progress: ["Avanzamento"]
            default: []
            }
        })
    static let direction = Choices<Direction>([
        (.atLeast, "Almeno (≥)", ["≥", ">=", "gte", "Almeno", "Maggiore o uguale"]),
        (.greater, "Più di (>)", [">", "gt", "Maggiore"]),
        (.atMost, "Al massimo (≤)", ["≤", "<=", "lte", "Al massimo", "Minore o uguale"]),
        (.less, "Meno di (<)", ["<", "lt", "Minore"]),
        (.equal, "Uguale (=)", ["=", "eq", "Uguale"]),
        (.within, "Entro la data", ["entro", "Entro"]),
        (.negative, "Valore negativo", ["negativo"]),
        (.range, "Tra due valori", ["range", "tra", "Intervallo"]),
    ])
    static let campaignState = Choices<CampaignState>([
        (.daAprire, "Da aprire", ["preparazione", "In preparazione"]),
        (.aperta, "Aperta", []),
        (.inValidazione, "In validazione", []),
        (.chiusa, "Chiusa", ["validata", "Validata"]),
        (.riaperta, "Riaperta", []),
    ])
    static let status = Choices<ProgressStatus>(label: \.label)
}
