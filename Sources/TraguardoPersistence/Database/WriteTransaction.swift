import FluentKit
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite its first statement takes the write lock: a deferred transaction
    /// that reads first cannot upgrade once another connection has committed (SQLITE_BUSY at once, busy_timeout
    /// does not apply), which `scripts/faults` saw as false conflicts between two saves of different objectives.
    /// Taking the lock up front makes the second writer wait its turn (up to busy_timeout) instead. PostgreSQL's
    /// row locks need nothing of the kind.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let nested = inTransaction
        return try await transaction { tx in
            if !nested, let sql = tx as? any SQLDatabase, sql.dialect.name == "sqlite" {
                // Per connection: the pool's other connections never ran the start-up PRAGMA, and SQLite's default
                // busy handler retries at once, spinning a core while another writer holds the lock.
                try await sql.raw("PRAGMA busy_timeout = 5000").run()
                try await sql.raw("UPDATE enti SET revision = revision WHERE 0 = 1").run()
            }
            return try await body(tx)
        }
    }
}
