import FluentKit
import Foundation
import TraguardoCore

/// Loads a plan bundle into the database in one transaction: everything is written or nothing.
/// Organisation rows are matched by key: missing ones are created, existing ones are kept as they are.
public enum BundleImporter {
    public struct Options: Sendable {
        /// Import into this ente (created from the bundle if missing) instead of the bundle's own slug.
        public var slug: String?
        /// Replace a plan with the same key instead of refusing.
        public var replacePlan: Bool
        /// Do everything, report, and roll back.
        public var dryRun: Bool

        public init(slug: String? = nil, replacePlan: Bool = false, dryRun: Bool = false) {
            self.slug = slug
            self.replacePlan = replacePlan
            self.dryRun = dryRun
        }
    }

    public struct Summary: Sendable, Equatable, Codable {
        public var enteSlug: String
        public var enteCreated = false
        public var unitsCreated = 0
        public var unitsKept = 0
        public var peopleCreated = 0
        public var peopleKept = 0
        public var assignmentsCreated = 0
        public var referentsCreated = 0
        public var planKey = ""
        public var planReplaced = false
        public var nodes = 0
        public var phases = 0
        public var indicators = 0
        public var participations = 0
        public var values = 0
        /// The version adopted from the bundle's methodology; nil when it carried none or the same one is in force.
        public var methodologyVersion: Int?
        public var dryRun = false
    }

    public static func decode(_ data: Data) throws -> PlanBundle {
        do {
            return try PlanBundle.decode(data)
        } catch {
            switch error {
            case .wrongFormat(let f): throw BundleImportError.wrongFormat(f)
            case .newerVersion(let v): throw BundleImportError.newerVersion(v)
            case .decoding(let m): throw BundleImportError.decoding(m)
            }
        }
    }

    @discardableResult
    public static func importBundle(_ bundle: PlanBundle, options: Options = Options(), on db: any Database, actor: Actor) async throws -> Summary {
        var problems = BundleIntegrity.problems(in: bundle)
        // A carried methodology is checked like an uploaded file, each problem named by its rule path.
        problems += (bundle.methodology?.validate() ?? []).filter { $0.severity == .error }.map { "methodology.\($0.path): \($0.message)" }
        guard problems.isEmpty else { throw BundleImportError.integrity(problems) }
        var target = bundle.ente
        if let slug = options.slug { target.slug = slug }
        let ente = target
        do {
            return try await db.writeTransaction { tx in
                var summary = try await write(bundle, ente: ente, options: options, on: tx, actor: actor)
                if options.dryRun {
                    summary.dryRun = true
                    throw DryRun(summary: summary)
                }
                return summary
            }
        } catch let dry as DryRun {
            return dry.summary
        }
    }

    private struct DryRun: Error { let summary: Summary }

    private static func write(_ bundle: PlanBundle, ente: Ente, options: Options, on tx: any Database, actor: Actor) async throws -> Summary {
        var summary = Summary(enteSlug: ente.slug)
        let record: EnteRecord
        if let existing = try await EnteStore.find(slug: ente.slug, on: tx) {
            record = existing
        } else {
            record = try await EnteStore.create(ente, on: tx, actor: actor)
            summary.enteCreated = true
        }
        let enteID = try record.requireID()
        let org = try await OrganisationImport.write(bundle, enteID: enteID, on: tx, actor: actor)
        summary.unitsCreated = org.unitsCreated
        summary.unitsKept = org.unitsKept
        summary.peopleCreated = org.peopleCreated
        summary.peopleKept = org.peopleKept
        summary.assignmentsCreated = org.assignmentsCreated
        summary.referentsCreated = org.referentsCreated
        if let existing = try await PlanStore.record(enteID: enteID, key: bundle.plan.key, on: tx) {
            guard options.replacePlan else { throw BundleImportError.planExists(bundle.plan.key, ente.slug) }
            try await PlanStore.delete(existing, on: tx, actor: actor)
            summary.planReplaced = true
        }
        _ = try await PlanStore.insert(bundle, enteID: enteID, on: tx)
        summary.planKey = bundle.plan.key
        summary.nodes = bundle.nodes.count
        summary.phases = bundle.phases.count
        summary.indicators = bundle.indicators.count
        summary.participations = bundle.participations.count
        summary.values = bundle.values.count
        if let carried = bundle.methodology, try await MethodologyStore.current(enteID: enteID, year: bundle.plan.year, on: tx).methodology != carried
        {
            summary.methodologyVersion = try await MethodologyStore.insertVersion(
                carried, enteID: enteID, year: bundle.plan.year, on: tx, actor: actor)
        }
        try await AuditLog.record(
            on: tx, actor: actor, enteID: enteID, entity: .plan, entityID: bundle.plan.key, action: .import,
            after: summary)
        return summary
    }
}

public enum BundleImportError: Error, CustomStringConvertible, Equatable {
    case wrongFormat(String)
    case newerVersion(Int)
    case decoding(String)
    case integrity([String])
    case planExists(String, String)
    case unitCycle([String])

    public var description: String {
        switch self {
        case .wrongFormat(let f): BundleDecodingError.wrongFormat(f).description
        case .newerVersion(let v): BundleDecodingError.newerVersion(v).description
        case .decoding(let message): BundleDecodingError.decoding(message).description
        case .integrity(let problems): "Pacchetto non valido, nulla è stato importato:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
        case .planExists(let key, let slug): "L'ente \(slug) ha già il piano \"\(key)\": usa --replace per sostituirlo."
        case .unitCycle(let keys): "Le unità \(keys.joined(separator: ", ")) si indicano a vicenda come unità superiore."
        }
    }
}
