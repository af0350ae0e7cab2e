import FluentKit
import Foundation
import TraguardoCore

/// The organisation of a bundle written in a handful of multi-row INSERTs (units, people, assignments, referents
/// and their audit entries) instead of five statements per row: what makes a plan import take milliseconds.
/// Rows the ente already has (same key, or the same assignment) are kept, as the one-by-one path did.
enum OrganisationImport {
    struct Counts {
        var unitsCreated = 0, unitsKept = 0, peopleCreated = 0, peopleKept = 0, assignmentsCreated = 0, referentsCreated = 0
    }

    static func write(_ bundle: PlanBundle, enteID: UUID, on tx: any Database, actor: Actor) async throws -> Counts {
        var counts = Counts()
        var unitIDs: [String: UUID] = [:]
        for unit in try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == enteID).all() { unitIDs[unit.key] = try unit.requireID() }
        var personIDs: [String: UUID] = [:]
        for person in try await PersonRecord.query(on: tx).filter(\.$ente.$id == enteID).all() { personIDs[person.key] = try person.requireID() }
        let existing = try await OrganisationStore.snapshot(enteID: enteID, on: tx)
        var audit: [AuditEntry] = []
        let now = Date()
        func note(_ entity: AuditEntity, _ key: String, _ value: any Encodable) {
            audit.append(
                AuditEntry(
                    at: now, actorID: actor.id, actorName: actor.name, enteID: enteID, entity: entity.rawValue, entityID: key, action: .create,
                    before: nil, after: AuditLog.snapshot(value)))
        }

        // Units, parents before children whatever the order in the file; ids are chosen here so a child can name
        // a parent written in the same INSERT.
        var pending = bundle.units.filter { unitIDs[$0.key] == nil }
        counts.unitsKept = bundle.units.count - pending.count
        var units: [OrgUnitRecord] = []
        while !pending.isEmpty {
            let ready = pending.filter { $0.parentKey == nil || unitIDs[$0.parentKey!] != nil }
            guard !ready.isEmpty else { throw BundleImportError.unitCycle(pending.map(\.key)) }
            for unit in ready {
                guard !unit.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganisationError.missingField("denominazione") }
                let record = OrgUnitRecord(enteID: enteID, unit: unit, parentID: unit.parentKey.flatMap { unitIDs[$0] })
                record.id = UUID()
                unitIDs[unit.key] = record.id
                units.append(record)
                note(.unit, unit.key, unit)
            }
            pending.removeAll { unitIDs[$0.key] != nil }
        }
        counts.unitsCreated = units.count

        var people: [BulkInsert.Row] = []
        for person in bundle.people {
            guard personIDs[person.key] == nil else {
                counts.peopleKept += 1
                continue
            }
            guard !person.familyName.trimmingCharacters(in: .whitespaces).isEmpty else { throw OrganisationError.missingField("cognome") }
            var homeID: UUID?
            if let home = person.homeUnitKey {
                guard let id = unitIDs[home] else { throw OrganisationError.unknownReference(entity: "unità", key: home) }
                homeID = id
            }
            let id = UUID()
            personIDs[person.key] = id
            people.append([id, enteID, person.key, person.familyName, person.givenName, person.staffGrade, person.position, homeID, person.email])
            note(.person, person.key, person)
        }
        counts.peopleCreated = people.count

        var assignments: [AssignmentRecord] = []
        for assignment in bundle.assignments where !existing.assignments.contains(assignment) {
            if let from = assignment.validity.from, let to = assignment.validity.to, to < from {
                throw OrganisationError.invalidPeriod(from: from, to: to)
            }
            guard let person = personIDs[assignment.personKey] else {
                throw OrganisationError.unknownReference(entity: "persona", key: assignment.personKey)
            }
            guard let unit = unitIDs[assignment.unitKey] else { throw OrganisationError.unknownReference(entity: "unità", key: assignment.unitKey) }
            assignments.append(AssignmentRecord(enteID: enteID, personID: person, unitID: unit, assignment: assignment))
            note(.assignment, "\(assignment.unitKey)/\(assignment.personKey)", assignment)
        }
        counts.assignmentsCreated = assignments.count

        let haveReferents = Set(existing.referents.map(\.key))
        let referents = bundle.politicalReferents.filter { !haveReferents.contains($0.key) }.map {
            note(.politicalReferent, $0.key, $0)
            return PoliticalReferentRecord(enteID: enteID, referent: $0)
        }
        counts.referentsCreated = referents.count

        // Chunks keep each INSERT under SQLite's bound-parameter limit (32,766) with room to spare.
        try await insert(units, on: tx)
        try await BulkInsert.run(
            tx, into: PersonRecord.schema,
            columns: ["id", "ente_id", "key", "family_name", "given_name", "staff_grade", "position", "home_unit_id", "email"], rows: people)
        try await insert(assignments, on: tx)
        try await insert(referents, on: tx)
        try await BulkInsert.audit(audit, on: tx)
        if !audit.isEmpty { try await AuditLog.bumpRevision(of: enteID, on: tx) }
        return counts
    }

    static func insert<M: Model>(_ records: [M], on db: any Database) async throws {
        for start in stride(from: 0, to: records.count, by: 500) {
            try await Array(records[start..<min(start + 500, records.count)]).create(on: db)
        }
    }
}
