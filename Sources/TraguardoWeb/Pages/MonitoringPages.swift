import Foundation
import TraguardoCore
import TraguardoPersistence

/// A campaign as a row of a list or a line of the home page.
struct CampaignSummary: Encodable, Hashable, Sendable {
    let key: String
    let title: String
    let asOf: String
    let deadline: String
    let state: String
    let kind: String
    let href: String
    let isOpen: Bool

    init(_ c: Campaign, links: PlanLinks) {
        key = c.key
        title = c.title
        asOf = c.asOf.italian
        deadline = c.entryDeadline?.italian ?? "—"
        state = c.state.label
        kind = c.isFinal ? "Consuntivo finale" : "Monitoraggio intermedio"
        href = links.campaign(c.key).dashboard
        isOpen = c.state.acceptsEntries
    }
}

/// The plan's campaigns and, for the segretario, the form that starts one.
struct CampaignListPage: PageModel {
    static let template = "pages/campaigns"
    let layout: Layout
    let plan: PlanSummary
    let campaigns: [CampaignSummary]
    let hasCampaigns: Bool
    let canCreate: Bool
    let createHref: String
    let error: String?
    let form: CampaignForm
    let planIsDraft: Bool

    static func build(layout: Layout, ente: String, plan: Plan, campaigns: [Campaign], canCreate: Bool, form: CampaignForm, error: String?)
        -> CampaignListPage
    {
        let links = Links.ente(ente).plan(plan.key)
        return CampaignListPage(
            layout: layout, plan: PlanSummary(plan, ente: ente), campaigns: campaigns.map { CampaignSummary($0, links: links) },
            hasCampaigns: !campaigns.isEmpty, canCreate: canCreate && plan.state != .bozza, createHref: links.createCampaign, error: error,
            form: form,
            planIsDraft: plan.state == .bozza)
    }
}

/// What the pages of one campaign share: who looks, what they answer for, the scores of the campaign.
struct CampaignContext: Sendable {
    let ente: String
    let plan: StoredPlan
    let bundle: PlanBundle
    let data: CampaignData
    let sheet: ScoreSheet
    let scope: EntryRules.Scope
    let principal: Principal
    let enteID: UUID
    let today: Day

    var links: CampaignLinks { Links.ente(ente).plan(bundle.plan.key).campaign(data.campaign.key) }
    func allows(_ p: Permission) -> Bool { AccessPolicy.allows(principal, p, enteID: enteID) }
    var isNucleo: Bool { allows(.validate) }
    /// A responsabile (not a manager): sees their own to-do first.
    var isOwner: Bool { !scope.isManager && !scope.unitKeys.isEmpty }
    func unitName(_ key: String) -> String { bundle.units.first { $0.key == key }?.displayName ?? key }
}

/// The campaign's dashboard: who has submitted, who is late, what is missing; the moves the user may make;
/// a responsabile's own to-do; the Nucleo's minutes.
struct CampaignPage: PageModel {
    static let template = "pages/campaign"

    struct Move: Encodable, Hashable, Sendable {
        let to: String
        let label: String
        let needsReason: Bool
    }

    struct UnitRow: Encodable, Hashable, Sendable {
        let key: String
        let name: String
        let holder: String
        let objectives: Int
        let completed: Int
        let progress: String
        let submission: String
        let submitted: Bool
        let late: Bool
        /// Stalled or still empty near the deadline (`UnitActivity`).
        let stale: String?
        let note: String?
        let canSubmit: Bool
        let canGiveBack: Bool
        let submitHref: String
        let giveBackHref: String
    }

    struct ObjectiveRow: Encodable, Hashable, Sendable {
        let code: String
        let title: String
        let units: String
        let state: String
        let computed: String
        let decision: String
        let href: String
        let complete: Bool
    }

    struct MinutesRow: Encodable, Hashable, Sendable {
        let label: String
        let place: String
        let members: String
        let agenda: String
        let decisions: String
    }

    let layout: Layout
    let plan: PlanSummary
    let campaign: CampaignSummary
    let fields: [Field]
    let moves: [Move]
    let hasMoves: Bool
    let moveHref: String
    let units: [UnitRow]
    let objectives: [ObjectiveRow]
    let hasObjectives: Bool
    let isOwner: Bool
    let summary: String
    let minutes: [MinutesRow]
    let hasMinutes: Bool
    let canAddMinutes: Bool
    let addMinutesHref: String
    let scoresHref: String
    let documentsHref: String
    let today: String
    let canUseFile: Bool
    let fileXLSXHref: String
    let fileODSHref: String
    let uploadHref: String
    let fileReport: [String]
    let fileSummary: String?
    let canRemind: Bool
    let remindHref: String
    let outbox: [OutboxRow]
    let hasOutbox: Bool
    /// The methodology's organisational performance in words (nil: it has none), and where its figures are entered.
    let organisational: String?
    let organisationalHref: String
    let canEnterOrganisational: Bool

    struct OutboxRow: Encodable, Hashable, Sendable {
        let recipient: String
        let subject: String
        let queued: String
        let status: String

        /// Where a message's delivery stands, in words: sent, given up (why), waiting for another attempt (why), queued.
        static func status(of q: QueuedMessage, smtp: Bool) -> String {
            if let sent = q.sentAt { return "inviato il \(ItalianFormat.dateTime(sent))" }
            if q.failedAt != nil { return "non inviato: \(q.lastError ?? "errore sconosciuto")" }
            if let error = q.lastError {
                let next = q.nextAttemptAt.map { " alle \(ItalianFormat.dateTime($0))" } ?? ""
                return "tentativo \(q.attempts) non riuscito (\(error)); nuovo tentativo\(next)"
            }
            if q.message.email == nil { return "nessun indirizzo e-mail: si legge solo in Traguardo" }
            return smtp ? "in coda" : "in coda: invio e-mail non configurato (SMTP_HOST)"
        }
    }

    /// `fileSummary`/`fileReport`: the outcome of an uploaded to-do file (a dry run's changes, or its bad cells).
    /// `outbox`: the reminders queued for this campaign (shown to the segretario; `smtp`: whether mail is configured).
    static func build(
        layout: Layout, context c: CampaignContext, fileSummary: String? = nil, fileReport: [String] = [], outbox: [QueuedMessage] = [],
        smtp: Bool = false
    ) -> CampaignPage {
        let campaign = c.data.campaign
        let planLinks = Links.ente(c.ente).plan(c.bundle.plan.key)
        let toDo = MonitoringToDo.build(
            campaign: campaign, nodes: c.bundle.nodes, indicators: c.bundle.indicators, values: c.data.values, validations: c.data.validations,
            scope: c.isOwner ? c.scope : EntryRules.Scope(unitKeys: [], isManager: true))
        let late = campaign.entryDeadline.map { c.today > $0 } ?? false
        // A responsabile sees the units they answer for, not every co-owner of a shared objective.
        let unitKeys = c.bundle.units.map(\.key).filter { key in
            toDo.items.contains { $0.unitKeys.contains(key) } && (!c.isOwner || c.scope.unitKeys.contains(key))
        }
        let units = unitKeys.map { key -> UnitRow in
            let items = toDo.items.filter { $0.unitKeys.contains(key) }
            let done = items.filter(\.isComplete).count
            let submission = c.data.submission(of: key)
            let submitted = submission?.state == .inviata
            let holder = Responsibility.holder(of: key, on: campaign.asOf, in: c.bundle.assignments)
            let mine = c.scope.unitKeys.contains(key) || c.scope.isManager
            let lastChange = items.compactMap { c.data.lastChanges[$0.nodeKey] }.max()
            return UnitRow(
                key: key, name: c.unitName(key),
                holder: holder.flatMap { h in c.bundle.people.first { $0.key == h.personKey }?.displayName } ?? "vacante",
                objectives: items.count, completed: done,
                progress: ItalianFormat.percent(items.isEmpty ? 0 : Double(done) * 100 / Double(items.count)),
                submission: submission.map { s in s.state.label + (s.on.map { " il \($0.italian)" } ?? "") } ?? "Non inviato",
                submitted: submitted, late: late && !submitted,
                stale: UnitActivity.flag(
                    campaign: campaign, submitted: submitted, hasObjectives: !items.isEmpty, lastChange: lastChange, today: c.today),
                note: submission?.note,
                canSubmit: mine && !submitted && campaign.state.acceptsEntries && c.allows(.editOwnUnits),
                canGiveBack: submitted && campaign.state.acceptsEntries && c.allows(.managePlan),
                submitHref: c.links.submit(key), giveBackHref: c.links.giveBack(key))
        }
        let objectives = toDo.items.map { item -> ObjectiveRow in
            let score = c.sheet.objectives.first { $0.key == item.nodeKey }
            let decision = c.data.validation(of: item.nodeKey)
            return ObjectiveRow(
                code: item.code ?? item.nodeKey, title: item.title, units: item.unitKeys.map(c.unitName).joined(separator: ", "),
                state: item.sentBack != nil ? "Da integrare" : item.isComplete ? "Completo" : item.isStarted ? "In compilazione" : "Da compilare",
                computed: score?.computed ?? ScoreSheet.notReported,
                decision: decision.map { d in d.kind == .modifica ? "\(d.kind.label): \(score?.validated ?? "")" : d.kind.label } ?? "—",
                href: c.links.entry(item.nodeKey), complete: item.isComplete)
        }
        var fields = [
            Field(label: "Data di riferimento", value: campaign.asOf.italian),
            Field(label: "Scadenza inserimento", value: campaign.entryDeadline?.italian ?? "non fissata"),
            Field(label: "Stato", value: campaign.state.label),
        ]
        if let days = toDo.daysLeft(today: c.today), campaign.state.acceptsEntries {
            fields.append(Field(label: "Giorni alla scadenza", value: days >= 0 ? "\(days)" : "scaduta da \(-days) giorni"))
        }
        if campaign.entryDeadline != nil {
            fields.append(Field(label: "Promemoria automatici", value: Reminders.describe(campaign.reminderSchedule)))
        }
        if let reason = campaign.reopenReason { fields.append(Field(label: "Motivo dell'ultima riapertura", value: reason)) }
        let moves = CampaignLifecycle.next(from: campaign.state).filter { c.allows($0.permission) }.map {
            Move(to: $0.to.rawValue, label: $0.label, needsReason: $0.needsReason)
        }
        let summary =
            toDo.items.isEmpty
            ? "Nessun obiettivo da rendicontare."
            : "\(toDo.completed) obiettivi completi su \(toDo.items.count) (\(ItalianFormat.percent(toDo.progress ?? 0))); "
                + "\(units.filter(\.submitted).count) settori su \(units.count) hanno inviato i dati."
        return CampaignPage(
            layout: layout, plan: PlanSummary(c.bundle.plan, ente: c.ente), campaign: CampaignSummary(campaign, links: planLinks), fields: fields,
            moves: moves, hasMoves: !moves.isEmpty, moveHref: c.links.move, units: units, objectives: objectives,
            hasObjectives: !objectives.isEmpty, isOwner: c.isOwner, summary: summary,
            minutes: c.data.minutes.map {
                MinutesRow(label: $0.label, place: $0.place, members: $0.members.joined(separator: ", "), agenda: $0.agenda, decisions: $0.decisions)
            },
            hasMinutes: !c.data.minutes.isEmpty,
            canAddMinutes: c.isNucleo && (campaign.state == .inValidazione || campaign.state == .chiusa), addMinutesHref: c.links.addMinutes,
            scoresHref: c.links.scores, documentsHref: Links.ente(c.ente).plan(c.bundle.plan.key).documents(campaign: c.data.campaign.key),
            today: c.today.italian,
            canUseFile: c.allows(.editOwnUnits) && campaign.state.acceptsEntries && !toDo.items.isEmpty,
            fileXLSXHref: c.links.toDoFile("xlsx"), fileODSHref: c.links.toDoFile("ods"), uploadHref: c.links.uploadToDo,
            fileReport: fileReport, fileSummary: fileSummary,
            canRemind: c.allows(.managePlan) && campaign.state.acceptsEntries, remindHref: c.links.sendReminders,
            outbox: outbox.map { q in
                OutboxRow(
                    recipient: q.message.recipient + (q.message.email.map { " <\($0)>" } ?? " (nessun indirizzo e-mail)"), subject: q.message.subject,
                    queued: q.createdAt.map { ItalianFormat.day(of: $0).italian } ?? "—",
                    status: OutboxRow.status(of: q, smtp: smtp))
            }, hasOutbox: !outbox.isEmpty,
            organisational: c.sheet.organisationalScore.map { OrganisationalPage.totalText($0) }, organisationalHref: c.links.organisational,
            canEnterOrganisational: c.allows(.enterOrganisational) && OrganisationalEntry.accepts(campaign))
    }
}
