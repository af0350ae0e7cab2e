import FluentKit
import Foundation
import TraguardoCore

public final class PersonRecord: Model, @unchecked Sendable {
    public static let schema = "people"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "key") public var key: String
    @Field(key: "family_name") public var familyName: String
    @Field(key: "given_name") public var givenName: String
    @OptionalField(key: "staff_grade") public var staffGrade: String?
    @OptionalField(key: "position") public var position: String?
    @OptionalParent(key: "home_unit_id") public var homeUnit: OrgUnitRecord?
    @OptionalField(key: "email") public var email: String?

    public init() {}

    public init(enteID: UUID, person: Person, homeUnitID: UUID?) {
        self.$ente.id = enteID
        self.$homeUnit.id = homeUnitID
        apply(person)
    }

    public func apply(_ person: Person) {
        key = person.key
        familyName = person.familyName
        givenName = person.givenName
        staffGrade = person.staffGrade
        position = person.position
        email = person.email
    }

    public func domain(homeUnitKey: String?) -> Person {
        Person(
            key: key, familyName: familyName, givenName: givenName, staffGrade: staffGrade, position: position,
            homeUnitKey: homeUnitKey, email: email)
    }

    public var displayName: String { givenName.isEmpty ? familyName : "\(familyName) \(givenName)" }
}
