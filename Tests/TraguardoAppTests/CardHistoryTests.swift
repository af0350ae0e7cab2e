import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

/// The card of an objective tells the Nucleo and the segretario what happened to it: the owner's entries in each
/// campaign, a change of an indicator, with who and when. Responsabili and readers do not see the trail.
@Suite("An objective's history on its card")
struct CardHistoryTests {
    @Test func theNucleoReadsWhoChangedWhatOnTheCard() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            _ = try await Fixture.openCampaign("M-06", asOf: Day(year: 2024, month: 6, day: 30)!, on: app, enteID: fixture.alfaID)
            var owner = Client(app: app)
            _ = try await owner.login("responsabile")
            let entry = "/enti/alfa/piani/P-2024/monitoraggio/M-06/obiettivi/OB-1"
            _ = try await owner.send(.GET, entry)
            let saved = try await owner.send(.POST, entry, form: ["version": "0", "indicator[]": "OB-1-I1", "value[]": "45", "status": "in-linea"])
            #expect(saved.status == .seeOther)

            let card = "/enti/alfa/piani/P-2024/nodi/OB-1"
            var nucleo = Client(app: app)
            _ = try await nucleo.login("nucleo")
            let page = try await nucleo.send(.GET, card).body.string
            #expect(page.contains("Cronologia delle modifiche"))
            #expect(page.contains("Valori di monitoraggio M-06/OB-1"))
            #expect(page.contains("<td>responsabile</td>"), "who")
            // Another objective's card does not list them.
            let parent = try await nucleo.send(.GET, "/enti/alfa/piani/P-2024/nodi/OB-0").body.string
            #expect(!parent.contains("M-06/OB-1"))

            for role in ["responsabile", "lettore"] {
                var client = Client(app: app)
                _ = try await client.login(role)
                #expect(!(try await client.send(.GET, card).body.string.contains("Cronologia delle modifiche")), "\(role) sees no trail")
            }
        }
    }
}
