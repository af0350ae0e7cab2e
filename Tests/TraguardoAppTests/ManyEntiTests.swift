import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

/// An administrator of a service centre or a national installation sees thousands of enti: the home lists the
/// first ones with a search, the switcher is a search box, and no page reads every ente.
@Suite("Many enti")
struct ManyEntiTests {
    @Test func theHomeAndTheSwitcherSearchInsteadOfListingEverything() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)  // alfa and beta
            for i in 1...68 {
                _ = try await EnteStore.create(
                    Ente(slug: String(format: "comune-%03d", i), name: String(format: "Comune di Prova %03d", i), kind: .comune), on: app.db,
                    actor: .system)
            }
            var admin = Client(app: app)
            _ = try await admin.login("admin")
            let home = try await admin.send(.GET, "/")
            #expect(home.status == .ok)
            let html = home.body.string
            #expect(html.contains("Enti accessibili: 70; qui i primi 60 in ordine di nome."))
            #expect(html.components(separatedBy: "class=\"card card-bg h-100\"").count - 1 == 60)
            #expect(html.contains(#"<input type="search" id="ente-switch" name="ente""#), "a search box, not a select of 70 options")
            #expect(!html.contains("<option value=\"comune-068\""))

            let found = try await admin.send(.GET, "/?cerca=prova%20007")
            #expect(found.body.string.contains("Enti che contengono «prova 007»: 1."))
            #expect(found.body.string.contains("Comune di Prova 007"))
            #expect(!found.body.string.contains("Comune di Prova 008"))

            // The switcher opens an ente by its identifier and searches by anything else.
            let bySlug = try await admin.send(.GET, "/scegli-ente?ente=comune-042")
            #expect(bySlug.headers.first(name: .location) == "/enti/comune-042")
            let byName = try await admin.send(.GET, "/scegli-ente?ente=Prova%20042")
            #expect(byName.headers.first(name: .location) == "/?cerca=Prova%20042")

            // A user with two enti keeps the list.
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            let own = try await segretario.send(.GET, "/")
            #expect(own.body.string.contains("<select id=\"ente-switch\""))
            #expect(!own.body.string.contains("Enti accessibili"))
        }
    }
}
