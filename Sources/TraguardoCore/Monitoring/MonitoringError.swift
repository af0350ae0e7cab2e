/// Why a monitoring or validation step is refused, in Italian for the user.
public enum MonitoringError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(String)
    case unknownCampaign(String)
    case duplicateCampaign(String)
    case duplicateFinal(String)
    case deadlineBeforeReference
    case planNotApproved
    case sameState(String)
    case transitionNotAllowed(from: String, to: String)
    case forbidden(String)
    case reasonRequired(String)
    case notOpen(String)
    case notYourObjective(String)
    case unitSubmitted(String)
    case nothingToSubmit
    case statusReasonRequired(String)
    case unknownIndicator(String)
    case invalidValue(field: String, message: String)
    case notInValidation
    case validationReasonRequired(computed: String, validated: String)
    case conflict
    case invalidReminderSchedule(String)
    case noOrganisationalPerformance
    case unknownOrganisationalIndicator(String)

    /// The message with unit keys replaced by the names users know ("01 – AFFARI GENERALI", not "U-01").
    public func message(unitName: (String) -> String) -> String {
        if case .unitSubmitted(let key) = self { return MonitoringError.unitSubmitted(unitName(key)).description }
        return description
    }

    public var description: String {
        switch self {
        case .missing(let field): "Il campo «\(field)» è obbligatorio."
        case .unknownCampaign(let key): "Campagna di monitoraggio \"\(key)\" inesistente in questo piano."
        case .duplicateCampaign(let key): "Esiste già una campagna con codice \"\(key)\" in questo piano."
        case .duplicateFinal(let title): "Esiste già la campagna finale di quell'anno («\(title)»): ogni campagna è un'istantanea distinta."
        case .deadlineBeforeReference: "La scadenza per l'inserimento non può precedere la data di riferimento."
        case .planNotApproved: "Il piano è ancora in bozza: una campagna di monitoraggio si apre solo su un piano approvato."
        case .sameState(let state): "La campagna è già «\(state)»."
        case .transitionNotAllowed(let from, let to): "Una campagna «\(from)» non può passare a «\(to)»."
        case .forbidden(let action): "Il tuo ruolo non consente di «\(action)»."
        case .reasonRequired(let action): "Per «\(action)» serve una motivazione."
        case .notOpen(let state): "La campagna è «\(state)»: i valori non si possono inserire né modificare."
        case .notYourObjective(let title): "L'obiettivo «\(title)» non è di un settore di cui sei responsabile."
        case .unitSubmitted(let unit):
            "I dati di «\(unit)» sono già stati inviati: per modificarli chiedi al segretario di restituirli."
        case .nothingToSubmit: "Non ci sono obiettivi da inviare per questo settore."
        case .statusReasonRequired(let status): "Per lo stato «\(status)» serve la motivazione."
        case .unknownIndicator(let key): "Indicatore \"\(key)\" inesistente in questo obiettivo."
        case .invalidValue(let field, let message): "\(field): \(message)"
        case .notInValidation: "La campagna non è in validazione: il Nucleo decide dopo la trasmissione dei dati."
        case .validationReasonRequired(let computed, let validated):
            "Il punteggio validato (\(validated)) è diverso da quello calcolato (\(computed)): serve la motivazione."
        case .invalidReminderSchedule(let part):
            "Promemoria automatici: «\(part)» non è un numero di giorni tra -60 e 365 (es. «7, 1, -1»: una settimana prima, il giorno prima e il giorno dopo la scadenza)."
        case .unknownOrganisationalIndicator(let key):
            "La metodologia in vigore non prevede l'indicatore di performance organizzativa \"\(key)\"."
        case .noOrganisationalPerformance:
            "La metodologia in vigore non prevede la performance organizzativa: non ci sono valori da inserire."
        case .conflict:
            "Qualcun altro ha modificato questi dati mentre li stavi compilando: ricarica la pagina per vedere la versione attuale, nulla è stato sovrascritto."
        }
    }
}
