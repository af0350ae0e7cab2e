import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The ente's SMVP: what is in force, the shipped presets, a preview of what a change would do to the
/// scores of the latest plan, and adoption as a new version (a form, not raw JSON).
struct MethodologyController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", "metodologia", use: page).requires(.ente(.viewEnte))
        routes.post("enti", ":ente", "metodologia", use: submit).requires(.ente(.managePlan))
    }

    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Version: Encodable {
        let year: Int
        let version: Int
        let name: String
        let by: String
        let at: String
    }

    struct Change: Encodable {
        let level: String
        let name: String
        let before: String
        let after: String
    }

    struct Settings: Encodable {
        var preset: String
        var cap: Bool
        var notReported: String
        var decimals: Int
        var monthsToZero: String
        var achievedWithoutDate: String
        var notYetDue: String
        var unitMean: String
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let slug: String
        let name: String
        let versionLabel: String
        let source: String
        let rules: [String]
        let history: [Version]
        let hasHistory: Bool
        let presets: [Option]
        let settings: Settings
        let notYetDueOptions: [Option]
        let meanOptions: [Option]
        let preview: [Change]
        let previewTitle: String?
        let canAdopt: Bool
        let year: Int
        let error: String?
    }

    @Sendable func page(req: Request) async throws -> Response {
        let (_, enteID) = try req.requireEnte()
        let year = try await planYear(req, enteID: enteID)
        let (current, version) = try await MethodologyStore.current(enteID: enteID, year: year, on: req.db)
        let context = Context(year: year, current: current, version: version)
        var candidate: Methodology?
        if let id = (try? req.query.get(String.self, at: "anteprima")).nonEmpty {
            candidate = MethodologyStore.preset(id)
        }
        return try await render(req, context, candidate: candidate, settings: Self.settings(of: candidate ?? current), error: nil)
    }

    struct Form: Content {
        var preset: String?
        var cap: String?
        var notReported: String?
        var decimals: Int?
        var monthsToZero: String?
        var achievedWithoutDate: String?
        var notYetDue: String?
        var unitMean: String?
        var action: String?
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let year = try await planYear(req, enteID: enteID)
        let (current, version) = try await MethodologyStore.current(enteID: enteID, year: year, on: req.db)
        let context = Context(year: year, current: current, version: version)
        let form = try req.content.decode(Form.self)
        guard let base = MethodologyStore.preset(form.preset ?? "") ?? (form.preset == current.id ? current : nil) else {
            return try await render(req, context, candidate: nil, settings: Self.settings(of: current), error: "Scegli una metodologia di partenza.", status: .unprocessableEntity)
        }
        let candidate: Methodology
        switch Self.apply(form, to: base) {
        case .success(let m): candidate = m
        case .failure(let message):
            return try await render(req, context, candidate: nil, settings: Self.settings(of: base), error: message, status: .unprocessableEntity)
        }
        guard form.action == "adotta" else {
            return try await render(req, context, candidate: candidate, settings: Self.settings(of: candidate), error: nil)
        }
        do {
            let version = try await MethodologyStore.adopt(candidate, enteID: enteID, year: year, on: req.db, actor: req.actor)
            req.flash("Metodologia «\(candidate.name)» adottata per il \(year) (versione \(version)).")
        } catch let error as MethodologyStoreError {
            return try await render(req, context, candidate: candidate, settings: Self.settings(of: candidate), error: error.description, status: .unprocessableEntity)
        }
        return req.redirect(to: "/enti/\(ente.slug)/metodologia?anno=\(year)")
    }

    /// The adjustable parameters of the form, applied to a preset; Italian messages name the field.
    enum Applied { case success(Methodology), failure(String) }

    static func apply(_ form: Form, to base: Methodology) -> Applied {
        var m = base
        m.indicators.higherBetter.cap = form.cap != nil ? 100 : nil
        if let text = form.notReported.nonEmpty {
            guard let v = ItalianFormat.parseNumber(text), (0...100).contains(v) else { return .failure("«Valore dei non consuntivati»: indica un numero tra 0 e 100, oppure lascia vuoto per escluderli.") }
            m.statuses.removeAll { $0.status == .nonConsuntivato }
            m.statuses.append(StatusTreatment(status: .nonConsuntivato, counting: .fixed, value: v))
        } else {
            m.statuses.removeAll { $0.status == .nonConsuntivato }
            m.statuses.append(StatusTreatment(status: .nonConsuntivato, counting: .excluded))
        }
        guard let decimals = form.decimals, (0...4).contains(decimals) else { return .failure("«Decimali»: indica un numero da 0 a 4.") }
        m.rounding.decimals = decimals
        guard let months = ItalianFormat.parseNumber(form.monthsToZero ?? ""), months > 0 else { return .failure("«Mesi di ritardo che azzerano il punteggio»: indica un numero maggiore di 0.") }
        m.indicators.date.monthsToZero = months
        guard let noDate = ItalianFormat.parseNumber(form.achievedWithoutDate ?? ""), (0...100).contains(noDate) else {
            return .failure("«Punteggio se raggiunto senza data»: indica un numero tra 0 e 100.")
        }
        m.indicators.date.achievedWithoutDateScore = noDate
        guard let notYetDue = NotYetDueRule(rawValue: form.notYetDue ?? "") else { return .failure("«Scadenza non ancora raggiunta»: scelta non valida.") }
        m.indicators.date.notYetDue = notYetDue
        guard let mean = MeanKind(rawValue: form.unitMean ?? "") else { return .failure("«Media per unità»: scelta non valida.") }
        m.rollUps.unitMean = mean
        if m != base {
            m.name = base.name + " (adattata)"
            m.notes.append("Adattata dalla metodologia «\(base.name)» con il modulo di Traguardo.")
        }
        return .success(m)
    }

    static func settings(of m: Methodology) -> Settings {
        let notReported = m.treatment(of: .nonConsuntivato).flatMap { $0.counting == .fixed ? $0.value : nil }
        return Settings(preset: m.id, cap: m.indicators.higherBetter.cap != nil,
                        notReported: notReported.map { ItalianFormat.number($0, trimZeros: true) } ?? "",
                        decimals: m.rounding.decimals, monthsToZero: ItalianFormat.number(m.indicators.date.monthsToZero, trimZeros: true),
                        achievedWithoutDate: ItalianFormat.number(m.indicators.date.achievedWithoutDateScore, trimZeros: true),
                        notYetDue: m.indicators.date.notYetDue.rawValue, unitMean: m.rollUps.unitMean.rawValue)
    }

    static func rules(of m: Methodology) -> [String] {
        let f = { (v: Double) in ItalianFormat.number(v, trimZeros: true) }
        var out: [String] = []
        out.append("Indicatori numerici «di più è meglio»: rapporto consuntivo/atteso" + (m.indicators.higherBetter.cap.map { ", con tetto al \(f($0))%" } ?? ", senza tetto"))
        out.append("Scadenze: nei tempi 100; in ritardo 100 × (1 − mesi/\(f(m.indicators.date.monthsToZero))); raggiunto senza data \(f(m.indicators.date.achievedWithoutDateScore))")
        out.append("Fonti del punteggio dell'obiettivo, in ordine: " + m.objectives.sources.map(\.rawValue).joined(separator: ", "))
        for s in m.statuses {
            switch s.counting {
            case .excluded: out.append("«\(s.status.label)»: escluso da numeratore e denominatore")
            case .fixed: out.append("«\(s.status.label)»: vale \(f(s.value ?? 0)) e conta")
            case .normal: out.append("«\(s.status.label)»: conteggiato normalmente")
            }
        }
        out.append("Unità: \(m.rollUps.unitMean.label)" + (m.rollUps.crossCuttingInEveryOwner ? "; gli obiettivi trasversali contano in ogni unità" : ""))
        out.append("Arrotondamento: \(m.rounding.label)")
        if let org = m.organisational { out.append("Performance organizzativa: \(org.dimensions.count) dimensioni, \(f(org.totalPoints)) punti") }
        return out
    }

    private func planYear(_ req: Request, enteID: UUID) async throws -> Int {
        if let year = try? req.query.get(Int.self, at: "anno") { return year }
        return try await PlanStore.record(enteID: enteID, on: req.db).map(\.year) ?? Calendar(identifier: .gregorian).component(.year, from: Date())
    }

    /// What every render needs, computed once per request.
    struct Context {
        let year: Int
        let current: Methodology
        let version: Int?
    }

    private func render(_ req: Request, _ context: Context, candidate: Methodology?, settings: Settings, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let (year, current, version) = (context.year, context.current, context.version)
        var preview: [Change] = []
        if let candidate, let plan = try await PlanStore.record(enteID: enteID, year: year, on: req.db) {
            let bundle = try await PlanStore.bundle(of: plan, on: req.db)
            let before = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: current))
            let after = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: candidate))
            let f = { (v: Double?) in v.map { ItalianFormat.number($0, decimals: 2) } ?? "—" }
            // Only what a reader would see change (the rule behind an equal score may differ too).
            preview = after.changes(from: before).filter { f($0.before) != f($0.after) }.map {
                Change(level: $0.level == .objective ? "Obiettivo" : $0.level == .unit ? "Unità" : $0.level == .node ? "Nodo" : "Ente",
                       name: $0.name, before: f($0.before), after: f($0.after))
            }
        }
        let history = try await MethodologyStore.history(enteID: enteID, on: req.db).map {
            Version(year: $0.year, version: $0.version, name: (try? $0.methodology.name) ?? $0.methodologyID, by: $0.adoptedBy,
                    at: $0.createdAt.map(ItalianFormat.dateTime) ?? "")
        }
        let principal = try req.requirePrincipal()
        let page = Page(
            layout: try await LayoutContext.make(req, title: "Metodologia · \(ente.name)", active: "metodologia"), slug: ente.slug,
            name: current.name, versionLabel: version.map { "versione \($0) adottata per il \(year)" } ?? "nessuna metodologia adottata: si applica quella generale",
            source: current.source, rules: Self.rules(of: current), history: history, hasHistory: !history.isEmpty,
            presets: MethodologyStore.presets.map { Option(value: $0.id, label: $0.name, selected: $0.id == settings.preset) },
            settings: settings,
            notYetDueOptions: NotYetDueRule.allCases.map { Option(value: $0.rawValue, label: Self.label($0), selected: $0.rawValue == settings.notYetDue) },
            meanOptions: MeanKind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == settings.unitMean) },
            preview: preview, previewTitle: candidate.map { "Anteprima con «\($0.name)»: \(preview.count) punteggi cambiano" },
            canAdopt: AccessPolicy.allows(principal, .managePlan, enteID: enteID), year: year, error: error)
        return try await req.view.render("pages/methodology", page).encodeResponse(status: status, for: req)
    }

    static func label(_ rule: NotYetDueRule) -> String {
        switch rule {
        case .excluded: "non conteggiato"
        case .full: "conteggiato pieno (100)"
        case .progress: "conteggiato con l'avanzamento dichiarato"
        }
    }
}
