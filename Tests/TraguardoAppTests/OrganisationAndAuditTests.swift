import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

@Suite("Organisation over time and the audit trail")
struct OrganisationAndAuditTests {
    @Test func whoIsResponsabileOnADayAnswersWithVacancies() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("lettore")
            let during = try await client.send(.GET, "/api/v1/enti/alfa/responsabile?unita=02&data=15/04/2024", json: true)
            #expect(during.status == .ok)
            #expect(during.body.string.contains("\"familyName\":\"ROSSI\""))
            let after = try await client.send(.GET, "/api/v1/enti/alfa/responsabile?unita=02&data=2024-05-15", json: true)
            #expect(after.status == .ok)
            #expect(!after.body.string.contains("ROSSI"), "settore 02 is vacant after 30/04/2024")
            let page = try await client.send(.GET, "/enti/alfa/organizzazione?data=15/05/2024")
            #expect(page.body.string.contains("vacante"))
            let bad = try await client.send(.GET, "/api/v1/enti/alfa/responsabile?unita=02&data=31/06/2024", json: true)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("31/06/2024 non è una data valida"))
        }
    }

    @Test func segretarioAddsAUnitAndTheChangeIsAudited() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("segretario")
            let created = try await client.send(
                .POST, "/enti/alfa/organizzazione/unita", form: ["code": "03", "name": "SERVIZI ALLA PERSONA", "kind": "settore"])
            #expect(created.status == .seeOther)
            let audit = try await client.send(.GET, "/api/v1/enti/alfa/registro?entita=unita&utente=segretario", json: true)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let entries = try decoder.decode([AuditEntry].self, from: Data(audit.body.readableBytesView))
            #expect(entries.count == 1)
            #expect(entries.first?.action == .create)
            #expect(entries.first?.after?.contains("SERVIZI ALLA PERSONA") == true)
            #expect(entries.first?.before == nil)
            let page = try await client.send(.GET, "/enti/alfa/registro?utente=segretario")
            #expect(page.body.string.contains("SERVIZI ALLA PERSONA"))
        }
    }

    @Test func badFormInputGetsAnItalianMessageNamingTheFieldAndWritesNothing() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("segretario")
            let missing = try await client.send(.POST, "/enti/alfa/organizzazione/unita", form: ["code": "", "name": "X", "kind": "settore"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Unità: il campo «Codice» è obbligatorio."))
            let duplicate = try await client.send(.POST, "/enti/alfa/organizzazione/unita", form: ["code": "01", "name": "X", "kind": "settore"])
            #expect(duplicate.body.string.contains("Esiste già un&#39;unità organizzativa con codice"))
            let badDate = try await client.send(
                .POST, "/enti/alfa/organizzazione/incarichi", form: ["person": "P-rossi", "unit": "U-01", "role": "titolare", "from": "31/06/2024"])
            #expect(badDate.body.string.contains("la data «Dal» (31/06/2024) non è una data valida"))
            let reversed = try await client.send(
                .POST, "/enti/alfa/organizzazione/incarichi",
                form: ["person": "P-rossi", "unit": "U-01", "role": "interim", "from": "01/06/2024", "to": "01/05/2024"])
            #expect(reversed.body.string.contains("la data di fine (01/05/2024) precede quella di inizio (01/06/2024)"))
            let org = try await OrganisationStore.snapshot(enteID: fixture.alfaID, on: app.db)
            #expect(org.units.count == 2)
            #expect(org.assignments.count == 1)
        }
    }

    @Test func aFailedMultiStepChangeLeavesNoTrace() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            let before = try await AuditLog.entries(on: app.db, filter: .init(limit: 1000)).count
            // The second grant names an ente that does not exist: the user, the first grant and their audit rows roll back.
            let new = NewUser(
                username: "mezzo", displayName: "Mezzo", password: "password1",
                grants: [
                    Grant(enteID: try #require(try await EnteStore.find(slug: "alfa", on: app.db)?.id), role: .lettore),
                    Grant(enteID: UUID(), role: .lettore),
                ])
            await #expect(throws: (any Error).self) { try await app.userStore.create(new, on: app.db, actor: .system) }
            #expect(try await UserRecord.query(on: app.db).filter(\.$username == "mezzo").count() == 0)
            #expect(try await AuditLog.entries(on: app.db, filter: .init(limit: 1000)).count == before)
        }
    }

    @Test func segretarioCreatesAResponsabileWhoSeesOnlyTheirEnte() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let created = try await segretario.send(
                .POST, "/enti/alfa/utenti",
                form: [
                    "displayName": "Bruno Bianchi", "username": "bbianchi", "password": "lunga-abbastanza", "role": "responsabile", "unit": "U-02",
                ])
            #expect(created.status == .seeOther)
            var bruno = Client(app: app)
            #expect(try await bruno.login("bbianchi", password: "lunga-abbastanza").status == .seeOther)
            let me = try await bruno.send(.GET, "/api/v1/me", json: true)
            #expect(me.body.string.contains("\"role\":\"responsabile\""))
            #expect(try await bruno.send(.GET, "/enti/beta").status == .forbidden)
            #expect(try await bruno.send(.GET, "/enti/alfa/utenti").status == .forbidden)
        }
    }

    @Test func outputIsEscaped() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("segretario")
            _ = try await client.send(
                .POST, "/enti/alfa/organizzazione/unita", form: ["code": "07", "name": "<script>alert(1)</script>", "kind": "settore"])
            let page = try await client.send(.GET, "/enti/alfa/organizzazione")
            #expect(!page.body.string.contains("<script>alert(1)</script>"))
            #expect(page.body.string.contains("&lt;script&gt;"))
        }
    }
}
