import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor
import VaporTesting

@testable import TraguardoWeb

@Suite("Sign-in, sessions, CSRF")
struct AuthenticationTests {
    @Test func signInThenOutWithAFreshSessionEachTime() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.send(.GET, "/login")
            let anonymousCookie = client.cookie
            let login = try await client.login("segretario")
            #expect(login.status == .seeOther)
            #expect(login.headers.first(name: .location) == "/")
            #expect(client.cookie != anonymousCookie, "sign-in must not keep the pre-login session id")
            let home = try await client.send(.GET, "/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Comune di Alfa"))
            #expect(!home.body.string.contains("Comune di Beta"))
            let logout = try await client.send(.POST, "/logout", form: [:])
            #expect(logout.headers.first(name: .location) == "/login")
            let after = try await client.send(.GET, "/")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSite() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/login")
            let header = response.headers.first(name: .setCookie) ?? ""
            #expect(header.contains("HttpOnly"))
            #expect(header.lowercased().contains("samesite=lax"))
        }
    }

    @Test func wrongPasswordIsRefusedInItalianAndAudited() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            let response = try await client.login("segretario", password: "sbagliata")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("Nome utente o password non corretti."))
            let failures = try await AuditLog.entries(on: app.db, filter: .init(action: .loginFailed))
            #expect(failures.map(\.entityID) == ["segretario"])
        }
    }

    @Test func repeatedFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            for _ in 0..<4 {
                #expect(try await client.login("lettore", password: "sbagliata").status == .unauthorized)
            }
            let fifth = try await client.login("lettore", password: "sbagliata")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.string.contains("l&#39;account è bloccato") || fifth.body.string.contains("l'account è bloccato"))
            let right = try await client.login("lettore")
            #expect(right.status == .tooManyRequests, "a locked account refuses even the right password")
        }
    }

    @Test func formsWithoutTheSessionTokenAreRefused() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("segretario")
            let forged = try await client.send(
                .POST, "/enti/alfa/organizzazione/unita", form: ["code": "09", "name": "X", "kind": "settore"], withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("Il modulo è scaduto o non è valido"))
            let org = try await OrganisationStore.snapshot(enteID: try #require(try await EnteStore.find(slug: "alfa", on: app.db)?.id), on: app.db)
            #expect(org.units.count == 2, "nothing is written by a refused form")
        }
    }

    @Test func loginRedirectsOnlyToLocalPaths() {
        #expect(SessionController.safeNext("/enti/alfa") == "/enti/alfa")
        #expect(SessionController.safeNext("//evil.example/x") == "/")
        #expect(SessionController.safeNext("https://evil.example") == "/")
        #expect(SessionController.safeNext(nil) == "/")
    }

    @Test func anonymousVisitorsAreSentToLoginAndBack() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/enti/alfa/organizzazione")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login?next=/enti/alfa/organizzazione")
            let api = try await app.testing().sendRequest(.GET, "/api/v1/me")
            #expect(api.status == .unauthorized)
            #expect(api.body.string.contains("\"reason\""))
        }
    }

    @Test func anUnknownPathIsAnItalian404() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/non-esiste")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("La pagina richiesta non esiste."))
        }
    }
}
