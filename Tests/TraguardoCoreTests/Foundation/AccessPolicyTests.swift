import Foundation
import Testing
import TraguardoCore

@Suite("Access policy")
struct AccessPolicyTests {
    let alfa = UUID(), beta = UUID(), unit1 = UUID(), unit2 = UUID()

    func principal(_ grants: [Grant], admin: Bool = false) -> Principal {
        Principal(userID: UUID(), username: "u", displayName: "U", isSystemAdmin: admin, grants: grants)
    }

    @Test func everyPermissionIsDeniedWithoutAGrant() {
        let nobody = principal([])
        for permission in Permission.allCases {
            #expect(!AccessPolicy.allows(nobody, permission, enteID: alfa))
        }
    }

    @Test func grantsDoNotLeakToOtherEnti() {
        let segretario = principal([Grant(enteID: alfa, role: .segretario)])
        #expect(AccessPolicy.allows(segretario, .managePlan, enteID: alfa))
        #expect(!AccessPolicy.allows(segretario, .viewEnte, enteID: beta))
        #expect(!AccessPolicy.allows(segretario, .administer, enteID: nil))
    }

    @Test func theNucleoValidatesAndReadsTheAuditButDoesNotManageThePlan() {
        let nucleo = principal([Grant(enteID: alfa, role: .nucleo), Grant(enteID: beta, role: .nucleo)])
        #expect(AccessPolicy.allows(nucleo, .validate, enteID: beta))
        #expect(AccessPolicy.allows(nucleo, .viewAudit, enteID: alfa))
        #expect(!AccessPolicy.allows(nucleo, .managePlan, enteID: alfa))
        #expect(!AccessPolicy.allows(principal([], admin: true), .validate, enteID: alfa), "validation is the Nucleo's alone")
    }

    @Test func aResponsabileEditsOnlyTheirUnits() {
        let responsabile = principal([Grant(enteID: alfa, role: .responsabile, unitIDs: [unit1])])
        #expect(AccessPolicy.mayEdit(unitIDs: [unit1], principal: responsabile, enteID: alfa))
        #expect(!AccessPolicy.mayEdit(unitIDs: [unit1, unit2], principal: responsabile, enteID: alfa))
        #expect(!AccessPolicy.mayEdit(unitIDs: [unit1], principal: responsabile, enteID: beta))
        #expect(AccessPolicy.mayEdit(unitIDs: [unit2], principal: principal([Grant(enteID: alfa, role: .segretario)]), enteID: alfa))
        #expect(!AccessPolicy.mayEdit(unitIDs: [unit1], principal: principal([Grant(enteID: alfa, role: .lettore)]), enteID: alfa))
    }

    @Test func lockoutBacksOffExponentiallyUpToAnHour() {
        let throttle = LoginThrottle()
        #expect((1...4).map(throttle.lockSeconds(afterFailures:)) == [0, 0, 0, 0])
        #expect(throttle.lockSeconds(afterFailures: 5) == 60)
        #expect(throttle.lockSeconds(afterFailures: 6) == 120)
        #expect(throttle.lockSeconds(afterFailures: 50) == 3600)
    }

    @Test func auditDiffNamesTheChangedFields() {
        #expect(AuditDiff.changedFields(before: #"{"a":1,"b":"x"}"#, after: #"{"a":2,"b":"x","c":true}"#) == ["a", "c"])
        #expect(AuditDiff.changedFields(before: nil, after: #"{"a":1}"#) == ["a"])
    }
}
