/// A tag the PIAO asks objectives to carry. The catalogue is extensible per ente; these are the shipped ones.
public struct Classification: Hashable, Sendable, Codable {
    public var key: String
    public var label: String
    /// The PIAO requires at least one objective per required classification.
    public var requiredByPIAO: Bool

    public init(key: String, label: String, requiredByPIAO: Bool = false) {
        self.key = key
        self.label = label
        self.requiredByPIAO = requiredByPIAO
    }

    public static let standard: [Classification] = [
        .init(key: "semplificazione", label: "Semplificazione", requiredByPIAO: true),
        .init(key: "digitalizzazione", label: "Digitalizzazione", requiredByPIAO: true),
        .init(key: "accessibilita", label: "Accessibilità", requiredByPIAO: true),
        .init(key: "pari-opportunita", label: "Pari opportunità ed equilibrio di genere", requiredByPIAO: true),
        .init(key: "pnrr", label: "PNRR"),
        .init(key: "anticorruzione-trasparenza", label: "Anticorruzione e trasparenza"),
        .init(key: "efficienza", label: "Efficienza"),
        .init(key: "qualita", label: "Qualità dei servizi"),
        .init(key: "formazione", label: "Formazione"),
        .init(key: "valore-pubblico", label: "Valore pubblico"),
        .init(key: "transizione-ecologica", label: "Transizione ecologica"),
        .init(key: "agenda-2030", label: "Agenda 2030"),
        .init(key: "miglioramento", label: "Miglioramento"),
        .init(key: "mantenimento", label: "Mantenimento"),
        .init(key: "sviluppo", label: "Sviluppo"),
        .init(key: "tempi-pagamento", label: "Tempi di pagamento"),
    ]
}
