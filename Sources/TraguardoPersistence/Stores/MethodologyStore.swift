import FluentKit
import Foundation
import TraguardoCore

public enum MethodologyStoreError: Error, CustomStringConvertible, Equatable {
    case unknownPreset(String)
    case invalid([String])

    public var description: String {
        switch self {
        case .unknownPreset(let id): "Metodologia \"\(id)\" inesistente: scegli una di quelle fornite."
        case .invalid(let problems): "La metodologia non è coerente:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
        }
    }
}

/// The SMVP presets shipped with the app (Presets/*.json) and each ente's adopted, versioned methodology.
public enum MethodologyStore {
    /// The shipped presets, `generale` first. Loaded once: they are read-only data files.
    public static let presets: [Methodology] = {
        guard let dir = Bundle.module.resourceURL?.appendingPathComponent("Presets"),
            let files = try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        else { return [] }
        let decoded = files.filter { $0.pathExtension == "json" }.compactMap { url -> Methodology? in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return try? JSONDecoder().decode(Methodology.self, from: data)
        }
        return decoded.sorted { ($0.id == "generale" ? 0 : 1, $0.id) < ($1.id == "generale" ? 0 : 1, $1.id) }
    }()

    public static func preset(_ id: String) -> Methodology? { presets.first { $0.id == id } }

    /// The methodology in force for an ente and year: the latest version adopted for that year or an earlier
    /// one; the general preset when the ente has adopted none.
    public static func current(enteID: UUID, year: Int, on db: any Database) async throws -> (methodology: Methodology, version: Int?) {
        if let record = try await MethodologyRecord.query(on: db).filter(\.$ente.$id == enteID).filter(\.$year <= year)
            .sort(\.$year, .descending).sort(\.$version, .descending).first()
        {
            return (try record.methodology, record.version)
        }
        guard let general = preset("generale") ?? presets.first else { throw MethodologyStoreError.unknownPreset("generale") }
        return (general, nil)
    }

    public static func history(enteID: UUID, on db: any Database) async throws -> [MethodologyRecord] {
        try await MethodologyRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$year, .descending).sort(\.$version, .descending).all()
    }

    /// Adopts a methodology for a year as a new version, audited with the previous one as "before".
    @discardableResult
    public static func adopt(_ methodology: Methodology, enteID: UUID, year: Int, on db: any Database, actor: Actor) async throws -> Int {
        let problems = methodology.validate().filter { $0.severity == .error }.map { "\($0.path): \($0.message)" }
        guard problems.isEmpty else { throw MethodologyStoreError.invalid(problems) }
        return try await db.writeTransaction { tx in try await insertVersion(methodology, enteID: enteID, year: year, on: tx, actor: actor) }
    }

    /// Writes the next version inside the caller's transaction (an import adopts its bundle's methodology with the plan).
    static func insertVersion(_ methodology: Methodology, enteID: UUID, year: Int, on tx: any Database, actor: Actor) async throws -> Int {
        let previous = try await MethodologyRecord.query(on: tx).filter(\.$ente.$id == enteID).filter(\.$year == year)
            .sort(\.$version, .descending).first()
        let version = (previous?.version ?? 0) + 1
        try await MethodologyRecord(enteID: enteID, year: year, version: version, methodology: methodology, adoptedBy: actor.name).create(on: tx)
        try await AuditLog.record(
            on: tx, actor: actor, enteID: enteID, entity: .methodology, entityID: "\(year) v\(version)",
            action: previous == nil ? .create : .update, before: try previous?.methodology, after: methodology)
        return version
    }
}
