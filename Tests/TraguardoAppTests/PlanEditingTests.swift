import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

@Suite("Building and editing a plan in the browser")
struct PlanEditingTests {
    @Test func segretarioBuildsASmallPlanFromScratchThenApprovesIt() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            let created = try await s.send(
                .POST, "/enti/alfa/piani",
                form: [
                    "title": "PIAO 2025-2027", "firstYear": "2025", "lastYear": "2027", "year": "2025",
                    "levels[]": "obiettivo-performance",
                ])
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == "/enti/alfa/piani/PIAO-2025-2027")
            let node = try await s.send(
                .POST, "/enti/alfa/piani/PIAO-2025-2027/nodi",
                form: [
                    "level": "obiettivo-performance", "title": "Ridurre i tempi di pagamento", "owners[]": "U-02", "weight": "12,5",
                    "deadline": "31/12/2025", "classifications[]": "semplificazione", "programma": "0103",
                ])
            #expect(node.status == .seeOther)
            let cardPath = try #require(node.headers.first(name: .location))
            _ = try await s.send(.GET, cardPath)
            let indicator = try await s.send(
                .POST, cardPath + "/indicatori",
                form: [
                    "name": "Indicatore di tempestività dei pagamenti", "type": "efficienza", "form": "number", "direction": "lte", "target": "0",
                ])
            #expect(indicator.status == .seeOther)
            let phase = try await s.send(
                .POST, cardPath + "/fasi", form: ["title": "Ricognizione delle fatture", "period": "GEN-MAR", "due": "31/03/2025"])
            #expect(phase.status == .seeOther)
            let card = try await s.send(.GET, cardPath)
            #expect(card.body.string.contains("Ridurre i tempi di pagamento"))
            #expect(card.body.string.contains("12,5%"))
            #expect(card.body.string.contains("0103 – Gestione economica, finanziaria, programmazione, provveditorato"))
            #expect(card.body.string.contains("Indicatore di tempestività dei pagamenti"))
            #expect(card.body.string.contains("Ricognizione delle fatture"))
            let bundle = try await PlanStore.bundle(
                of: try #require(try await PlanStore.record(enteID: fixture.alfaID, key: "PIAO-2025-2027", on: app.db)), on: app.db)
            let phaseKey = try #require(bundle.phases.first?.key)
            let removed = try await s.send(.POST, cardPath + "/fasi/\(phaseKey)/elimina", form: [:])
            #expect(removed.status == .seeOther)
            #expect(!(try await s.send(.GET, cardPath)).body.string.contains("Ricognizione delle fatture"))
            let approve = try await s.send(
                .POST, "/enti/alfa/piani/PIAO-2025-2027/stato", form: ["state": "approvato", "number": "12", "date": "30/01/2025"])
            #expect(approve.status == .seeOther)
            let frozen = try await s.send(
                .POST, "/enti/alfa/piani/PIAO-2025-2027/nodi", form: ["level": "obiettivo-performance", "title": "Tardivo"])
            #expect(frozen.status == .unprocessableEntity)
            #expect(
                frozen.body.string.contains("le modifiche dopo l&#39;approvazione passano per una variazione")
                    || frozen.body.string.contains("le modifiche dopo l'approvazione passano per una variazione"))
            let audit = try await AuditLog.entries(on: app.db, filter: .init(enteIDs: [fixture.alfaID], actorName: "segretario"))
            #expect(Set(audit.map(\.entity)).isSuperset(of: ["piano", "nodo", "indicatore", "fase"]))
        }
    }

    @Test func aResponsabileEditsOnlyTheObjectivesOfTheirUnits() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var r = Client(app: app)
            _ = try await r.login("responsabile")  // responsabile of U-01 only
            let mine = try await r.send(
                .POST, "/enti/alfa/piani/P-2024/nodi/OB-1",
                form: [
                    "level": "obiettivo-performance", "parent": "OB-0", "title": "Digitalizzare tutti gli atti", "owners[]": "U-01", "weight": "100",
                ])
            #expect(mine.status == .seeOther)
            let grab = try await r.send(
                .POST, "/enti/alfa/piani/P-2024/nodi/OB-1",
                form: [
                    "level": "obiettivo-performance", "parent": "OB-0", "title": "Spostato", "owners[]": "U-02",
                ])
            #expect(grab.status == .forbidden, "a responsabile cannot hand an objective to another unit")
            let foreign = try await r.send(
                .POST, "/enti/alfa/piani/P-2024/nodi", form: ["level": "obiettivo-performance", "title": "Altrui", "owners[]": "U-02"])
            #expect(foreign.status == .forbidden)
            let alfa = try #require(try await EnteStore.find(slug: "alfa", on: app.db)?.id)
            let record = try #require(try await PlanStore.record(enteID: alfa, key: "P-2024", on: app.db))
            let bundle = try await PlanStore.bundle(of: record, on: app.db)
            #expect(bundle.nodes.first { $0.key == "OB-1" }?.title == "Digitalizzare tutti gli atti")
            #expect(bundle.nodes.count == 2)
        }
    }

    @Test func badValuesNameTheFieldAndStructureRulesHold() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var s = Client(app: app)
            _ = try await s.login("segretario")
            let weight = try await s.send(
                .POST, "/enti/alfa/piani/P-2024/nodi", form: ["level": "obiettivo-performance", "title": "X", "weight": "tanto"])
            #expect(weight.body.string.contains("Il campo «Peso» deve essere un numero tra 0 e 100"))
            let date = try await s.send(
                .POST, "/enti/alfa/piani/P-2024/nodi", form: ["level": "obiettivo-performance", "title": "X", "deadline": "31/06/2024"])
            #expect(date.body.string.contains("Il campo «Scadenza» (31/06/2024) non è una data valida"))
            let upside = try await s.send(
                .POST, "/enti/alfa/piani/P-2024/nodi/OB-0", form: ["level": "obiettivo-operativo", "parent": "OB-1", "title": "Transizione digitale"])
            #expect(upside.status == .unprocessableEntity)
            let withChild = try await s.send(.POST, "/enti/alfa/piani/P-2024/nodi/OB-0/elimina", form: [:])
            #expect(withChild.status == .unprocessableEntity)
            #expect(withChild.body.string.contains("ha sotto-obiettivi"))
            let copy = try await s.send(.POST, "/enti/alfa/piani/P-2024/nodi/OB-1/duplica", form: [:])
            #expect(copy.headers.first(name: .location) == "/enti/alfa/piani/P-2024/nodi/OB-1-copia/modifica")
            let delete = try await s.send(.POST, "/enti/alfa/piani/P-2024/nodi/OB-1-copia/elimina", form: [:])
            #expect(delete.status == .seeOther)
        }
    }
}
