import Foundation
import Testing
import TraguardoCore

@testable import TraguardoWeb

/// The methodology form sets the lateness rules as a methodology file does, with Italian messages naming the field.
@Suite("Methodology form")
struct MethodologyFormTests {
    let base = Methodology(id: "base", name: "Base", validFrom: 2024, source: "test")

    func form(lateStep: String? = "mesi-e-mezzo", daysToZero: String? = "365", maxDelay: String? = "6", due: Bool = true) -> MethodologyForm {
        let settings = MethodologySettings(base)
        return MethodologyForm(
            preset: "base", cap: "1", notReported: nil, decimals: 2, monthsToZero: settings.monthsToZero,
            achievedWithoutDate: settings.achievedWithoutDate, notYetDue: settings.notYetDue, unitMean: settings.unitMean, lateStep: lateStep,
            daysToZero: daysToZero, maxDelay: maxDelay, dueOnReferenceDay: due ? "1" : nil, nothingDue: "full", childlessNode: "full",
            indicatorZeroBelow: "40", objectiveZeroBelow: "", objectiveBands: "90=100; 70 → 80\n0=0", action: nil)
    }

    @Test func theLatenessRulesAreSetFromTheForm() throws {
        let m = try form().apply(to: base).get()
        #expect(m.indicators.date.lateStep == .monthsAndHalf)
        #expect(m.indicators.date.maxDelay == 6)
        #expect(m.indicators.date.dueOnReferenceDay)
        #expect(m.objectives.nothingDue == .full && m.rollUps.childlessNode == .full)
        #expect(m.indicators.zeroBelow == 40 && m.objectives.zeroBelow == nil)
        #expect(m.objectives.bands == [ScoreBand(from: 90, score: 100), ScoreBand(from: 70, score: 80), ScoreBand(from: 0, score: 0)])
        #expect(MethodologySettings(m).objectiveBands == "90=100; 70=80; 0=0")
        #expect(
            MethodologyForm.bands("90=cento", label: "Fasce del punteggio dell'obiettivo").failure?.message.contains("«90=cento» non è nella forma")
                == true)
        // Shown back as the form reads them, and an empty maximum removes it.
        let shown = MethodologySettings(m)
        #expect(shown.lateStep == "mesi-e-mezzo" && shown.maxDelay == "6" && shown.dueOnReferenceDay)
        #expect(try form(maxDelay: "").apply(to: m).get().indicators.date.maxDelay == nil)
        // A form without the fields (an earlier page) keeps the base's rules.
        let kept = try form(lateStep: nil, daysToZero: nil, maxDelay: nil, due: false).apply(to: m).get()
        #expect(kept.indicators.date.lateStep == .monthsAndHalf && kept.indicators.date.maxDelay == 6 && kept.indicators.date.dueOnReferenceDay)
    }

    /// With `allRules` the form sets every scalar rule, and an unticked box means "no".
    @Test func theWholeFormSetsEveryScalarRule() throws {
        var f = form()
        f.allRules = "1"
        f.indicatorBands = "100=100; 80=70"
        f.lowerBetterPartial = "linear"
        f.exactPartial = "none"
        f.missingValue = "zero"
        f.roundingMode = "troncamento"
        f.roundingWhen = "ogni-livello"
        f.nodeMean = "ponderata"
        f.enteMean = "ponderata"
        f.validatedDecimals = 2
        f.reasonRequired = "1"
        let m = try f.apply(to: base).get()
        #expect(m.indicators.higherBetter.bands == [ScoreBand(from: 100, score: 100), ScoreBand(from: 80, score: 70)])
        #expect(m.indicators.lowerBetter.partial == .linear && m.indicators.exactPartial == PartialRule.none)
        #expect(m.indicators.missingValue == .zero && m.rounding.mode == .down && m.rounding.when == .eachLevel)
        #expect(m.rollUps.nodeMean == .weighted && m.rollUps.enteMean == .weighted && m.nucleo.validatedDecimals == 2)
        #expect(!m.rollUps.crossCuttingInEveryOwner && !m.rollUps.includeSubunits && m.nucleo.reasonRequired)
        #expect(!m.indicators.date.missedUsesProgress && !m.objectives.excludeBeforeHorizon)
        // Round trip: the settings shown for the result read back into the same methodology.
        let shown = MethodologySettings(m)
        #expect(shown.indicatorBands == "100=100; 80=70" && shown.roundingMode == "troncamento" && !shown.crossCutting)
        f.roundingWhen = "mai"
        #expect(f.apply(to: base).failure?.message == "«Quando si arrotonda»: scelta non valida.")
    }

    @Test func badValuesAreNamed() {
        func message(_ f: MethodologyForm) -> String? {
            if case .failure(let e) = f.apply(to: base) { return e.message }
            return nil
        }
        #expect(message(form(lateStep: "settimane"))?.contains("«Come si conta il ritardo»") == true)
        #expect(message(form(daysToZero: "0"))?.contains("«Giorni di ritardo che azzerano il punteggio»") == true)
        #expect(message(form(maxDelay: "-1"))?.contains("«Ritardo massimo»") == true)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
