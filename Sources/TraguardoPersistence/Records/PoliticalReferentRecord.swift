import FluentKit
import Foundation
import TraguardoCore

public final class PoliticalReferentRecord: Model, @unchecked Sendable {
    public static let schema = "political_referents"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @Field(key: "office") public var office: String
    @Field(key: "deleghe") public var deleghe: [String]
    @OptionalField(key: "valid_from") public var validFrom: String?
    @OptionalField(key: "valid_to") public var validTo: String?

    public init() {}

    public init(enteID: UUID, referent: PoliticalReferent) {
        self.$ente.id = enteID
        key = referent.key
        name = referent.name
        office = referent.office.rawValue
        deleghe = referent.deleghe
        validFrom = referent.validity.from?.iso
        validTo = referent.validity.to?.iso
    }

    public var domain: PoliticalReferent {
        PoliticalReferent(
            key: key, name: name, office: PoliticalOffice(rawValue: office) ?? .assessore, deleghe: deleghe,
            validity: DayRange(from: validFrom.flatMap(Day.init(iso:)), to: validTo.flatMap(Day.init(iso:))))
    }
}
