import FluentKit
import Foundation
import TraguardoCore

/// Loads a plan bundle into the database in one transaction: either everything is written or nothing.
/// This version stores the ente and its organisation; the plan tables arrive with the plan model.
public enum BundleImporter {
    public struct Summary: Sendable, Equatable {
        public var enteSlug: String
        public var units = 0
        public var people = 0
        public var assignments = 0
        public var referents = 0
    }

    public static func decode(_ data: Data) throws -> PlanBundle {
        let bundle = try JSONDecoder().decode(PlanBundle.self, from: data)
        guard bundle.format == PlanBundle.formatName else { throw BundleImportError.wrongFormat(bundle.format) }
        guard bundle.version <= PlanBundle.currentVersion else { throw BundleImportError.newerVersion(bundle.version) }
        return bundle
    }

    /// Imports into the ente named by `slug` (created from the bundle if it does not exist yet).
    @discardableResult
    public static func importBundle(_ bundle: PlanBundle, asSlug slug: String? = nil, on db: any Database, actor: Actor) async throws -> Summary {
        var target = bundle.ente
        if let slug { target.slug = slug }
        let ente = target
        return try await db.transaction { tx in
            let record: EnteRecord
            if let existing = try await EnteStore.find(slug: ente.slug, on: tx) {
                guard try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == existing.requireID()).count() == 0 else {
                    throw BundleImportError.enteNotEmpty(ente.slug)
                }
                record = existing
            } else {
                record = try await EnteStore.create(ente, on: tx, actor: actor)
            }
            let enteID = try record.requireID()
            var summary = Summary(enteSlug: ente.slug)
            // Parents before children, whatever the order in the file.
            var pending = bundle.units
            var created = Set<String>()
            while !pending.isEmpty {
                let ready = pending.filter { $0.parentKey == nil || created.contains($0.parentKey!) }
                guard !ready.isEmpty else { throw BundleImportError.unitCycle(pending.map(\.key)) }
                for unit in ready {
                    try await OrganisationStore.createUnit(unit, enteID: enteID, on: tx, actor: actor)
                    created.insert(unit.key)
                    summary.units += 1
                }
                pending.removeAll { created.contains($0.key) }
            }
            for person in bundle.people {
                try await OrganisationStore.createPerson(person, enteID: enteID, on: tx, actor: actor)
                summary.people += 1
            }
            for assignment in bundle.assignments {
                try await OrganisationStore.createAssignment(assignment, enteID: enteID, on: tx, actor: actor)
                summary.assignments += 1
            }
            for referent in bundle.politicalReferents {
                try await OrganisationStore.createReferent(referent, enteID: enteID, on: tx, actor: actor)
                summary.referents += 1
            }
            try await AuditLog.record(on: tx, actor: actor, enteID: enteID, entity: "pacchetto", entityID: ente.slug, action: .import,
                                      after: ["units": summary.units, "people": summary.people, "assignments": summary.assignments])
            return summary
        }
    }
}

public enum BundleImportError: Error, CustomStringConvertible, Equatable {
    case wrongFormat(String)
    case newerVersion(Int)
    case enteNotEmpty(String)
    case unitCycle([String])

    public var description: String {
        switch self {
        case .wrongFormat(let f): "Il file non è un pacchetto Traguardo (formato \"\(f)\", atteso \"\(PlanBundle.formatName)\")."
        case .newerVersion(let v): "Il pacchetto è nella versione \(v), più recente di questa installazione (\(PlanBundle.currentVersion)): aggiorna Traguardo."
        case .enteNotEmpty(let s): "L'ente \"\(s)\" ha già un'organizzazione: importa in un ente vuoto."
        case .unitCycle(let keys): "Le unità \(keys.joined(separator: ", ")) si indicano a vicenda come unità superiore."
        }
    }
}
