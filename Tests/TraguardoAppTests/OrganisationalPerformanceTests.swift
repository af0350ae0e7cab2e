import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

/// Organisational performance in a campaign, under the general methodology (four dimensions of 50 points: salute
/// finanziaria 25%, salute organizzativa 20%, capacità di raggiungere i risultati 25% from the ente's mean, salute
/// dei servizi 30%): the segretario enters the figures, everyone reads the points, a dimension without figures is
/// "non rilevato".
@Suite("Organisational performance in a campaign")
struct OrganisationalPerformanceTests {
    static let asOf = Day(year: 2024, month: 6, day: 30)!

    @Test func theSegretarioEntersTheFiguresAndEveryoneReadsThePoints() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            let plan = try await Fixture.openCampaign("M-06", asOf: Self.asOf, on: app, enteID: fixture.alfaID)
            let page = "/enti/alfa/piani/P-2024/monitoraggio/M-06/performance-organizzativa"
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let empty = try await segretario.send(.GET, page)
            #expect(empty.status == .ok)
            #expect(empty.body.string.contains("Non rilevata: nessuna dimensione ha dati."))
            #expect(empty.body.string.contains("id=\"org-form\""))

            // A word where a number goes: refused, naming the dimension and the indicator, and what was typed stays.
            let wrong = try await segretario.send(
                .POST, page, form: ["value[spesa-personale]": "tanti", "version[spesa-personale]": "0", "value[itp]": "-2", "version[itp]": "0"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(
                wrong.body.string.contains(
                    "Salute finanziaria – «Incidenza della spesa di personale sulle entrate correnti (%)»: «tanti» non è un numero"))
            #expect(wrong.body.string.contains("value=\"-2\""))
            #expect(try await app.store.campaign("M-06", of: plan)?.organisational.isEmpty == true, "nothing written")

            // Staff cost 50% against "≤ 48": 48/50 = 96%; payment timeliness -2 days (negative: met); off-balance debts
            // 0,03% (< 0,06: met). Salute finanziaria = (96 + 100 + 100) / 3 = 98,67% of 12,5 points = 12,33.
            let saved = try await segretario.send(
                .POST, page,
                form: [
                    "value[spesa-personale]": "50", "version[spesa-personale]": "0", "source[spesa-personale]": "Rendiconto 2023",
                    "value[itp]": "-2", "version[itp]": "0", "value[debiti-fuori-bilancio]": "0,03", "version[debiti-fuori-bilancio]": "0",
                    "value[formazione]": "", "version[formazione]": "0",
                ])
            #expect(saved.status == .seeOther)
            let shown = try await segretario.send(.GET, page)
            let html = shown.body.string
            #expect(html.contains("98,67%"))
            #expect(html.contains("12,33 su 12,5"))
            #expect(html.contains("non rilevato (su 10)"), "salute organizzativa has no figures: not 0 points")
            #expect(
                html.contains(
                    "12,33 punti su 50, parziale: non rilevate Salute organizzativa, Capacità di raggiungere i risultati, Salute dei servizi."))
            #expect(html.contains("non raggiunto · 96%"))
            #expect(html.contains("Rendiconto 2023"))

            // Someone corrects a figure from a page read before: the second writer is refused, nothing is overwritten.
            let stale = try await segretario.send(.POST, page, form: ["value[spesa-personale]": "40", "version[spesa-personale]": "0"])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Qualcun altro ha modificato questi dati"))
            #expect(try await app.store.campaign("M-06", of: plan)?.organisational.first { $0.key == "spesa-personale" }?.value == 50)

            // The dashboard says where things stand; the scores of the campaign carry the points too.
            let dashboard = try await segretario.send(.GET, "/enti/alfa/piani/P-2024/monitoraggio/M-06")
            #expect(dashboard.body.string.contains("Inserisci o correggi i valori"))
            #expect(dashboard.body.string.contains("12,33 punti su 50"))

            // A reader sees the figures, without a form; a responsabile may not post them.
            var reader = Client(app: app)
            _ = try await reader.login("lettore")
            let read = try await reader.send(.GET, page)
            #expect(read.status == .ok && read.body.string.contains("12,33 su 12,5") && !read.body.string.contains("id=\"org-form\""))
            var owner = Client(app: app)
            _ = try await owner.login("responsabile")
            _ = try await owner.send(.GET, page)
            #expect(try await owner.send(.POST, page, form: ["value[itp]": "5", "version[itp]": "1"]).status == .forbidden)

            // Closing the campaign freezes them.
            try await app.store.moveCampaign("M-06", of: plan, to: .inValidazione, reason: nil, allows: { _ in true }, actor: .system)
            try await app.store.moveCampaign("M-06", of: plan, to: .chiusa, reason: nil, allows: { _ in true }, actor: .system)
            _ = try await segretario.send(.GET, page)
            let closed = try await segretario.send(.POST, page, form: ["value[itp]": "5", "version[itp]": "1"])
            #expect(closed.status == .conflict)
            #expect(closed.body.string.contains("La campagna è «Chiusa»"))
            let audit = try await app.store.audit(AuditLog.Filter(enteIDs: [fixture.alfaID], entity: .organisationalValue))
            #expect(audit.count == 1, "one save, one audit row with before and after")
        }
    }

    @Test func theAPIReadsAndWritesTheSameFiguresWithTheirLocks() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            let plan = try await Fixture.openCampaign("M-06", asOf: Self.asOf, on: app, enteID: fixture.alfaID)
            let (token, hash) = APIToken.generate()
            try await app.store.createAPIToken(username: "segretario", name: "ragioneria", tokenHash: hash, actor: .system)
            func call(_ method: HTTPMethod, _ json: String? = nil) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                if json != nil { headers.contentType = .json }
                return try await app.testing().sendRequest(
                    method, "/api/v1/enti/alfa/piani/P-2024/campagne/M-06/performance-organizzativa", headers: headers,
                    body: json.map { ByteBuffer(string: $0) })
            }
            let before = try await call(.GET)
            #expect(before.status == .ok && before.body.string.contains("\"values\":[]") && !before.body.string.contains("\"points\""))
            // User satisfaction 72% against "≥ 80": 90%; authorisations in 30 days against "≤ 30": met → 95% of 15 points.
            let saved = try await call(
                .PUT,
                #"{"values":[{"key":"soddisfazione","value":72,"source":"Indagine 2024","version":0},{"key":"tempi-autorizzazioni","value":30,"version":0}]}"#
            )
            #expect(saved.status == .ok)
            #expect(saved.body.string.contains("\"points\":14.25"))
            #expect(saved.body.string.contains("\"versions\":{") && saved.body.string.contains("\"soddisfazione\":1"))
            #expect(try await call(.PUT, #"{"values":[{"key":"soddisfazione","value":75,"version":0}]}"#).status == .conflict)
            let unknown = try await call(.PUT, #"{"values":[{"key":"inventato","value":1,"version":0}]}"#)
            #expect(unknown.status == .notFound && unknown.body.string.contains("non prevede l'indicatore di performance organizzativa"))
            // null clears a figure; the dimension keeps the other one.
            let cleared = try await call(.PUT, #"{"values":[{"key":"tempi-autorizzazioni","value":null,"version":1}]}"#)
            #expect(cleared.status == .ok && cleared.body.string.contains("\"points\":13.5"))
            // The bundle of the plan carries them (export, import, and the scores read from it).
            let bundle = try await app.store.bundle(of: plan)
            #expect(
                bundle.organisationalValues == [OrganisationalValue(campaignKey: "M-06", key: "soddisfazione", value: 72, source: "Indagine 2024")])
            let (methodology, _) = try await app.store.methodology(enteID: fixture.alfaID, year: 2024)
            let report = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: "M-06"))
            #expect(report.organisational?.dimensions.last?.achievement == 90)
            // A responsabile's token may read them, not write them.
            let (ownerToken, ownerHash) = APIToken.generate()
            try await app.store.createAPIToken(username: "responsabile", name: "settore", tokenHash: ownerHash, actor: .system)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: ownerToken)
            headers.contentType = .json
            let denied = try await app.testing().sendRequest(
                .PUT, "/api/v1/enti/alfa/piani/P-2024/campagne/M-06/performance-organizzativa", headers: headers,
                body: ByteBuffer(string: #"{"values":[]}"#))
            #expect(denied.status == .forbidden)
        }
    }
}
