import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The ente's SMVP: what is in force, the presets, a preview of a change on the year's plan, and adoption
/// as a new version.
struct MethodologyController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.methodology, use: page)
        routes.on(.adoptMethodology, use: submit)
        routes.on(.methodologyFile, use: download)
        routes.on(.uploadMethodology, use: upload)
    }

    /// The methodology in force for the year as the file `traguardo methodology export` writes.
    @Sendable func download(req: Request) async throws -> Response {
        let context = try await Context(req)
        let response = Response(status: .ok, body: .init(data: try MethodologyFile.encode(context.current)))
        response.headers.contentType = .json
        let name = "metodologia-\(context.ente.ente.slug)-\(context.year).json"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    /// A file, or the same JSON edited in the page's editor (every rule, lists included, without leaving the browser).
    struct Upload: Content {
        var file: File?
        var text: String?
        var dryRun: String?
    }

    /// A methodology file: checked (every problem by rule path), its effect on the year's scores shown, and adopted
    /// unless it is a dry run or has errors.
    @Sendable func upload(req: Request) async throws -> Response {
        let context = try await Context(req)
        let upload = try req.content.decode(Upload.self)
        let data: Data, origin: String
        if let file = upload.file, file.data.readableBytes > 0 {
            (data, origin) = (Data(file.data.readableBytesView), "il file «\(file.filename)»")
        } else if let text = upload.text.nonEmpty {
            (data, origin) = (Data(text.utf8), "il testo modificato nella pagina")
        } else {
            return try await render(
                req, context, candidate: nil, settings: MethodologySettings(context.current), error: "Scegli il file della metodologia (.json).",
                status: .unprocessableEntity)
        }
        // The editor keeps what the user typed, even when it does not parse, so nothing is lost to a typo.
        let typed = upload.file.map { $0.data.readableBytes == 0 } ?? true ? upload.text : nil
        let (candidate, issues) = MethodologyFile.check(data)
        let problems = issues.map { "\($0.severity.rawValue): \($0.path): \($0.message)" }
        guard let candidate, !issues.contains(where: { $0.severity == .error }) else {
            return try await render(
                req, context, candidate: nil, settings: MethodologySettings(context.current),
                error: "\(origin.prefix(1).uppercased() + origin.dropFirst()) non è una metodologia utilizzabile: nulla è stato adottato.",
                fileIssues: problems, editorText: typed, status: .unprocessableEntity)
        }
        guard upload.dryRun == nil else {
            return try await render(
                req, context, candidate: candidate, settings: MethodologySettings(candidate), error: nil, fileIssues: problems,
                fileSummary: "Prova con \(origin): metodologia «\(candidate.name)» valida; nulla è stato adottato.", editorText: typed)
        }
        let version = try await req.store.adopt(candidate, enteID: context.ente.id, year: context.year, actor: req.actor)
        req.flash("Metodologia «\(candidate.name)» da \(origin) adottata per il \(context.year) (versione \(version)).")
        return req.redirect(to: Links.ente(context.ente.ente.slug).methodology(year: context.year))
    }

    @Sendable func page(req: Request) async throws -> Response {
        let context = try await Context(req)
        let candidate = req.query("anteprima").flatMap(MethodologyStore.preset)
        return try await render(req, context, candidate: candidate, settings: MethodologySettings(candidate ?? context.current), error: nil)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let context = try await Context(req)
        let form = try req.content.decode(MethodologyForm.self)
        guard let base = MethodologyStore.preset(form.preset ?? "") ?? (form.preset == context.current.id ? context.current : nil) else {
            return try await render(
                req, context, candidate: nil, settings: MethodologySettings(context.current),
                error: "Scegli una metodologia di partenza.", status: .unprocessableEntity)
        }
        let candidate: Methodology
        switch form.apply(to: base) {
        case .success(let m): candidate = m
        case .failure(let error):
            return try await render(
                req, context, candidate: nil, settings: MethodologySettings(base), error: error.message, status: .unprocessableEntity)
        }
        guard form.chosenAction == .adopt else {
            return try await render(req, context, candidate: candidate, settings: MethodologySettings(candidate), error: nil)
        }
        do {
            let version = try await req.store.adopt(candidate, enteID: context.ente.id, year: context.year, actor: req.actor)
            req.flash("Metodologia «\(candidate.name)» adottata per il \(context.year) (versione \(version)).")
        } catch let error as MethodologyStoreError {
            return try await render(
                req, context, candidate: candidate, settings: MethodologySettings(candidate), error: error.description,
                status: .unprocessableEntity)
        }
        return req.redirect(to: Links.ente(context.ente.ente.slug).methodology(year: context.year))
    }

    /// What every render needs, read once per request: the year (asked, or the latest plan's) and the
    /// methodology in force for it.
    struct Context {
        let ente: StoredEnte
        let year: Int
        let current: Methodology
        let version: Int?

        init(_ req: Request) async throws {
            ente = try req.requireEnte()
            if let asked = req.query("anno").flatMap(Int.init) {
                year = asked
            } else {
                year = try await req.store.plan(enteID: ente.id)?.plan.year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
            }
            (current, version) = try await req.methodology(year: year)
        }
    }

    private func render(
        _ req: Request, _ context: Context, candidate: Methodology?, settings: MethodologySettings, error: String?,
        fileIssues: [String] = [], fileSummary: String? = nil, editorText: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        var before: ScoreReport?, after: ScoreReport?
        if let candidate, let plan = try await req.store.plan(enteID: context.ente.id, year: context.year) {
            let bundle = try await req.bundle(of: plan)
            before = ScoringEngine.measuredScore(ScoringInput(bundle: bundle, methodology: context.current))
            after = ScoringEngine.measuredScore(ScoringInput(bundle: bundle, methodology: candidate))
        }
        let editor = try editorText ?? String(decoding: MethodologyFile.encode(candidate ?? context.current), as: UTF8.self)
        let page = MethodologyPage.build(
            layout: try await req.layout("Metodologia · \(context.ente.ente.name)", .methodology), ente: context.ente.ente.slug,
            year: context.year, current: context.current, version: context.version,
            history: try await req.store.methodologyHistory(enteID: context.ente.id), presets: MethodologyStore.presets,
            candidate: candidate, before: before, after: after, settings: settings, canAdopt: req.allows(.managePlan), error: error,
            fileIssues: fileIssues, fileSummary: fileSummary,
            editorText: editor)
        return try await req.render(page, status: status)
    }
}
