import Foundation
import TraguardoCore
import Vapor

/// The buttons of the methodology form.
enum MethodologyAction: String, Sendable {
    case preview = "anteprima"
    case adopt = "adotta"
}

/// The adjustable parameters of a methodology, as the form shows and reads them.
struct MethodologySettings: Encodable, Hashable, Sendable {
    var preset: String
    var cap: Bool
    var notReported: String
    var decimals: Int
    var monthsToZero: String
    var achievedWithoutDate: String
    var notYetDue: String
    var unitMean: String
    var lateStep: String
    var daysToZero: String
    var maxDelay: String
    var dueOnReferenceDay: Bool
    var nothingDue: String
    var childlessNode: String
    var indicatorZeroBelow: String
    var objectiveZeroBelow: String
    /// "90=100; 70=80; 50=50; 0=0": from this score → this score.
    var objectiveBands: String
    var indicatorBands: String
    var lowerBetterPartial: String
    var exactPartial: String
    var missingValue: String
    var missedUsesProgress: Bool
    var excludeBeforeHorizon: Bool
    var roundingMode: String
    var roundingWhen: String
    var nodeMean: String
    var enteMean: String
    var crossCutting: Bool
    var includeSubunits: Bool
    var reasonRequired: Bool
    var validatedDecimals: Int

    init(_ m: Methodology) {
        let notReported = m.treatment(of: .nonConsuntivato).flatMap { $0.counting == .fixed ? $0.value : nil }
        preset = m.id
        cap = m.indicators.higherBetter.cap != nil
        self.notReported = notReported.map { ItalianFormat.number($0, trimZeros: true) } ?? ""
        decimals = m.rounding.decimals
        monthsToZero = ItalianFormat.number(m.indicators.date.monthsToZero, trimZeros: true)
        achievedWithoutDate = ItalianFormat.number(m.indicators.date.achievedWithoutDateScore, trimZeros: true)
        notYetDue = m.indicators.date.notYetDue.rawValue
        unitMean = m.rollUps.unitMean.rawValue
        lateStep = m.indicators.date.lateStep.rawValue
        daysToZero = ItalianFormat.number(m.indicators.date.daysToZero, trimZeros: true)
        maxDelay = m.indicators.date.maxDelay.map { ItalianFormat.number($0, trimZeros: true) } ?? ""
        dueOnReferenceDay = m.indicators.date.dueOnReferenceDay
        nothingDue = m.objectives.nothingDue.rawValue
        childlessNode = m.rollUps.childlessNode.rawValue
        indicatorZeroBelow = m.indicators.zeroBelow.map { ItalianFormat.number($0, trimZeros: true) } ?? ""
        objectiveZeroBelow = m.objectives.zeroBelow.map { ItalianFormat.number($0, trimZeros: true) } ?? ""
        objectiveBands = Self.text(m.objectives.bands)
        indicatorBands = Self.text(m.indicators.higherBetter.bands)
        lowerBetterPartial = m.indicators.lowerBetter.partial.rawValue
        exactPartial = m.indicators.exactPartial.rawValue
        missingValue = m.indicators.missingValue.rawValue
        missedUsesProgress = m.indicators.date.missedUsesProgress
        excludeBeforeHorizon = m.objectives.excludeBeforeHorizon
        roundingMode = m.rounding.mode.rawValue
        roundingWhen = m.rounding.when.rawValue
        nodeMean = m.rollUps.nodeMean.rawValue
        enteMean = m.rollUps.enteMean.rawValue
        crossCutting = m.rollUps.crossCuttingInEveryOwner
        includeSubunits = m.rollUps.includeSubunits
        reasonRequired = m.nucleo.reasonRequired
        validatedDecimals = m.nucleo.validatedDecimals
    }

    static func text(_ bands: [ScoreBand]) -> String {
        bands.sorted { $0.from > $1.from }
            .map { "\(ItalianFormat.number($0.from, trimZeros: true))=\(ItalianFormat.number($0.score, trimZeros: true))" }.joined(separator: "; ")
    }
}

struct MethodologyForm: Content {
    var preset: String?
    var cap: String?
    var notReported: String?
    var decimals: Int?
    var monthsToZero: String?
    var achievedWithoutDate: String?
    var notYetDue: String?
    var unitMean: String?
    var lateStep: String?
    var daysToZero: String?
    var maxDelay: String?
    var dueOnReferenceDay: String?
    var nothingDue: String?
    var childlessNode: String?
    var indicatorZeroBelow: String?
    var objectiveZeroBelow: String?
    var objectiveBands: String?
    /// Present when the form carries every scalar rule: an absent checkbox then means "no", not "as before".
    var allRules: String?
    var indicatorBands: String?
    var lowerBetterPartial: String?
    var exactPartial: String?
    var missingValue: String?
    var missedUsesProgress: String?
    var excludeBeforeHorizon: String?
    var roundingMode: String?
    var roundingWhen: String?
    var nodeMean: String?
    var enteMean: String?
    var crossCutting: String?
    var includeSubunits: String?
    var reasonRequired: String?
    var validatedDecimals: Int?
    var action: String?

    var chosenAction: MethodologyAction { MethodologyAction(rawValue: action ?? "") ?? .preview }

    /// The base methodology adapted by the form; Italian messages name the field.
    func apply(to base: Methodology) -> Result<Methodology, FormError> {
        var m = base
        m.indicators.higherBetter.cap = cap != nil ? 100 : nil
        m.statuses.removeAll { $0.status == .nonConsuntivato }
        if let text = notReported.nonEmpty {
            guard let v = ItalianFormat.parseNumber(text), (0...100).contains(v) else {
                return .failure(FormError("«Valore dei non consuntivati»: indica un numero tra 0 e 100, oppure lascia vuoto per escluderli."))
            }
            m.statuses.append(StatusTreatment(status: .nonConsuntivato, counting: .fixed, value: v))
        } else {
            m.statuses.append(StatusTreatment(status: .nonConsuntivato, counting: .excluded))
        }
        guard let decimals, (0...4).contains(decimals) else { return .failure(FormError("«Decimali»: indica un numero da 0 a 4.")) }
        m.rounding.decimals = decimals
        guard let months = ItalianFormat.parseNumber(monthsToZero ?? ""), months > 0 else {
            return .failure(FormError("«Mesi di ritardo che azzerano il punteggio»: indica un numero maggiore di 0."))
        }
        m.indicators.date.monthsToZero = months
        guard let noDate = ItalianFormat.parseNumber(achievedWithoutDate ?? ""), (0...100).contains(noDate) else {
            return .failure(FormError("«Punteggio se raggiunto senza data»: indica un numero tra 0 e 100."))
        }
        m.indicators.date.achievedWithoutDateScore = noDate
        guard let rule = NotYetDueRule(rawValue: notYetDue ?? "") else {
            return .failure(FormError("«Scadenza non ancora raggiunta»: scelta non valida."))
        }
        m.indicators.date.notYetDue = rule
        // The lateness fields: a form of an earlier page that lacks them keeps the base methodology's values.
        if let lateStep {
            guard let step = LateStep(rawValue: lateStep) else { return .failure(FormError("«Come si conta il ritardo»: scelta non valida.")) }
            m.indicators.date.lateStep = step
            m.indicators.date.dueOnReferenceDay = dueOnReferenceDay != nil
        }
        if let daysToZero {
            guard let days = ItalianFormat.parseNumber(daysToZero), days > 0 else {
                return .failure(FormError("«Giorni di ritardo che azzerano il punteggio»: indica un numero maggiore di 0."))
            }
            m.indicators.date.daysToZero = days
        }
        if let maxDelay {
            if let text = Optional(maxDelay).nonEmpty {
                guard let max = ItalianFormat.parseNumber(text), max > 0 else {
                    return .failure(FormError("«Ritardo massimo»: indica un numero maggiore di 0, oppure lascia vuoto."))
                }
                m.indicators.date.maxDelay = max
            } else {
                m.indicators.date.maxDelay = nil
            }
        }
        if let nothingDue {
            guard let rule = NotYetDueRule(rawValue: nothingDue) else {
                return .failure(FormError("«Obiettivo senza nulla in scadenza»: scelta non valida."))
            }
            m.objectives.nothingDue = rule
        }
        if let childlessNode {
            guard let rule = ChildlessNodeRule(rawValue: childlessNode) else {
                return .failure(FormError("«Nodo della cascata senza figli conteggiati»: scelta non valida."))
            }
            m.rollUps.childlessNode = rule
        }
        for (text, label, keyPath) in [
            (indicatorZeroBelow, "Soglia sotto cui un indicatore vale 0", \Methodology.indicators.zeroBelow),
            (objectiveZeroBelow, "Soglia sotto cui un obiettivo vale 0", \Methodology.objectives.zeroBelow),
        ] {
            guard let text else { continue }
            guard let value = Optional(text).nonEmpty else {
                m[keyPath: keyPath] = nil
                continue
            }
            guard let v = ItalianFormat.parseNumber(value), (0...100).contains(v) else {
                return .failure(FormError("«\(label)»: indica un numero tra 0 e 100, oppure lascia vuoto."))
            }
            m[keyPath: keyPath] = v
        }
        if let objectiveBands {
            switch Self.bands(objectiveBands, label: "Fasce del punteggio dell'obiettivo") {
            case .success(let bands): m.objectives.bands = bands
            case .failure(let error): return .failure(error)
            }
        }
        if allRules != nil, let error = applyRest(to: &m) { return .failure(error) }
        guard let mean = MeanKind(rawValue: unitMean ?? "") else { return .failure(FormError("«Media per unità»: scelta non valida.")) }
        m.rollUps.unitMean = mean
        if m != base {
            m.name = base.name + " (adattata)"
            m.notes.append("Adattata dalla metodologia «\(base.name)» con il modulo di Traguardo.")
        }
        return .success(m)
    }

    /// The rules the form gained with `allRules`: choices, flags and the indicator's bands.
    private func applyRest(to m: inout Methodology) -> FormError? {
        func choice<T: RawRepresentable>(_ value: String?, _ label: String) -> Result<T, FormError> where T.RawValue == String {
            T(rawValue: value ?? "").map { .success($0) } ?? .failure(FormError("«\(label)»: scelta non valida."))
        }
        do {
            m.indicators.lowerBetter.partial = try choice(lowerBetterPartial, "Obiettivo «non oltre» mancato").get()
            m.indicators.exactPartial = try choice(exactPartial, "Obiettivo «uguale a» mancato").get()
            m.indicators.missingValue = try choice(missingValue, "Indicatore senza valore").get()
            m.rounding.mode = try choice(roundingMode, "Modo di arrotondamento").get()
            m.rounding.when = try choice(roundingWhen, "Quando si arrotonda").get()
            m.rollUps.nodeMean = try choice(nodeMean, "Media dei nodi della cascata").get()
            m.rollUps.enteMean = try choice(enteMean, "Media dell'ente").get()
            m.indicators.higherBetter.bands = try Self.bands(indicatorBands ?? "", label: "Fasce del punteggio dell'indicatore").get()
        } catch {
            return error
        }
        guard let validatedDecimals, (0...4).contains(validatedDecimals) else {
            return FormError("«Decimali del punteggio validato proposto»: indica un numero da 0 a 4.")
        }
        m.nucleo.validatedDecimals = validatedDecimals
        m.indicators.date.missedUsesProgress = missedUsesProgress != nil
        m.objectives.excludeBeforeHorizon = excludeBeforeHorizon != nil
        m.rollUps.crossCuttingInEveryOwner = crossCutting != nil
        m.rollUps.includeSubunits = includeSubunits != nil
        m.nucleo.reasonRequired = reasonRequired != nil
        return nil
    }

    /// "90=100; 70=80; 50=50; 0=0" (or one per line, or "90 → 100"): score bands, from this score → this score.
    static func bands(_ text: String, label: String) -> Result<[ScoreBand], FormError> {
        var out: [ScoreBand] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let sides = item.replacingOccurrences(of: "→", with: "=").split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2, let from = ItalianFormat.parseNumber(sides[0]), let score = ItalianFormat.parseNumber(sides[1]), from >= 0,
                score >= 0
            else {
                return .failure(
                    FormError("«\(label)»: «\(item)» non è nella forma «soglia=punteggio» (es. 90=100; 70=80)."))
            }
            out.append(ScoreBand(from: from, score: score))
        }
        return .success(out)
    }
}
