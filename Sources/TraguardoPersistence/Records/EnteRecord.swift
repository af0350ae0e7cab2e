import FluentKit
import Foundation
import TraguardoCore

public final class EnteRecord: Model, @unchecked Sendable {
    public static let schema = "enti"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "codice_istat") public var codiceISTAT: String?
    @OptionalField(key: "codice_ipa") public var codiceIPA: String?
    @OptionalField(key: "employees") public var employees: Int?
    @OptionalField(key: "population") public var population: Int?
    @Field(key: "member_slugs") public var memberSlugs: [String]
    @Field(key: "member_names") public var memberNames: [String]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// Bumped by every audited change of the ente's data (see `AuditLog.record`).
    @Field(key: "revision") public var revision: Int
    @Field(key: "structure_revision") public var structureRevision: Int

    public init() {}

    public init(_ ente: Ente) {
        revision = 0
        structureRevision = 0
        apply(ente)
    }

    public func apply(_ ente: Ente) {
        slug = ente.slug
        name = ente.name
        kind = ente.kind.rawValue
        codiceISTAT = ente.codiceISTAT
        codiceIPA = ente.codiceIPA
        employees = ente.employees
        population = ente.population
        memberSlugs = ente.memberSlugs
        memberNames = ente.memberNames
    }

    public var domain: Ente {
        Ente(
            slug: slug, name: name, kind: EnteKind(rawValue: kind) ?? .altro, codiceISTAT: codiceISTAT, codiceIPA: codiceIPA,
            employees: employees, population: population, memberSlugs: memberSlugs, memberNames: memberNames)
    }
}
