import FluentKit
import Foundation
import TraguardoCore

public enum EnteStoreError: Error, CustomStringConvertible, Equatable {
    case invalidSlug(String)
    case duplicateSlug(String)
    case missingName

    public var description: String {
        switch self {
        case .invalidSlug(let s):
            "Identificativo dell'ente non valido (\"\(s)\"): usa lettere minuscole, cifre e trattini, ad esempio cassano-d-adda."
        case .duplicateSlug(let s): "Esiste già un ente con identificativo \"\(s)\"."
        case .missingName: "Il nome dell'ente è obbligatorio."
        }
    }
}

public enum EnteStore {
    public static func find(slug: String, on db: any Database) async throws -> EnteRecord? {
        try await EnteRecord.query(on: db).filter(\.$slug == slug).first()
    }

    /// The enti a principal may see, by name. Nobody sees an ente without a grant on it, except administrators.
    public static func visible(to principal: Principal, on db: any Database) async throws -> [EnteRecord] {
        let query = EnteRecord.query(on: db).sort(\.$name)
        if !principal.isSystemAdmin {
            query.filter(\.$id ~~ Set(principal.grants.map(\.enteID)))
        }
        return try await query.all()
    }

    @discardableResult
    public static func create(_ ente: Ente, on db: any Database, actor: Actor) async throws -> EnteRecord {
        guard Ente.isValidSlug(ente.slug) else { throw EnteStoreError.invalidSlug(ente.slug) }
        guard !ente.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw EnteStoreError.missingName }
        return try await db.writeTransaction { tx in
            if try await find(slug: ente.slug, on: tx) != nil { throw EnteStoreError.duplicateSlug(ente.slug) }
            let record = EnteRecord(ente)
            try await record.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.id, entity: .ente, entityID: ente.slug, action: .create, after: ente)
            return record
        }
    }
}
