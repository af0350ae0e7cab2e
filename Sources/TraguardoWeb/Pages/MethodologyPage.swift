import Foundation
import TraguardoCore
import TraguardoPersistence

/// The ente's SMVP: what is in force, the shipped presets, a preview of what a change would do to the scores
/// of the year's plan, the adoption form and the versions adopted.
struct MethodologyPage: PageModel {
    static let template = "pages/methodology"

    struct Version: Encodable, Hashable, Sendable {
        let year: Int
        let version: Int
        let name: String
        let by: String
        let at: String
        /// What this version changed against the previous one (of any year), line by line.
        let changes: [String]
        let hasChanges: Bool
    }

    struct Change: Encodable, Hashable, Sendable {
        let level: String
        let name: String
        let before: String
        let after: String
    }

    struct Preset: Encodable, Hashable, Sendable {
        let label: String
        let previewHref: String
    }

    let layout: Layout
    let name: String
    let versionLabel: String
    let source: String
    let rules: [String]
    let history: [Version]
    let hasHistory: Bool
    let presets: [Preset]
    let presetChoices: [Choice]
    let settings: MethodologySettings
    let notYetDueOptions: [Choice]
    let lateStepOptions: [Choice]
    let nothingDueOptions: [Choice]
    let childlessOptions: [Choice]
    let meanOptions: [Choice]
    let nodeMeanOptions: [Choice]
    let enteMeanOptions: [Choice]
    let lowerBetterOptions: [Choice]
    let exactOptions: [Choice]
    let missingValueOptions: [Choice]
    let roundingModeOptions: [Choice]
    let roundingWhenOptions: [Choice]
    /// The whole methodology as JSON in the page's editor: every rule, lists included, editable in the browser.
    let editorText: String
    let preview: [Change]
    let hasPreview: Bool
    let previewTitle: String?
    let canAdopt: Bool
    let year: Int
    let error: String?
    let formAction: String
    let downloadHref: String
    let uploadAction: String
    /// The outcome of an uploaded file: its problems by rule path, and a dry run's summary.
    let fileIssues: [String]
    let hasFileIssues: Bool
    let fileSummary: String?
    let previewAction: String
    let adoptAction: String

    /// `before`/`after`: the year's plan scored under the methodology in force and under the candidate.
    static func build(
        layout: Layout, ente: String, year: Int, current: Methodology, version: Int?, history: [MethodologyVersion],
        presets: [Methodology], candidate: Methodology?, before: ScoreReport?, after: ScoreReport?,
        settings: MethodologySettings, canAdopt: Bool, error: String?, fileIssues: [String] = [], fileSummary: String? = nil,
        editorText: String = ""
    ) -> MethodologyPage {
        func choices<T: CaseIterable & RawRepresentable>(_: T.Type, _ selected: String, _ label: (T) -> String) -> [Choice]
        where T.RawValue == String {
            T.allCases.map { Choice(value: $0.rawValue, label: label($0), selected: $0.rawValue == selected) }
        }
        let links = Links.ente(ente)
        var changes: [Change] = []
        if let before, let after {
            let b = before.methodology.rounding, a = after.methodology.rounding
            // Only what a reader would see change (the rule behind an equal figure may differ too).
            changes = after.changes(from: before).compactMap { c in
                c.shown(before: b, after: a).map { Change(level: c.levelLabel, name: c.name, before: $0.before, after: $0.after) }
            }
        }
        return MethodologyPage(
            layout: layout, name: current.name,
            versionLabel: version.map { "versione \($0) adottata per il \(year)" } ?? "nessuna metodologia adottata: si applica quella generale",
            source: current.source, rules: current.italianSummary,
            history: history.enumerated().map { i, v in
                // History is newest first: the previous version is the next row.
                let previous = i + 1 < history.count ? history[i + 1].methodology : nil
                let changes = v.methodology.flatMap { m in previous.map { MethodologyFile.diff($0, m) } } ?? []
                return Version(
                    year: v.year, version: v.version, name: v.name, by: v.adoptedBy, at: v.adoptedAt.map(ItalianFormat.dateTime) ?? "",
                    changes: changes, hasChanges: !changes.isEmpty)
            },
            hasHistory: !history.isEmpty,
            presets: presets.map { Preset(label: $0.name, previewHref: links.methodology(year: year, preview: $0.id)) },
            presetChoices: presets.map { Choice(value: $0.id, label: $0.name, selected: $0.id == settings.preset) },
            settings: settings,
            notYetDueOptions: NotYetDueRule.allCases.map {
                Choice(value: $0.rawValue, label: label($0), selected: $0.rawValue == settings.notYetDue)
            },
            lateStepOptions: LateStep.allCases.map {
                Choice(value: $0.rawValue, label: $0.italianLabel, selected: $0.rawValue == settings.lateStep)
            },
            nothingDueOptions: NotYetDueRule.allCases.map {
                Choice(value: $0.rawValue, label: label($0), selected: $0.rawValue == settings.nothingDue)
            },
            childlessOptions: ChildlessNodeRule.allCases.map {
                Choice(
                    value: $0.rawValue, label: $0 == .full ? "conteggiato come 100" : "non conteggiato",
                    selected: $0.rawValue == settings.childlessNode)
            },
            meanOptions: choices(MeanKind.self, settings.unitMean, \.label),
            nodeMeanOptions: choices(MeanKind.self, settings.nodeMean, \.label),
            enteMeanOptions: choices(MeanKind.self, settings.enteMean, \.label),
            lowerBetterOptions: choices(PartialRule.self, settings.lowerBetterPartial, label),
            exactOptions: choices(PartialRule.self, settings.exactPartial, label),
            missingValueOptions: choices(MissingValueRule.self, settings.missingValue) { $0 == .zero ? "vale 0" : "non conteggiato" },
            roundingModeOptions: choices(RoundingMode.self, settings.roundingMode, \.label),
            roundingWhenOptions: choices(RoundingMoment.self, settings.roundingWhen, label),
            editorText: editorText,
            preview: changes, hasPreview: !changes.isEmpty,
            previewTitle: candidate.map { "Anteprima con «\($0.name)»: \(changes.count) punteggi cambiano" },
            canAdopt: canAdopt, year: year, error: error, formAction: links.adoptMethodology(year: year),
            downloadHref: links.methodologyFile(year: year), uploadAction: links.uploadMethodology(year: year), fileIssues: fileIssues,
            hasFileIssues: !fileIssues.isEmpty, fileSummary: fileSummary,
            previewAction: MethodologyAction.preview.rawValue, adoptAction: MethodologyAction.adopt.rawValue)
    }

    static func label(_ rule: PartialRule) -> String {
        switch rule {
        case .proportional: "in proporzione (obiettivo/valore)"
        case .linear: "perdita lineare: un punto per ogni punto percentuale di scostamento"
        case .none: "tutto o niente"
        }
    }

    static func label(_ moment: RoundingMoment) -> String {
        switch moment {
        case .display: "solo in visualizzazione"
        case .eachLevel: "a ogni livello (obiettivo, unità, ente)"
        case .end: "sui totali; obiettivi non arrotondati"
        }
    }

    static func label(_ rule: NotYetDueRule) -> String {
        switch rule {
        case .excluded: "non conteggiato"
        case .full: "conteggiato pieno (100)"
        case .progress: "conteggiato con l'avanzamento dichiarato"
        }
    }

}
