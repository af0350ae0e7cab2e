/// What a user is to an ente. The system administrator is a flag on the account, not a per-ente role.
public enum Role: String, CaseIterable, Sendable, Codable {
    case amministratore
    /// Segretario comunale / controllo di gestione: manages the ente's plan and its users.
    case segretario
    /// Responsabile di settore: edits only the units they are responsible for.
    case responsabile
    /// Nucleo di Valutazione / OIV: reads everything of its enti and validates; may serve several enti.
    case nucleo
    /// Giunta and other readers.
    case lettore

    public var label: String {
        switch self {
        case .amministratore: "Amministratore di sistema"
        case .segretario: "Segretario / controllo di gestione"
        case .responsabile: "Responsabile di settore"
        case .nucleo: "Nucleo di Valutazione"
        case .lettore: "Lettore"
        }
    }

    /// Roles that can be granted on an ente (the administrator is global).
    public static let enteRoles: [Role] = [.segretario, .responsabile, .nucleo, .lettore]
}
