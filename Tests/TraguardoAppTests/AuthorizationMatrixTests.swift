import Foundation
import Testing
import TraguardoCore
import Vapor
import VaporTesting

@testable import TraguardoWeb

/// Walks every registered route as every role (and anonymous) against ente "alfa", and checks allow/deny.
/// An endpoint added without a row in `allowed` does not compile.
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    static let everyone: Set<String> = ["anonymous", "admin", "segretario", "responsabile", "nucleo", "lettore", "estraneo"]
    static let signedIn = everyone.subtracting(["anonymous"])
    static let viewers: Set<String> = ["admin", "segretario", "responsabile", "nucleo", "lettore"]
    static let managers: Set<String> = ["admin", "segretario"]
    static let auditors: Set<String> = ["admin", "segretario", "nucleo"]
    static let editors: Set<String> = ["admin", "segretario", "responsabile"]

    /// Who may call each endpoint against ente "alfa"; "estraneo" is segretario of "beta" only. The switch is
    /// exhaustive: a new endpoint does not compile until it has its row here.
    static func allowed(_ endpoint: Endpoint) -> Set<String> {
        switch endpoint {
        case .loginPage, .login, .health, .ready: everyone
        // The test client is not a loopback peer and holds no metrics token: OperationsTests covers who gets in.
        case .metrics: []
        case .logout, .home, .switchEnte, .apiMe, .apiEnti: signedIn
        case .ente, .organisation, .plans, .plan, .card, .exportPlan, .scores, .methodology, .methodologyFile, .apiEnte, .apiUnits, .apiHolder:
            viewers
        case .createPlan, .importForm, .template, .importUpload, .adoptMethodology, .uploadMethodology, .movePlan, .rollover, .addUnit, .addPerson,
            .addAssignment, .enteUsers, .createEnteUser:
            managers
        case .newNode, .createNode, .editNode, .updateNode, .deleteNode, .duplicateNode, .addIndicator, .addPhase, .removeIndicator,
            .removePhase:
            editors
        case .campaigns, .campaign, .entry, .variations, .apiCampaigns, .apiCampaign, .apiScores, .downloadEvidence: viewers
        case .createCampaign, .giveBackUnit, .decideVariation, .sendReminders: managers
        case .saveEntry, .previewEntry, .submitUnit, .requestVariation, .apiSaveEntries, .uploadEvidence, .deleteEvidence, .toDoFile, .uploadToDo:
            editors
        case .organisational, .apiOrganisational: viewers
        // Which documents a lettore gets is the handler's (published only): DocumentDownloadTests walks it.
        case .documents, .document, .reportLayout: viewers
        case .recordReportApproval, .saveReportLayout: managers
        case .moveCampaign, .apiMoveCampaign, .saveOrganisational, .apiSaveOrganisational: ["admin", "segretario", "nucleo"]
        case .decide, .addMinutes, .apiDecide: ["nucleo"]
        case .enteAudit, .apiAudit: auditors
        case .admin, .createEnte, .globalAudit: ["admin"]
        }
    }

    @Test func everyRouteIsAnEndpointWithAnAccessRuleServedOnce() async throws {
        try await withTestApp { app in
            let served = app.routes.all.compactMap(\.endpoint)
            #expect(served.count == app.routes.all.count, "every route is registered through an Endpoint")
            #expect(Set(served) == Set(Endpoint.allCases), "every endpoint is served")
            #expect(served.count == Endpoint.allCases.count, "no endpoint is served twice")
            for route in app.routes.all {
                #expect(route.access != nil, "route \(route.description) declares no access rule")
                #expect(route.access == route.endpoint?.access)
            }
        }
    }

    @Test func everyRoleGetsExactlyWhatTheMatrixSays() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            // One signed-in client per role for the whole walk (signing in for every request made this test the
            // slowest of the suite); logging out comes last.
            var clients: [String: Client] = [:]
            for role in Self.everyone {
                var client = Client(app: app)
                if role != "anonymous" {
                    let login = try await client.login(role)
                    #expect(login.status == .seeOther, "login as \(role)")
                } else {
                    _ = try await client.send(.GET, "/login")  // a session with a CSRF token, like a real visitor
                }
                clients[role] = client
            }
            for endpoint in Endpoint.allCases.sorted(by: { ($0 == .logout ? 1 : 0) < ($1 == .logout ? 1 : 0) }) {
                let key = endpoint.signature
                let allowed = Self.allowed(endpoint)
                let path = endpoint.path(PathValues(ente: "alfa", plan: "P-2024", node: "OB-0", item: "NESSUNO", campaign: "NESSUNA", unit: "U-01"))
                for role in Self.everyone.sorted() {
                    var client = try #require(clients[role])
                    defer { clients[role] = client }
                    let response = try await client.send(endpoint.method, path, form: endpoint.method == .GET ? nil : [:])
                    let denied =
                        response.status == .unauthorized || response.status == .forbidden
                        || (response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/login") == true
                            && key != "POST /logout")
                    if allowed.contains(role) {
                        #expect(!denied, "\(role) should be allowed \(key), got \(response.status.code)")
                        #expect(response.status != .internalServerError, "\(role) \(key) crashed: \(response.body.string.prefix(200))")
                    } else {
                        #expect(denied, "\(role) should be denied \(key), got \(response.status.code)")
                    }
                }
            }
        }
    }

    @Test func anotherEnteIsInvisibleEvenToItsNeighboursSegretario() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var client = Client(app: app)
            _ = try await client.login("estraneo")
            let page = try await client.send(.GET, "/enti/alfa")
            #expect(page.status == .forbidden)
            let missing = try await client.send(.GET, "/enti/inesistente")
            #expect(missing.status == .forbidden, "an unknown ente must look the same as a forbidden one")
            let list = try await client.send(.GET, "/api/v1/enti", json: true)
            #expect(list.body.string.contains("beta"))
            #expect(!list.body.string.contains("alfa"))
        }
    }
}
