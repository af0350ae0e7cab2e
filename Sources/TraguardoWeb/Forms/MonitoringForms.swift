import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The form that starts a campaign. Also what the list page shows back when it is refused.
struct CampaignForm: Content, Hashable {
    var title: String?
    var asOf: String?
    var deadline: String?
    var isFinal: String?
    /// Days before the deadline of the automatic reminders ("7, 1, -1"); absent: the default schedule.
    var reminders: String?

    /// The empty form, with the default reminder schedule written out for the segretario to change.
    static var blank: CampaignForm {
        CampaignForm(reminders: Campaign.defaultReminderDays.map(String.init).joined(separator: ", "))
    }

    func campaign(existing: [Campaign]) -> Result<Campaign, FormError> {
        guard let title = title.nonEmpty else { return .failure(FormError("Il campo «Titolo» è obbligatorio.")) }
        guard let text = asOf.nonEmpty else { return .failure(FormError("Il campo «Data di riferimento» è obbligatorio.")) }
        guard let day = Day(parsing: text) else {
            return .failure(FormError("Il campo «Data di riferimento» (\(text)) non è una data valida (gg/mm/aaaa)."))
        }
        var due: Day?
        if let text = deadline.nonEmpty {
            guard let d = Day(parsing: text) else {
                return .failure(FormError("Il campo «Scadenza inserimento» (\(text)) non è una data valida (gg/mm/aaaa)."))
            }
            due = d
        }
        var schedule: [Int]?
        if let text = reminders {
            switch Reminders.parseSchedule(text) {
            case .success(let days): schedule = days
            case .failure(let error): return .failure(FormError(error.description))
            }
        }
        let final = isFinal == "on" || isFinal == "1" || isFinal == "true"
        let key = PlanKeys.campaign(asOf: day, isFinal: final, existing: Set(existing.map(\.key)))
        return .success(
            Campaign(key: key, title: title, asOf: day, entryDeadline: due, isFinal: final, state: .daAprire, reminderDays: schedule))
    }
}

/// A move of the campaign's lifecycle, with the reason when it needs one.
struct CampaignMoveForm: Content {
    var to: String?
    var reason: String?
}

/// The entries of one objective: one value and progress per indicator (parallel arrays in the page's order),
/// the status with its reason, the stato di attuazione, and the version the form was built on.
struct EntryForm: Content {
    var version: Int?
    var indicator: [String]?
    var value: [String]?
    var progress: [String]?
    var status: String?
    var statusReason: String?
    var narrative: String?

    /// The entries as core values, or the first bad field named as the user sees it.
    func entries(for indicators: [Indicator]) -> Result<(objective: MonitoringValue, indicators: [MonitoringValue]), FormError> {
        var objective = MonitoringValue(campaignKey: "", nodeKey: "")
        if let raw = status.nonEmpty {
            guard let s = ProgressStatus(rawValue: raw) else { return .failure(FormError("Il campo «Stato» (\(raw)) non è uno stato previsto.")) }
            objective.status = s
        }
        objective.statusReason = statusReason.nonEmpty
        objective.narrative = narrative.nonEmpty
        let keys = indicator ?? [], values = value ?? [], progresses = progress ?? []
        var out: [MonitoringValue] = []
        for (i, key) in keys.enumerated() {
            guard let x = indicators.first(where: { $0.key == key }) else {
                return .failure(FormError("L'indicatore \"\(key)\" non appartiene a questo obiettivo: ricarica la pagina."))
            }
            var entry = MonitoringValue(campaignKey: "", nodeKey: x.nodeKey, indicatorKey: key)
            if let text = (i < values.count ? values[i] : nil).nonEmpty {
                switch MeasureText.parse(text, form: x.form) {
                case .success(let parsed): entry.actual = Measure(parsed, raw: text)
                case .failure(let error):
                    // Words are a valid actual for a milestone; for other forms they are a mistake to point out.
                    return .failure(FormError("Indicatore «\(x.name)», campo «Valore rilevato»: " + error.message()))
                }
            }
            if let text = (i < progresses.count ? progresses[i] : nil).nonEmpty {
                guard let p = ItalianFormat.parseNumber(text.replacingOccurrences(of: "%", with: "")), (0...100).contains(p) else {
                    return .failure(FormError("Indicatore «\(x.name)», campo «Avanzamento %» (\(text)): serve un numero tra 0 e 100."))
                }
                entry.progress = p
            }
            out.append(entry)
        }
        return .success((objective, out))
    }

    /// What the user typed, to show the form again as it was.
    var typed: EntryPage.Values {
        var v = EntryPage.Values()
        var o = MonitoringValue(campaignKey: "", nodeKey: "")
        o.status = status.nonEmpty.flatMap(ProgressStatus.init(rawValue:))
        o.statusReason = statusReason.nonEmpty
        o.narrative = narrative.nonEmpty
        v.objective = o
        for (i, key) in (indicator ?? []).enumerated() {
            v.indicators[key] = (value: i < (value ?? []).count ? value![i] : "", progress: i < (progress ?? []).count ? progress![i] : "")
        }
        return v
    }
}

/// The Nucleo's decision on one objective.
struct DecisionForm: Content {
    var kind: String?
    var score: String?
    var reason: String?
    var minutes: String?

    func decision() -> Result<(kind: ValidationKind, score: Double?), FormError> {
        guard let kind = kind.nonEmpty.flatMap(ValidationKind.init(rawValue:)) else {
            return .failure(FormError("Scegli la decisione: conferma, modifica, esclusione o integrazione."))
        }
        var value: Double?
        if kind == .modifica {
            guard let text = score.nonEmpty else { return .failure(FormError("Il campo «Punteggio validato» è obbligatorio per una modifica.")) }
            guard let v = ItalianFormat.parseNumber(text) else {
                return .failure(FormError("Il campo «Punteggio validato» (\(text)) non è un numero valido (es. 95,5)."))
            }
            value = v
        }
        return .success((kind, value))
    }
}

/// A unit's submission given back, with the note the responsabile will read.
struct GiveBackForm: Content {
    var note: String?
}

/// The Nucleo's minutes.
struct MinutesForm: Content {
    var number: String?
    var date: String?
    var place: String?
    var members: String?
    var agenda: String?
    var decisions: String?

    func minutes(campaign: String) -> Result<Minutes, FormError> {
        guard let number = number.nonEmpty else { return .failure(FormError("Il campo «Numero» del verbale è obbligatorio.")) }
        guard let text = date.nonEmpty, let day = Day(parsing: text) else {
            return .failure(FormError("Il campo «Data» del verbale è obbligatorio (gg/mm/aaaa)."))
        }
        let people = (members ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !people.isEmpty else { return .failure(FormError("Indica i componenti presenti.")) }
        return .success(
            Minutes(
                campaignKey: campaign, number: number, date: day, place: place.trimmed, members: people, agenda: agenda.trimmed,
                decisions: decisions.trimmed))
    }
}

/// The organisational-performance figures of a campaign as the form posts them: `value[KEY]`, `source[KEY]`,
/// `note[KEY]` and `version[KEY]` for each figure the methodology asks for. A figure the form does not carry is
/// left as it is; an emptied value clears it.
struct OrganisationalForm: Content {
    var value: [String: String]?
    var source: [String: String]?
    var note: [String: String]?
    var version: [String: String]?

    func changes(_ fields: [OrganisationalEntry.Field], campaign: String) -> Result<[OrganisationalStore.Change], FormError> {
        var out: [OrganisationalStore.Change] = []
        for field in fields {
            guard let raw = value?[field.key] else { continue }
            let expected = Int(version?[field.key] ?? "") ?? 0
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                out.append(.init(key: field.key, value: nil, expectedVersion: expected))
                continue
            }
            guard let number = ItalianFormat.parseNumber(text) else {
                return .failure(FormError("\(field.dimensionName) – «\(field.label)»: «\(text)» non è un numero (es. 12,5 oppure -3)."))
            }
            let value = OrganisationalValue(
                campaignKey: campaign, key: field.key, value: number, source: source?[field.key].nonEmpty, note: note?[field.key].nonEmpty)
            out.append(.init(key: field.key, value: value, expectedVersion: expected))
        }
        return .success(out)
    }
}
