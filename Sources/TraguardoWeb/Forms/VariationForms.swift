import Foundation
import TraguardoCore
import Vapor

/// A variation request from a card: what changes (target of an indicator, deadline, weight, a new indicator, an
/// indicator removed) and why.
struct VariationForm: Content {
    var kind: String?
    var indicator: String?
    var target: String?
    var deadline: String?
    var weight: String?
    var name: String?
    var form: String?
    var direction: String?
    var reason: String?

    func change(node: PlanNode, indicators: [Indicator]) -> Result<VariationChange, FormError> {
        switch kind ?? "" {
        case "target":
            guard let x = indicators.first(where: { $0.key == indicator }) else {
                return .failure(FormError("Scegli l'indicatore di cui cambia il valore atteso."))
            }
            do {
                guard let t: Target = try IndicatorInput.value(target, field: "Nuovo valore atteso", form: x.form) else {
                    return .failure(FormError("Il campo «Nuovo valore atteso» è obbligatorio."))
                }
                return .success(.target(indicatorKey: x.key, to: t))
            } catch {
                return .failure(FormError(error.message.replacingOccurrences(of: "Indicatore: ", with: "")))
            }
        case "deadline":
            guard let text = deadline.nonEmpty, let day = Day(parsing: text) else {
                return .failure(FormError("Il campo «Nuova scadenza» deve essere una data (gg/mm/aaaa)."))
            }
            return .success(.deadline(to: day))
        case "weight":
            guard let text = weight.nonEmpty, let w = ItalianFormat.parseNumber(text) else {
                return .failure(FormError("Il campo «Nuovo peso» deve essere un numero tra 0 e 100."))
            }
            return .success(.weight(to: w))
        case "add":
            let input = IndicatorInput(name: name, form: form, direction: direction, target: target)
            return input.indicator(of: node.key).map { .addIndicator($0) }
        case "remove":
            guard let key = indicator.nonEmpty else { return .failure(FormError("Scegli l'indicatore da eliminare.")) }
            return .success(.removeIndicator(indicatorKey: key))
        default:
            return .failure(FormError("Scegli che cosa cambia: valore atteso, scadenza, peso, nuovo indicatore o indicatore da eliminare."))
        }
    }
}

/// The segretario's decision on a variation: approve with the act, or reject with a reason.
struct VariationDecisionForm: Content {
    var decision: String?
    var organ: String?
    var number: String?
    var date: String?
    var rejection: String?

    func act() -> Result<Act?, FormError> {
        guard decision == "approva" else { return .success(nil) }
        guard let text = date.nonEmpty, let day = Day(parsing: text) else {
            return .failure(FormError("Approvazione: il campo «Data dell'atto» deve essere una data (gg/mm/aaaa)."))
        }
        return .success(Act(organ: organ.nonEmpty ?? "Giunta", number: number.nonEmpty, date: day))
    }
}
