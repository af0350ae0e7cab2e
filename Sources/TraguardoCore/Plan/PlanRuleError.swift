/// Why a change to a plan is refused, in Italian for the user.
public enum PlanRuleError: Error, CustomStringConvertible, Equatable, Sendable {
    case frozen(String)
    case missing(String)
    case duplicateKey(String)
    case unknownNode(String)
    case unknownItem(String)
    case unknownUnit(String)
    case levelNotInPlan(String)
    case parentLevel(parent: String, child: String)
    case hasChildren(String)
    case cycle
    case invalidYears
    case sameState(String)
    case backToDraft(String, String?)
    case transitionNotAllowed(from: String, to: String)
    case transitionForbidden(to: String, role: Permission)
    case missingAct

    public var description: String {
        switch self {
        case .frozen(let state): "Il piano è «\(state)»: le modifiche dopo l'approvazione passano per una variazione."
        case .missing(let field): "Il campo «\(field)» è obbligatorio."
        case .duplicateKey(let key): "Esiste già un nodo con chiave \"\(key)\" in questo piano."
        case .unknownNode(let key): "Nodo \"\(key)\" inesistente in questo piano."
        case .unknownItem(let key): "Elemento \"\(key)\" inesistente in questo obiettivo."
        case .unknownUnit(let key): "Unità \"\(key)\" inesistente in questo ente."
        case .levelNotInPlan(let level): "Il livello «\(level)» non è previsto da questo piano."
        case .parentLevel(let parent, let child):
            "Un «\(child)» non può stare sotto un «\(parent)»: il nodo superiore deve essere di un livello più alto."
        case .hasChildren(let title): "«\(title)» ha sotto-obiettivi: spostali o eliminali prima."
        case .cycle: "Un nodo non può essere spostato sotto sé stesso o sotto un suo discendente."
        case .invalidYears: "Anni non validi: il primo anno deve precedere o coincidere con l'ultimo e l'anno di dettaglio deve stare tra i due."
        case .sameState(let state): "Il piano è già «\(state)»."
        case .backToDraft(let state, let act):
            "Il piano è «\(state)»" + (act.map { " con \($0)" } ?? "")
                + ": non può tornare in bozza. Un piano approvato è un atto deliberato e cambia solo con una variazione."
        case .transitionNotAllowed(let from, let to): "Un piano «\(from)» non può passare a «\(to)»."
        case .transitionForbidden(let to, let permission):
            permission == .validate
                ? "Solo il Nucleo di Valutazione può portare il piano a «\(to)»."
                : "Non hai i permessi per portare il piano a «\(to)»."
        case .missingAct: "Approvazione: indica l'organo e la data della delibera (gg/mm/aaaa)."
        }
    }
}
