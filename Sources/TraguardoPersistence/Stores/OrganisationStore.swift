import FluentKit
import Foundation
import TraguardoCore

public enum OrganisationError: Error, CustomStringConvertible, Equatable {
    case missingField(String)
    case duplicateKey(entity: String, key: String)
    case unknownReference(entity: String, key: String)
    case invalidPeriod(from: Day, to: Day)

    public var description: String {
        switch self {
        case .missingField(let f): "Il campo \"\(f)\" è obbligatorio."
        case .duplicateKey(let e, let k): "Esiste già \(e) con codice \"\(k)\"."
        case .unknownReference(let e, let k): "\(e.prefix(1).uppercased() + e.dropFirst()) \"\(k)\" inesistente in questo ente."
        case .invalidPeriod(let f, let t): "Periodo non valido: la data di fine (\(t.italian)) precede quella di inizio (\(f.italian))."
        }
    }
}

/// An ente's organisation as domain values, loaded in one go (units, people, assignments, referents).
public struct OrganisationSnapshot: Sendable {
    public var units: [OrgUnit]
    public var unitIDs: [String: UUID]
    public var people: [Person]
    public var assignments: [Assignment]
    public var referents: [PoliticalReferent]

    public init(units: [OrgUnit], unitIDs: [String: UUID], people: [Person], assignments: [Assignment], referents: [PoliticalReferent]) {
        self.units = units
        self.unitIDs = unitIDs
        self.people = people
        self.assignments = assignments
        self.referents = referents
    }

    public func unit(_ key: String) -> OrgUnit? { units.first { $0.key == key } }
    public func person(_ key: String) -> Person? { people.first { $0.key == key } }
}

public enum OrganisationStore {
    public static func snapshot(enteID: UUID, on db: any Database) async throws -> OrganisationSnapshot {
        let units = try await OrgUnitRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$order).sort(\.$code).all()
        let people = try await PersonRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$familyName).sort(\.$givenName).all()
        let assignments = try await AssignmentRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$validFrom).all()
        let referents = try await PoliticalReferentRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$name).all()
        let unitKey = Dictionary(uniqueKeysWithValues: units.compactMap { u in u.id.map { ($0, u.key) } })
        let personKey = Dictionary(uniqueKeysWithValues: people.compactMap { p in p.id.map { ($0, p.key) } })
        return OrganisationSnapshot(
            units: units.map { $0.domain(parentKey: $0.$parent.id.flatMap { unitKey[$0] }) },
            unitIDs: Dictionary(uniqueKeysWithValues: units.compactMap { u in u.id.map { (u.key, $0) } }),
            people: people.map { $0.domain(homeUnitKey: $0.$homeUnit.id.flatMap { unitKey[$0] }) },
            assignments: assignments.compactMap { a in
                guard let p = personKey[a.$person.id], let u = unitKey[a.$unit.id] else { return nil }
                return a.domain(personKey: p, unitKey: u)
            },
            referents: referents.map(\.domain)
        )
    }

    @discardableResult
    public static func createUnit(_ unit: OrgUnit, enteID: UUID, on db: any Database, actor: Actor) async throws -> OrgUnitRecord {
        guard !unit.key.isEmpty else { throw OrganisationError.missingField("codice") }
        guard !unit.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganisationError.missingField("denominazione") }
        return try await db.writeTransaction { tx in
            if try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$key == unit.key).first() != nil {
                throw OrganisationError.duplicateKey(entity: "un'unità organizzativa", key: unit.key)
            }
            var parentID: UUID?
            if let parentKey = unit.parentKey {
                guard let parent = try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$key == parentKey).first() else {
                    throw OrganisationError.unknownReference(entity: "unità", key: parentKey)
                }
                parentID = parent.id
            }
            let record = OrgUnitRecord(enteID: enteID, unit: unit, parentID: parentID)
            try await record.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: enteID, entity: .unit, entityID: unit.key, action: .create, after: unit)
            return record
        }
    }

    @discardableResult
    public static func createPerson(_ person: Person, enteID: UUID, on db: any Database, actor: Actor) async throws -> PersonRecord {
        guard !person.key.isEmpty else { throw OrganisationError.missingField("codice") }
        guard !person.familyName.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganisationError.missingField("cognome") }
        return try await db.writeTransaction { tx in
            if try await PersonRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$key == person.key).first() != nil {
                throw OrganisationError.duplicateKey(entity: "una persona", key: person.key)
            }
            var homeID: UUID?
            if let homeKey = person.homeUnitKey {
                guard let home = try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$key == homeKey).first() else {
                    throw OrganisationError.unknownReference(entity: "unità", key: homeKey)
                }
                homeID = home.id
            }
            let record = PersonRecord(enteID: enteID, person: person, homeUnitID: homeID)
            try await record.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: enteID, entity: .person, entityID: person.key, action: .create, after: person)
            return record
        }
    }

    @discardableResult
    public static func createAssignment(_ assignment: Assignment, enteID: UUID, on db: any Database, actor: Actor) async throws -> AssignmentRecord {
        if let from = assignment.validity.from, let to = assignment.validity.to, to < from {
            throw OrganisationError.invalidPeriod(from: from, to: to)
        }
        return try await db.writeTransaction { tx in
            guard let person = try await PersonRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$key == assignment.personKey).first()
            else {
                throw OrganisationError.unknownReference(entity: "persona", key: assignment.personKey)
            }
            guard let unit = try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$key == assignment.unitKey).first() else {
                throw OrganisationError.unknownReference(entity: "unità", key: assignment.unitKey)
            }
            let record = AssignmentRecord(enteID: enteID, personID: try person.requireID(), unitID: try unit.requireID(), assignment: assignment)
            try await record.create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: enteID, entity: .assignment,
                entityID: "\(assignment.unitKey)/\(assignment.personKey)", action: .create, after: assignment)
            return record
        }
    }

    @discardableResult
    public static func createReferent(_ referent: PoliticalReferent, enteID: UUID, on db: any Database, actor: Actor) async throws
        -> PoliticalReferentRecord
    {
        let record = PoliticalReferentRecord(enteID: enteID, referent: referent)
        try await record.create(on: db)
        try await AuditLog.record(
            on: db, actor: actor, enteID: enteID, entity: .politicalReferent, entityID: referent.key, action: .create, after: referent)
        return record
    }
}
