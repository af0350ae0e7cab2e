import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// One objective in a campaign: the owner's entries (with a live preview of the score) and the Nucleo's decision.
struct EntryController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.entry, use: show)
        routes.on(.saveEntry, use: save)
        routes.on(.previewEntry, use: preview)
        routes.on(.decide, use: decide)
        routes.on(.uploadEvidence, use: upload)
        routes.on(.downloadEvidence, use: download)
        routes.on(.deleteEvidence, use: deleteEvidence)
    }

    struct Upload: Content {
        var file: File
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await render(req, context, node: node, error: "Scegli un file da allegare.", status: .unprocessableEntity)
        }
        let bytes = Array(upload.file.data.readableBytesView)
        do {
            let saved = try await req.store.addEvidence(
                campaign: context.data.campaign.key, node: node, filename: upload.file.filename, bytes: bytes,
                sha256: SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(), scope: context.scope, in: context.plan,
                actor: req.actor)
            req.flash("Allegato «\(saved.filename)» aggiunto.")
            return req.redirect(to: context.links.entry(node.key))
        } catch let error as EvidenceError {
            return try await render(req, context, node: node, error: error.description, status: .unprocessableEntity)
        } catch let error as MonitoringError {
            if error.httpStatus == .forbidden { throw Abort(.forbidden, reason: error.description) }
            return try await render(req, context, node: node, error: error.description, status: error.httpStatus)
        }
    }

    /// The file as it was uploaded, to whoever may see the objective; always as a download, never rendered inline.
    @Sendable func download(req: Request) async throws -> Response {
        let plan = try await req.plan()
        guard let id = UUID(uuidString: req.parameter("item")),
            let (meta, data) = try await req.store.evidenceFile(id, campaign: req.parameter("campaign"), in: plan),
            meta.nodeKey == req.parameter("node")
        else { throw Abort(.notFound, reason: EvidenceError.unknown.description) }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: meta.contentType)
        let ascii = String(meta.filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = meta.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return response
    }

    @Sendable func deleteEvidence(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        guard let id = UUID(uuidString: req.parameter("item")) else { throw Abort(.notFound, reason: EvidenceError.unknown.description) }
        do {
            try await req.store.deleteEvidence(
                id, campaign: context.data.campaign.key, node: node, scope: context.scope, in: context.plan, actor: req.actor)
        } catch let error as EvidenceError {
            throw Abort(.notFound, reason: error.description)
        } catch let error as MonitoringError {
            throw Abort(error.httpStatus, reason: error.description)
        }
        req.flash("Allegato eliminato.")
        return req.redirect(to: context.links.entry(node.key))
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await req.renderKept(.plans) {
            let context = try await req.campaignContext()
            let node = try req.node(in: context.bundle)
            let files = try await req.store.evidence(campaign: context.data.campaign.key, node: node.key, in: context.plan)
            let blocked = Self.blocked(context, node)
            return (
                "\(node.code ?? node.key) · \(context.data.campaign.title)",
                { EntryPage.build(layout: $0, context: context, node: node, blocked: blocked, error: nil, evidence: files) }
            )
        }
    }

    /// Why this user cannot change the objective's entries now (nil: they can).
    static func blocked(_ context: CampaignContext, _ node: PlanNode) -> String? {
        guard context.allows(.editOwnUnits) else { return "Il tuo ruolo consente di leggere i valori, non di inserirli." }
        do {
            try EntryRules.checkEntry(
                node: node, campaign: context.data.campaign, scope: context.scope, submissions: context.data.submissions,
                validation: context.data.validation(of: node.key))
            return nil
        } catch {
            return error.message(unitName: context.unitName)
        }
    }

    @Sendable func save(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        let form = try req.content.decode(EntryForm.self)
        let indicators = context.bundle.indicators.filter { $0.nodeKey == node.key }
        let entries: (objective: MonitoringValue, indicators: [MonitoringValue])
        switch form.entries(for: indicators) {
        case .success(let e): entries = e
        case .failure(let error):
            return try await render(req, context, node: node, error: error.message, shown: form.typed, status: .unprocessableEntity)
        }
        do {
            try await req.store.saveEntries(
                campaign: context.data.campaign.key, node: node, objective: entries.objective, indicators: entries.indicators,
                expectedVersion: form.version ?? 0, scope: context.scope, in: context.plan, actor: req.actor)
        } catch let error as MonitoringError {
            if error.httpStatus == .forbidden { throw Abort(.forbidden, reason: error.description) }
            // A conflict shows the current entries: what the user typed is kept in the message, nothing is overwritten.
            let shown = error == .conflict ? nil : form.typed
            return try await render(
                req, try await req.campaignContext(), node: node, error: error.message(unitName: context.unitName), shown: shown,
                status: error.httpStatus
            )
        }
        req.flash("Valori di «\(node.title)» salvati.")
        return req.redirect(to: context.links.entry(node.key))
    }

    /// The score the methodology would compute from the values being typed, with its explanation; nothing is saved.
    @Sendable func preview(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        let form = try req.content.decode(EntryForm.self)
        struct Preview: Content {
            let computed: String?
            let explanation: String?
            let error: String?
        }
        switch form.entries(for: context.bundle.indicators.filter { $0.nodeKey == node.key }) {
        case .failure(let error):
            return try await Preview(computed: nil, explanation: nil, error: error.message).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let entries):
            let key = context.data.campaign.key
            var bundle = context.bundle
            bundle.values.removeAll { $0.campaignKey == key && $0.nodeKey == node.key }
            for var v in [entries.objective] + entries.indicators where !v.isEmpty || v.indicatorKey == nil {
                v.campaignKey = key
                v.nodeKey = node.key
                bundle.values.append(v)
            }
            let (methodology, _) = try await req.methodology(year: bundle.plan.year)
            let sheet = ScoreSheet(ScoringEngine.measuredScore(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: key)))
            let objective = sheet.objectives.first { $0.key == node.key }
            return try await Preview(computed: objective?.computed, explanation: objective?.explanation, error: nil).encodeResponse(for: req)
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let node = try req.node(in: context.bundle)
        let form = try req.content.decode(DecisionForm.self)
        let decision: (kind: ValidationKind, score: Double?)
        switch form.decision() {
        case .success(let d): decision = d
        case .failure(let error): return try await render(req, context, node: node, error: error.message, status: .unprocessableEntity)
        }
        let (methodology, _) = try await req.methodology(year: context.bundle.plan.year)
        let report = ScoringEngine.measuredScore(
            ScoringInput(bundle: context.bundle, methodology: methodology, campaignKey: context.data.campaign.key))
        let computed = report.objective(node.key)?.computed
        do {
            let saved = try await req.store.decide(
                decision.kind, node: node.key, campaign: context.data.campaign.key, score: decision.score, reason: form.reason ?? "",
                computed: computed, rounding: methodology.rounding, minutes: form.minutes.nonEmpty, in: context.plan, actor: req.actor)
            req.flash("«\(node.title)»: \(saved.kind.label.lowercased()).")
            return req.redirect(to: context.links.entry(node.key))
        } catch let error as MonitoringError {
            return try await render(req, context, node: node, error: error.description, status: error.httpStatus)
        }
    }

    private func render(
        _ req: Request, _ context: CampaignContext, node: PlanNode, error: String?, shown: EntryPage.Values? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let blocked = Self.blocked(context, node)
        let files = try await req.store.evidence(campaign: context.data.campaign.key, node: node.key, in: context.plan)
        let page = EntryPage.build(
            layout: try await req.layout("\(node.code ?? node.key) · \(context.data.campaign.title)", .plans), context: context, node: node,
            blocked: blocked, error: error, shown: shown, evidence: files)
        return try await req.render(page, status: status)
    }
}
