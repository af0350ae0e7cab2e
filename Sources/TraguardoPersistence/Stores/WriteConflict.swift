import Foundation
import TraguardoCore

/// Two writers of the same row: the second one's transaction fails in the database (a unique key taken a moment
/// ago, a serialization failure or deadlock on PostgreSQL, a busy database on SQLite). Callers see the same
/// `MonitoringError.conflict` as when the optimistic lock refuses, and nothing was written.
enum WriteConflict {
    static func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error where isConflict(error) {
            throw TraguardoCore.MonitoringError.conflict
        }
    }

    static func isConflict(_ error: any Error) -> Bool {
        if error is TraguardoCore.MonitoringError { return false }
        let text = String(reflecting: error)
        // PostgreSQL SQLSTATEs: unique_violation, serialization_failure, deadlock_detected; SQLite's own words.
        return ["23505", "40001", "40P01", "UNIQUE constraint failed", "database is locked", "SQLITE_BUSY"].contains { text.contains($0) }
    }
}
