import FluentKit
import Foundation
import TraguardoCore

/// Days are stored as ISO `yyyy-mm-dd` strings: portable across engines and correctly ordered as text.
public final class AssignmentRecord: Model, @unchecked Sendable {
    public static let schema = "assignments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Parent(key: "person_id") public var person: PersonRecord
    @Parent(key: "unit_id") public var unit: OrgUnitRecord
    @Field(key: "role") public var role: String
    @OptionalField(key: "valid_from") public var validFrom: String?
    @OptionalField(key: "valid_to") public var validTo: String?
    @OptionalField(key: "act") public var act: String?

    public init() {}

    public init(enteID: UUID, personID: UUID, unitID: UUID, assignment: Assignment) {
        self.$ente.id = enteID
        self.$person.id = personID
        self.$unit.id = unitID
        role = assignment.role.rawValue
        validFrom = assignment.validity.from?.iso
        validTo = assignment.validity.to?.iso
        act = assignment.act
    }

    public func domain(personKey: String, unitKey: String) -> Assignment {
        Assignment(
            personKey: personKey, unitKey: unitKey, role: AssignmentRole(rawValue: role) ?? .titolare,
            validity: DayRange(from: validFrom.flatMap(Day.init(iso:)), to: validTo.flatMap(Day.init(iso:))), act: act)
    }
}
