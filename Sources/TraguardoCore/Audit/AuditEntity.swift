/// What an audit row is about. The raw values are what the trail stores, so they never change.
public enum AuditEntity: String, CaseIterable, Sendable, Codable {
    case ente
    case unit = "unita"
    case person = "persona"
    case assignment = "incarico"
    case politicalReferent = "referente-politico"
    case plan = "piano"
    case node = "nodo"
    case indicator = "indicatore"
    case phase = "fase"
    case methodology = "metodologia"
    case user = "utente"
    case role = "ruolo"
    case session = "sessione"
    case campaign = "campagna"
    case entry = "valore-monitoraggio"
    case validation = "validazione"
    case submission = "invio-settore"
    case minutes = "verbale"
    case variation = "variazione"
    case organisationalValue = "performance-organizzativa"

    public var label: String {
        switch self {
        case .ente: "Ente"
        case .unit: "Unità organizzativa"
        case .person: "Persona"
        case .assignment: "Incarico"
        case .politicalReferent: "Referente politico"
        case .plan: "Piano"
        case .node: "Nodo del piano"
        case .indicator: "Indicatore"
        case .phase: "Fase"
        case .methodology: "Metodologia"
        case .user: "Utente"
        case .role: "Ruolo"
        case .session: "Accesso"
        case .campaign: "Campagna di monitoraggio"
        case .entry: "Valori di monitoraggio"
        case .validation: "Validazione del Nucleo"
        case .submission: "Invio dei dati di un settore"
        case .minutes: "Verbale del Nucleo"
        case .variation: "Variazione del piano"
        case .organisationalValue: "Valori di performance organizzativa"
        }
    }
}
