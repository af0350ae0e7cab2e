import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import VaporTesting

@testable import TraguardoWeb

/// The year of a campaign through the browser's routes: the segretario opens it, the responsabile sees their
/// to-do, saves, is refused a stale save, submits; the Nucleo decides and closes; the scores use its decision.
@Suite("Monitoring in the browser")
struct MonitoringFlowTests {
    @Test func aCampaignFromOpeningToClosing() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let plan = "/enti/alfa/piani/P-2024"
            // On a draft plan the form is not offered and a forced POST is refused.
            let draft = try await segretario.send(.POST, plan + "/monitoraggio", form: ["title": "Al 30/06", "asOf": "30/06/2024"])
            #expect(draft.status == .conflict)
            #expect(draft.body.string.contains("una campagna di monitoraggio si apre solo su un piano approvato"))
            _ = try await segretario.send(.GET, plan)
            _ = try await segretario.send(
                .POST, plan + "/stato", form: ["state": "approvato", "organ": "Giunta", "number": "5", "date": "31/01/2024"])
            let bad = try await segretario.send(.POST, plan + "/monitoraggio", form: ["title": "Al 30/06", "asOf": "31/06/2024"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("«Data di riferimento» (31/06/2024) non è una data valida"))
            let created = try await segretario.send(
                .POST, plan + "/monitoraggio", form: ["title": "Monitoraggio al 30/06/2024", "asOf": "30/06/2024", "deadline": "20/07/2099"])
            #expect(created.status == .seeOther)
            let dashboard = try #require(created.headers.first(name: .location))
            #expect(dashboard == plan + "/monitoraggio/M-2024-06-30")
            _ = try await segretario.send(.GET, dashboard)
            let opened = try await segretario.send(.POST, dashboard + "/stato", form: ["to": "aperta"])
            #expect(opened.status == .seeOther)

            // The responsabile's home lists the campaign; the dashboard shows only their unit.
            var owner = Client(app: app)
            _ = try await owner.login("responsabile")
            let home = try await owner.send(.GET, "/")
            #expect(home.body.string.contains("Monitoraggio al 30/06/2024"))
            #expect(home.body.string.contains("0 obiettivi completi su 1"))
            let mine = try await owner.send(.GET, dashboard)
            #expect(mine.body.string.contains("Il tuo elenco di obiettivi"))
            #expect(mine.body.string.contains("Digitalizzare gli atti"))
            // Entry form, live preview, save, stale save.
            let entry = dashboard + "/obiettivi/OB-1"
            let form = try await owner.send(.GET, entry)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("non rilevato"))
            let preview = try await owner.send(.POST, entry + "/anteprima", form: ["indicator[]": "OB-1-I1", "value[]": "45"])
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("\"computed\":\"50,00\""))
            let wrong = try await owner.send(.POST, entry, form: ["version": "0", "indicator[]": "OB-1-I1", "value[]": "tanti"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Indicatore «Atti digitalizzati», campo «Valore rilevato»: &quot;tanti&quot; non è un numero valido"))
            let saved = try await owner.send(
                .POST, entry, form: ["version": "0", "indicator[]": "OB-1-I1", "value[]": "45", "status": "in-linea", "narrative": "Avviato."])
            #expect(saved.status == .seeOther)
            let stale = try await owner.send(.POST, entry, form: ["version": "0", "indicator[]": "OB-1-I1", "value[]": "99"])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Qualcun altro ha modificato questi dati"))
            #expect(stale.body.string.contains("value=\"45\""))  // the current value is shown, not the stale one
            // Evidence: recognised by content, size-limited, served as a download to whoever may see the objective.
            _ = try await owner.send(.GET, entry)
            let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".utf8)
            let attached = try await owner.upload(entry + "/allegati", file: pdf, filename: "../determina n. 12.pdf")
            #expect(attached.status == .seeOther)
            let fake = try await owner.upload(entry + "/allegati", file: Data("MZ\u{90}binary".utf8), filename: "relazione.pdf")
            #expect(fake.status == .unprocessableEntity)
            #expect(fake.body.string.contains("non è di un tipo ammesso"))
            let withFile = try await owner.send(.GET, entry)
            #expect(withFile.body.string.contains("determina n. 12.pdf"))
            let link = try #require(withFile.body.string.firstMatch(of: /href="([^"]*\/allegati\/[0-9A-F-]+)"/)?.1)
            var reader = Client(app: app)
            _ = try await reader.login("lettore")
            let download = try await reader.send(.GET, String(link))
            #expect(download.status == .ok && download.body.string.hasPrefix("%PDF-1.4"))
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            let reasonless = try await owner.send(.POST, entry, form: ["version": "1", "status": "rinviato"])
            #expect(reasonless.body.string.contains("Per lo stato «Rinviato» serve la motivazione."))
            let submitted = try await owner.send(.POST, dashboard + "/settori/U-01/invio", form: [:])
            #expect(submitted.status == .seeOther)
            let locked = try await owner.send(.GET, entry)
            #expect(locked.body.string.contains("I dati di «01 – AFFARI GENERALI» sono già stati inviati"))
            let notMine = try await owner.send(.POST, dashboard + "/settori/U-02/invio", form: [:])
            #expect(notMine.status == .forbidden)

            // The segretario transmits; the Nucleo decides and closes.
            let sent = try await segretario.send(.POST, dashboard + "/stato", form: ["to": "in-validazione"])
            #expect(sent.status == .seeOther)
            var nucleo = Client(app: app)
            _ = try await nucleo.login("nucleo")
            let nucleoHome = try await nucleo.send(.GET, "/")
            #expect(nucleoHome.body.string.contains("0 obiettivi validati su 1"))
            _ = try await nucleo.send(.GET, entry)
            let noReason = try await nucleo.send(.POST, entry + "/validazione", form: ["kind": "modifica", "score": "60"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Il punteggio validato (60,00) è diverso da quello calcolato (50,00): serve la motivazione."))
            let overridden = try await nucleo.send(
                .POST, entry + "/validazione", form: ["kind": "modifica", "score": "60", "reason": "Evidenze aggiuntive."])
            #expect(overridden.status == .seeOther)
            let minutes = try await nucleo.send(
                .POST, dashboard + "/verbali",
                form: [
                    "number": "1", "date": "25/07/2024", "place": "Municipio", "members": "Dott. Bianchi\nDott.ssa Verdi", "agenda": "Validazione",
                ])
            #expect(minutes.status == .seeOther)
            let closed = try await nucleo.send(.POST, dashboard + "/stato", form: ["to": "chiusa"])
            #expect(closed.status == .seeOther)
            let alreadyClosed = try await segretario.send(.POST, dashboard + "/stato", form: ["to": "chiusa"])
            #expect(alreadyClosed.status == .conflict)  // already closed
            let scores = try await nucleo.send(.GET, plan + "/punteggi?campagna=M-2024-06-30")
            #expect(scores.body.string.contains("60,00"))
            let page = try await nucleo.send(.GET, dashboard)
            #expect(page.body.string.contains("Verbale n. 1 del 25/07/2024"))
            #expect(page.body.string.contains("Punteggio modificato: 60,00"))
            _ = fixture
        }
    }

    /// The to-do as a spreadsheet: downloaded, filled in offline, uploaded with a dry run, then for real; a file
    /// downloaded before someone else's save is refused whole.
    @Test func theToDoFilledInOffline() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            let store = app.store
            let campaign = Campaign(key: "M-06", title: "M-06", asOf: Day(year: 2024, month: 6, day: 30)!, isFinal: false)
            let plan = try await Fixture.openCampaign(campaign.key, asOf: campaign.asOf, on: app, enteID: fixture.alfaID)
            var owner = Client(app: app)
            _ = try await owner.login("responsabile")
            let dashboard = "/enti/alfa/piani/P-2024/monitoraggio/M-06"
            _ = try await owner.send(.GET, dashboard)
            let download = try await owner.send(.GET, dashboard + "/foglio?formato=xlsx")
            #expect(download.status == .ok)
            let blank = Data(download.body.readableBytesView)
            let same = try await owner.upload(dashboard + "/carica", file: blank, filename: "todo.xlsx", fields: ["dryRun": "1"])
            #expect(same.body.string.contains("Prova: 0 obiettivi cambierebbero su 1"))
            // Filled in offline: what the responsabile's spreadsheet program would save.
            let bundle = try await store.bundle(of: plan)
            let items = MonitoringToDo.build(
                campaign: campaign, nodes: bundle.nodes, indicators: bundle.indicators, values: [], validations: [],
                scope: EntryRules.Scope(unitKeys: ["U-01"], isManager: false)
            ).items
            var filled = CampaignData(campaign: campaign)
            filled.values = [
                MonitoringValue(campaignKey: "M-06", nodeKey: "OB-1", status: .inLinea, narrative: "Compilato fuori linea."),
                MonitoringValue(campaignKey: "M-06", nodeKey: "OB-1", indicatorKey: "OB-1-I1", actual: Measure(number: 72)),
            ]
            let file = try ToDoWorkbook.write(campaign: filled, items: items, indicators: bundle.indicators, unitName: { $0 }, as: .xlsx)
            let dry = try await owner.upload(dashboard + "/carica", file: file, filename: "todo.xlsx", fields: ["dryRun": "1"])
            #expect(dry.body.string.contains("Prova: 1 obiettivi cambierebbero su 1"))
            #expect(try #require(try await store.campaign("M-06", of: plan)).values.isEmpty)
            let applied = try await owner.upload(dashboard + "/carica", file: file, filename: "todo.xlsx")
            #expect(applied.status == .seeOther)
            let data = try #require(try await store.campaign("M-06", of: plan))
            #expect(data.entry("OB-1", indicator: "OB-1-I1")?.actual?.number == 72 && data.version(of: "OB-1") == 1)
            // The first file was downloaded at version 0: now stale, refused whole.
            var changed = filled
            changed.values[1].actual = Measure(number: 80)
            let stale = try ToDoWorkbook.write(campaign: changed, items: items, indicators: bundle.indicators, unitName: { $0 }, as: .xlsx)
            let refused = try await owner.upload(dashboard + "/carica", file: stale, filename: "todo.xlsx")
            #expect(refused.status == .conflict)
            #expect(try #require(try await store.campaign("M-06", of: plan)).entry("OB-1", indicator: "OB-1-I1")?.actual?.number == 72)
            let broken = try await owner.upload(dashboard + "/carica", file: Data("non un foglio".utf8), filename: "todo.xlsx")
            #expect(broken.status == .unprocessableEntity && broken.body.string.contains("nulla è stato scritto"))
        }
    }

    /// The segretario queues reminders to the units that have not submitted: the outbox shows each message, and
    /// without an e-mail address or SMTP it says so instead of pretending to have sent it.
    @Test func remindersGoToTheUnitsThatHaveNotSubmitted() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            _ = try await Fixture.openCampaign("M-06", asOf: Day(year: 2024, month: 6, day: 30)!, on: app, enteID: fixture.alfaID)
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let dashboard = "/enti/alfa/piani/P-2024/monitoraggio/M-06"
            _ = try await segretario.send(.GET, dashboard)
            let sent = try await segretario.send(.POST, dashboard + "/promemoria", form: [:])
            #expect(sent.status == .seeOther)
            let page = try await segretario.send(.GET, dashboard)
            #expect(page.body.string.contains("1 promemoria messi in coda."))
            #expect(page.body.string.contains("responsabile (nessun indirizzo e-mail)"))
            #expect(page.body.string.contains("nessun indirizzo e-mail: si legge solo in Traguardo"))
            var owner = Client(app: app)
            _ = try await owner.login("responsabile")
            #expect(try await owner.send(.POST, dashboard + "/promemoria", form: [:]).status == .forbidden)
        }
    }

    @Test func withoutEntriesEveryScoreIsNonRilevato() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("segretario")
            let scores = try await client.send(.GET, "/enti/alfa/piani/P-2024/punteggi")
            #expect(scores.status == .ok)
            #expect(scores.body.string.contains("non rilevato"))
            #expect(!scores.body.string.contains("0,00"))
        }
    }
}
