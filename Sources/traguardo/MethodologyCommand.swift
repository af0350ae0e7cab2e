import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoWeb
import Vapor

/// The SMVP as a file: list the presets and an ente's adopted versions, show the rules in words, export one as a
/// file, check a file (and what it would change on the ente's plan), adopt it as a new version.
struct MethodologyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methodology",
        abstract: "La metodologia (SMVP) come file: elenco, lettura, esportazione, verifica e adozione.",
        subcommands: [List.self, Show.self, Export.self, Check.self, Adopt.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Le metodologie fornite e, con --ente, le versioni adottate dall'ente (quella in vigore per anno).")
        @ArgumentParser.Option(help: "Identificativo dell'ente.") var ente: String?

        func run() async throws {
            guard let ente else {
                for m in MethodologyStore.presets { print("\(m.id)\t\(m.name) (dal \(m.validFrom))") }
                return
            }
            try await AppRunner.run { app, _ in
                let stored = try await Lookup.ente(ente, app: app)
                let history = try await app.store.methodologyHistory(enteID: stored.id)
                guard !history.isEmpty else {
                    print("\(stored.ente.name) non ha adottato metodologie: vale quella generale («generale»).")
                    return
                }
                var inForce: Set<Int> = []
                for v in history {
                    // History is newest first: the first version seen for a year is the one in force.
                    let current = inForce.insert(v.year).inserted
                    let when = v.adoptedAt.map { ItalianFormat.day(of: $0).italian } ?? "—"
                    print("\(v.year)\tv\(v.version)\t\(v.name)\tadottata il \(when) da \(v.adoptedBy)\(current ? "\tin vigore" : "")")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Le regole di una metodologia in parole: quella in vigore nell'ente, o una fornita.")
        @OptionGroup var source: Source

        func run() async throws {
            let (methodology, label) = try await source.resolve()
            print("\(methodology.name) — \(label)")
            print("Fonte: \(methodology.source)")
            for line in methodology.italianSummary { print("- \(line)") }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scrive una metodologia come file JSON, da modificare e adottare.")
        @OptionGroup var source: Source
        @ArgumentParser.Option(name: .shortAndLong, help: "File di uscita (predefinito: standard output).") var output: String?

        func run() async throws {
            let (methodology, _) = try await source.resolve()
            let data = try MethodologyFile.encode(methodology)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
                print("Metodologia «\(methodology.name)» scritta in \(output).")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verifica un file di metodologia: errori e avvisi con il percorso della regola; con --ente, i punteggi che cambierebbero.")
        @ArgumentParser.Argument(help: "Il file JSON della metodologia.") var file: String
        @ArgumentParser.Option(help: "Identificativo dell'ente su cui provarla.") var ente: String?
        @ArgumentParser.Option(help: "Anno del piano su cui provarla (predefinito: il più recente).") var year: Int?

        func run() async throws {
            let methodology = try Lookup.checked(file)
            guard let ente else { return }
            try await AppRunner.run { app, _ in try await Lookup.preview(methodology, ente: ente, year: year, app: app) }
        }
    }

    struct Adopt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adotta un file di metodologia per un ente e un anno, come nuova versione (dopo la verifica).")
        @ArgumentParser.Argument(help: "Il file JSON della metodologia.") var file: String
        @ArgumentParser.Option(help: "Identificativo dell'ente.") var ente: String
        @ArgumentParser.Option(help: "Anno da cui vale.") var year: Int
        @ArgumentParser.Flag(help: "Solo prova: mostra che cosa cambierebbe, senza adottare.") var dryRun = false

        func run() async throws {
            let methodology = try Lookup.checked(file)
            try await AppRunner.run { app, _ in
                try await Lookup.preview(methodology, ente: ente, year: year, app: app)
                guard !dryRun else {
                    print("Solo prova: nulla è stato adottato.")
                    return
                }
                let stored = try await Lookup.ente(ente, app: app)
                let version = try await app.store.adopt(methodology, enteID: stored.id, year: year, actor: .system)
                print("Metodologia «\(methodology.name)» adottata per \(stored.ente.name) dal \(year): versione \(version).")
            }
        }
    }

    /// Which methodology a command reads: the one in force in an ente (for a year), or a preset.
    struct Source: ParsableArguments {
        @ArgumentParser.Option(help: "Identificativo dell'ente (la metodologia in vigore).") var ente: String?
        @ArgumentParser.Option(help: "Anno (predefinito: quello del piano più recente dell'ente).") var year: Int?
        @ArgumentParser.Option(help: "Una metodologia fornita (es. generale) invece di quella dell'ente.") var preset: String?

        func resolve() async throws -> (Methodology, String) {
            if let preset {
                guard let m = MethodologyStore.preset(preset) else {
                    AppRunner.fail(
                        "metodologia \"\(preset)\" inesistente; disponibili: \(MethodologyStore.presets.map(\.id).joined(separator: ", ")).")
                }
                return (m, "metodologia fornita «\(m.id)»")
            }
            guard let ente else { AppRunner.fail("indica --ente oppure --preset.") }
            return try await AppRunner.run { app, _ in
                let stored = try await Lookup.ente(ente, app: app)
                let year = try await Lookup.year(year, enteID: stored.id, app: app)
                let (m, version) = try await app.store.methodology(enteID: stored.id, year: year)
                return (
                    m, "in vigore per \(stored.ente.name) nel \(year)" + (version.map { ", versione \($0)" } ?? ", nessuna adottata: quella generale")
                )
            }
        }
    }

    enum Lookup {
        static func ente(_ slug: String, app: Application) async throws -> StoredEnte {
            guard let ente = try await app.store.ente(slug: slug) else { AppRunner.fail("ente \"\(slug)\" inesistente.") }
            return ente
        }

        static func year(_ asked: Int?, enteID: UUID, app: Application) async throws -> Int {
            if let asked { return asked }
            return try await app.store.plan(enteID: enteID)?.plan.year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        }

        /// Reads and checks the file, printing every issue; exits with an error when any is an error.
        static func checked(_ file: String) throws -> Methodology {
            guard let data = FileManager.default.contents(atPath: file) else { AppRunner.fail("\(file): file non trovato o non leggibile.") }
            let (methodology, issues) = MethodologyFile.check(data)
            for issue in issues { print("\(issue.severity.rawValue): \(issue.path): \(issue.message)") }
            let errors = issues.filter { $0.severity == .error }.count
            guard let methodology, errors == 0 else { AppRunner.fail("\(file): \(errors) errori, la metodologia non è utilizzabile.") }
            print("\(file): metodologia «\(methodology.name)» valida" + (issues.isEmpty ? "." : " (\(issues.count) avvisi)."))
            return methodology
        }

        /// The scores of the ente's plan that would move, computed and validated, against the methodology in force.
        static func preview(_ candidate: Methodology, ente slug: String, year asked: Int?, app: Application) async throws {
            let stored = try await ente(slug, app: app)
            guard let plan = try await app.store.plan(enteID: stored.id, year: asked) else {
                print("L'ente non ha un piano\(asked.map { " per il \($0)" } ?? ""): nessun punteggio da confrontare.")
                return
            }
            let bundle = try await app.store.bundle(of: plan)
            let current = try await app.store.methodology(enteID: stored.id, year: plan.plan.year).methodology
            let before = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: current))
            let after = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: candidate))
            let lines = after.changes(from: before).compactMap { $0.italianLine(before: current.rounding, after: candidate.rounding) }
            print("Sul piano «\(plan.plan.title)» rispetto a «\(current.name)»: \(lines.count) punteggi cambiano.")
            for line in lines { print("  " + line) }
        }
    }
}
