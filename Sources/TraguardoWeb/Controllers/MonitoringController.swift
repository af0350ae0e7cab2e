import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import Vapor

/// Monitoring campaigns: the list and its creation form, the dashboard, the lifecycle moves, unit submissions and
/// the Nucleo's minutes. The rules are the core's (`CampaignLifecycle`, `EntryRules`); handlers read, call, render.
struct MonitoringController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.campaigns, use: list)
        routes.on(.createCampaign, use: create)
        routes.on(.campaign, use: dashboard)
        routes.on(.moveCampaign, use: move)
        routes.on(.submitUnit, use: submit)
        routes.on(.giveBackUnit, use: giveBack)
        routes.on(.addMinutes, use: addMinutes)
        routes.on(.toDoFile, use: toDoFile)
        routes.on(.uploadToDo, use: uploadToDo)
        routes.on(.sendReminders, use: sendReminders)
    }

    /// Queues a reminder to each responsabile of a unit that has not submitted (by its grants, or as the person who
    /// holds the unit on the campaign's reference date).
    @Sendable func sendReminders(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        guard context.data.campaign.state.acceptsEntries else {
            throw Abort(.conflict, reason: MonitoringError.notOpen(context.data.campaign.state.label).description)
        }
        let messages = CampaignReminders.messages(
            ente: try req.requireEnte().ente.name, bundle: context.bundle, data: context.data, organisation: try await req.organisation(),
            members: try await req.store.members(of: context.enteID), today: context.today, link: req.publicBaseURL + context.links.dashboard)
        try await req.store.enqueue(messages, enteID: context.enteID, campaignKey: context.data.campaign.key, actor: req.actor)
        req.flash(
            messages.isEmpty
                ? "Nessun promemoria da inviare: ogni settore con un responsabile ha inviato i dati." : "\(messages.count) promemoria messi in coda.")
        return req.redirect(to: context.links.dashboard)
    }

    /// The user's objectives of this campaign, to fill in offline.
    @Sendable func toDoFile(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let name = req.query("formato") ?? "xlsx"
        guard let format: SpreadsheetFormat = name == "ods" ? .ods : name == "xlsx" ? .xlsx : nil else {
            throw Abort(.badRequest, reason: "Formato «\(name)» non disponibile per il foglio: usa xlsx oppure ods.")
        }
        let data = try ToDoWorkbook.write(
            campaign: context.data, items: Self.items(context), indicators: context.bundle.indicators, unitName: context.unitName, as: format)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"monitoraggio-\(context.data.campaign.key).\(format == .ods ? "ods" : "xlsx")\"")
        return response
    }

    struct ToDoUpload: Content {
        var file: File
        var dryRun: String?
    }

    /// An uploaded to-do file: a dry run lists what would change; otherwise every objective is saved in one
    /// transaction, each with the version it was downloaded at.
    @Sendable func uploadToDo(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let items = Self.items(context)
        func report(_ summary: String, _ lines: [String], status: HTTPStatus) async throws -> Response {
            let page = CampaignPage.build(
                layout: try await req.layout(context.data.campaign.title, .plans), context: context, fileSummary: summary, fileReport: lines)
            return try await req.render(page, status: status)
        }
        guard let upload = try? req.content.decode(ToDoUpload.self), upload.file.data.readableBytes > 0 else {
            return try await report("Scegli il foglio compilato da caricare.", [], status: .unprocessableEntity)
        }
        let read: [ToDoWorkbook.Objective]
        do {
            read = try ToDoWorkbook.read(
                Data(upload.file.data.readableBytesView), as: upload.file.filename.lowercased().hasSuffix(".ods") ? .ods : .xlsx, items: items,
                indicators: context.bundle.indicators)
        } catch let errors as WorkbookErrors {
            return try await report(
                "Il foglio ha \(errors.errors.count) errori: nulla è stato scritto.", errors.errors.map(\.description), status: .unprocessableEntity)
        }
        let changed = read.filter { o in
            let stored = context.data.values(of: o.nodeKey)
            let head = stored.first { $0.indicatorKey == nil }
            let sameHead = head?.status == o.entry.status && head?.statusReason == o.entry.statusReason && head?.narrative == o.entry.narrative
            let sameValues = o.indicators.allSatisfy { v in
                let s = stored.first { $0.indicatorKey == v.indicatorKey }
                return s?.actual?.number == v.actual?.number && s?.actual?.date == v.actual?.date && s?.actual?.flag == v.actual?.flag
                    && s?.actual?.text == v.actual?.text && s?.progress == v.progress
            }
            return !(sameHead && sameValues)
        }
        let lines = changed.map { o in
            let item = items.first { $0.nodeKey == o.nodeKey }
            let count = o.indicators.filter { $0.actual != nil || $0.progress != nil }.count
            return "\(item?.code ?? o.nodeKey) \(item?.title ?? ""): \(count) valori, stato \(o.entry.status?.label ?? "non indicato")"
        }
        if upload.dryRun != nil {
            return try await report("Prova: \(changed.count) obiettivi cambierebbero su \(read.count). Nulla è stato scritto.", lines, status: .ok)
        }
        let nodes = Dictionary(context.bundle.nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        do {
            try await req.store.saveEntries(
                campaign: context.data.campaign.key,
                batch: changed.compactMap { o in nodes[o.nodeKey].map { ($0, o.entry, o.indicators, o.version) } }, scope: context.scope,
                in: context.plan, actor: req.actor)
        } catch let error as MonitoringError {
            return try await report(error.message(unitName: context.unitName) + " Nulla è stato scritto.", [], status: error.httpStatus)
        }
        req.flash("Foglio caricato: \(changed.count) obiettivi aggiornati.")
        return req.redirect(to: context.links.dashboard)
    }

    /// The objectives the user reports in this campaign (every one for the segretario).
    static func items(_ c: CampaignContext) -> [MonitoringToDo.Item] {
        MonitoringToDo.build(
            campaign: c.data.campaign, nodes: c.bundle.nodes, indicators: c.bundle.indicators, values: c.data.values, validations: c.data.validations,
            scope: c.scope
        ).items
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await renderList(req, form: .blank, error: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let form = try req.content.decode(CampaignForm.self)
        let existing = try await req.store.campaigns(of: plan)
        do {
            let campaign = try form.campaign(existing: existing).get()
            let created = try await req.store.createCampaign(campaign, in: plan, actor: req.actor)
            req.flash("Campagna «\(created.title)» creata: aprila quando i responsabili possono inserire i dati.")
            return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).campaign(created.key).dashboard)
        } catch let error as FormError {
            return try await renderList(req, form: form, error: error.message, status: .unprocessableEntity)
        } catch let error as MonitoringError {
            return try await renderList(req, form: form, error: error.description, status: error.httpStatus)
        }
    }

    private func renderList(_ req: Request, form: CampaignForm, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let plan = try await req.plan()
        let campaigns = try await req.store.campaigns(of: plan)
        let page = CampaignListPage.build(
            layout: try await req.layout("Monitoraggio · \(plan.plan.title)", .plans), ente: try req.requireEnte().ente.slug, plan: plan.plan,
            campaigns: campaigns, canCreate: req.allows(.managePlan), form: form, error: error)
        return try await req.render(page, status: status)
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        try await req.renderKept(.plans, extraKey: ItalianFormat.day(of: Date()).iso) {
            let context = try await req.campaignContext()
            let outbox = context.allows(.managePlan) ? try await req.store.outbox(enteID: context.enteID, campaignKey: context.data.campaign.key) : []
            return (
                context.data.campaign.title,
                { CampaignPage.build(layout: $0, context: context, outbox: outbox, smtp: req.application.mailSettings != nil) }
            )
        }
    }

    @Sendable func move(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let form = try req.content.decode(CampaignMoveForm.self)
        guard let state = form.to.nonEmpty.flatMap(CampaignState.init(rawValue:)) else {
            throw Abort(.unprocessableEntity, reason: "Stato della campagna non valido.")
        }
        let principal = try req.requirePrincipal()
        let enteID = try req.requireEnte().id
        let moved = try await Refusals.asAbort {
            try await req.store.moveCampaign(
                req.parameter("campaign"), of: plan, to: state, reason: form.reason, allows: { AccessPolicy.allows(principal, $0, enteID: enteID) },
                actor: req.actor)
        }
        req.flash("Campagna «\(moved.title)»: ora è «\(moved.state.label)».")
        return req.redirect(to: try req.campaignLinks(plan).dashboard)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let unit = req.parameter("unit")
        guard context.scope.isManager || context.scope.unitKeys.contains(unit) else {
            throw Abort(.forbidden, reason: "Puoi inviare solo i dati dei settori di cui sei responsabile.")
        }
        let plan = context.plan
        try await Refusals.asAbort {
            try await req.store.submit(unit: unit, campaign: context.data.campaign.key, on: context.today, in: plan, actor: req.actor)
        }
        req.flash("Dati di «\(context.unitName(unit))» inviati al segretario.")
        return req.redirect(to: context.links.dashboard)
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        let context = try await req.campaignContext()
        let unit = req.parameter("unit")
        let form = try req.content.decode(GiveBackForm.self)
        let plan = context.plan
        try await Refusals.asAbort {
            try await req.store.giveBack(
                unit: unit, campaign: context.data.campaign.key, note: form.note ?? "", on: context.today, in: plan, actor: req.actor)
        }
        req.flash("Dati di «\(context.unitName(unit))» restituiti al settore.")
        return req.redirect(to: context.links.dashboard)
    }

    @Sendable func addMinutes(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let campaign = req.parameter("campaign")
        let form = try req.content.decode(MinutesForm.self)
        let minutes: Minutes
        switch form.minutes(campaign: campaign) {
        case .success(let m): minutes = m
        case .failure(let error): throw Abort(.unprocessableEntity, reason: error.message)
        }
        try await Refusals.asAbort { try await req.store.addMinutes(minutes, in: plan, actor: req.actor) }
        req.flash("\(minutes.label) registrato.")
        return req.redirect(to: try req.campaignLinks(plan).dashboard)
    }
}

extension Request {
    func campaignLinks(_ plan: StoredPlan) throws -> CampaignLinks {
        Links.ente(try requireEnte().ente.slug).plan(plan.plan.key).campaign(parameter("campaign"))
    }

    /// What the user answers for on a day: a manager every unit, a responsabile the units of their grants and those
    /// they hold that day.
    func entryScope(on day: Day) async throws -> EntryRules.Scope {
        let principal = try requirePrincipal()
        let ente = try requireEnte()
        if allows(.managePlan) { return EntryRules.Scope(unitKeys: [], isManager: true) }
        guard allows(.editOwnUnits) else { return EntryRules.Scope(unitKeys: [], isManager: false) }
        return EntryRules.Scope.responsabile(principal, enteID: ente.id, organisation: try await organisation(), on: day)
    }

    /// The campaign of the URL with everything its pages need, or an Italian 404.
    func campaignContext() async throws -> CampaignContext {
        let ente = try requireEnte()
        let plan = try await plan()
        let key = parameter("campaign")
        let cached = try await application.caches.campaigns.value(CampaignKey(plan: plan.id, campaign: key), revision: ente.revision) {
            CampaignRead(data: try await self.store.campaign(key, of: plan))
        }
        guard let data = cached.data else {
            throw Abort(.notFound, reason: MonitoringError.unknownCampaign(key).description)
        }
        var bundle = try await bundle(of: plan)
        // The plan as it was in force on the campaign's reference date: targets and indicators of later variations
        // belong to later campaigns (the scores use the same, so page and explanation agree).
        (bundle.nodes, bundle.indicators) = VariationRules.inForce(
            on: data.campaign.asOf, nodes: bundle.nodes, indicators: bundle.indicators, variations: bundle.variations)
        return CampaignContext(
            ente: ente.ente.slug, plan: plan, bundle: bundle, data: data,
            sheet: try await scoreSheet(plan, bundle: try await self.bundle(of: plan), campaign: key),
            scope: try await entryScope(on: data.campaign.asOf), principal: try requirePrincipal(), enteID: ente.id,
            today: ItalianFormat.day(of: Date()))
    }

    /// The score sheet of a plan for one campaign under the ente's methodology, kept per revision of the ente.
    func scoreSheet(_ plan: StoredPlan, bundle: PlanBundle, campaign: String?) async throws -> ScoreSheet {
        let ente = try requireEnte()
        let (methodology, version) = try await methodology(year: plan.plan.year)
        let input = ScoringInput(bundle: bundle, methodology: methodology, campaignKey: campaign)
        let key = DerivedCaches.ScoreKey(plan: plan.id, campaign: input.campaignKey, methodology: "\(methodology.id)#\(version ?? 0)")
        return try await application.caches.scores.value(key, revision: ente.revision) { ScoreSheet(ScoringEngine.measuredScore(input)) }
    }
}

extension EntryRules.Scope {
    /// A responsabile's scope from their grants (unit ids) and the person their membership names.
    static func responsabile(_ principal: Principal, enteID: UUID, organisation org: OrganisationSnapshot, on day: Day) -> EntryRules.Scope {
        let granted = principal.responsibleUnits(in: enteID)
        let keys = Set(org.unitIDs.filter { granted.contains($0.value) }.map(\.key))
        return .responsabile(granted: keys, personKey: principal.personKey(in: enteID), assignments: org.assignments, on: day)
    }
}
