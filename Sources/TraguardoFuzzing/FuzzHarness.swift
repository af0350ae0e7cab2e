import FluentKit
import Foundation
import SQLKit
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet

/// Feeds one file to the import exactly as `traguardo import` and the upload do (decode, check, write in one
/// transaction) and judges the outcome: accepted, or refused with an Italian message and nothing written.
public struct FuzzHarness: Sendable {
    public enum Verdict: Sendable, Equatable {
        case accepted
        case refused(String)
    }

    public struct Outcome: Sendable {
        public let verdict: Verdict
        public let seconds: Double
        /// What is wrong with the outcome itself: a half-written refusal, an English or empty message, a hang.
        public let problems: [String]
    }

    public static let slowSeconds = 10.0
    /// The target ente: mutants that pass replace its plan, so the database stays the size of one plan.
    public static let slug = "fuzz"
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func run(_ input: FuzzInput) async -> Outcome {
        let start = Date()
        var verdict: Verdict
        var problems: [String] = []
        switch Result(catching: { () throws(PlanFileError) in try PlanFileDecoder.decode(input.data, filename: input.filename) }) {
        case .failure(let error):
            verdict = .refused(error.messages.joined(separator: "\n"))
        case .success(let bundle):
            let before = try? await counts()
            do {
                try await BundleImporter.importBundle(bundle, options: .init(slug: Self.slug, replacePlan: true), on: db, actor: .system)
                verdict = .accepted
            } catch {
                verdict = .refused(String(describing: error))
                if let after = try? await counts(), after != before {
                    problems.append("rifiutato ma il database è cambiato: \(before ?? []) → \(after)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        if case .refused(let message) = verdict, let bad = MessageQuality.problem(message) { problems.append(bad) }
        if seconds > Self.slowSeconds { problems.append("lento: \(Int(seconds)) s") }
        return Outcome(verdict: verdict, seconds: seconds, problems: problems)
    }

    /// Rows of every table an import writes: equal before and after a refusal.
    func counts() async throws -> [Int] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var out: [Int] = []
        for table in [
            "enti", "org_units", "people", "assignments", "political_referents", "plans", "plan_nodes", "plan_items", "campaigns",
            "monitoring_entries", "validations", "methodologies", "audit_log",
        ] {
            out.append(
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?.decode(
                    column: "n", as: Int.self)
                    ?? 0)
        }
        return out
    }
}

/// Whether a refusal reads as Traguardo's own Italian message rather than a library's English one.
public enum MessageQuality {
    static let foreign = [
        "The data", "couldn’t", "couldn't", "DecodingError", "Swift.", "Optional(", "Error Domain", "keyNotFound", "typeMismatch",
        "valueNotFound", "dataCorrupted", "SQLiteError", "PSQLError", "UNIQUE constraint", "violates", "Unexpected", "unexpected",
        "invalid", "Invalid", "not found", "Fatal",
    ]

    public static func problem(_ message: String) -> String? {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "rifiutato senza messaggio" }
        if let word = foreign.first(where: { trimmed.contains($0) }) { return "messaggio non in italiano («\(word)»): \(trimmed.prefix(300))" }
        return nil
    }

    /// Whether the message says where: a row, a column, a sheet, a cell, a field path or a file part.
    public static func namesAPlace(_ message: String) -> Bool {
        ["riga", "colonna", "foglio", "cella", "[", "campo", "parte", "posizione", "codifica", ".xml", "nodes", "units", "plan.", "format"]
            .contains { message.contains($0) }
    }
}
