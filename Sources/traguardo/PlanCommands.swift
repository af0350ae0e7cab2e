import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet
import TraguardoWeb
import Vapor

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Importa un piano (pacchetto JSON, oppure il modello XLSX/ODS compilato) in un ente; tutto o niente.",
        discussion: "Le unità e le persone già presenti (stessa chiave) restano come sono; il piano si sostituisce solo con --replace.")

    @ArgumentParser.Argument(help: "File del piano (.json, .xlsx, .ods).") var file: String
    @ArgumentParser.Option(help: "Identificativo dell'ente di destinazione (creato se non esiste).") var ente: String?
    @ArgumentParser.Flag(help: "Mostra cosa cambierebbe senza scrivere nulla.") var dryRun = false
    @ArgumentParser.Flag(help: "Sostituisce un piano con la stessa chiave.") var replace = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { AppRunner.fail("file \(file) non trovato o non leggibile.") }
        let bundle: PlanBundle
        do {
            bundle = try PlanFileDecoder.decode(data, filename: file)
        } catch {
            AppRunner.fail("\(file) non importato, nulla è stato scritto:\n" + error.messages.map { "  - \($0)" }.joined(separator: "\n"))
        }
        try await AppRunner.run { app, _ in
            let summary = try await app.store.importBundle(
                bundle, options: .init(slug: ente, replacePlan: replace, dryRun: dryRun),
                actor: Actor(id: nil, name: "cli"))
            print(dryRun ? "Prova (nessuna modifica salvata) — l'importazione farebbe:" : "Importazione completata:")
            print("  ente \(summary.enteSlug)\(summary.enteCreated ? " (nuovo)" : "")")
            print(
                "  unità: \(summary.unitsCreated) nuove, \(summary.unitsKept) già presenti; persone: \(summary.peopleCreated) nuove, \(summary.peopleKept) già presenti; incarichi: \(summary.assignmentsCreated)"
            )
            print(
                "  piano \(summary.planKey)\(summary.planReplaced ? " (sostituito)" : ""): \(summary.nodes) nodi, \(summary.phases) fasi, \(summary.indicators) indicatori, \(summary.participations) partecipazioni, \(summary.values) valori"
            )
            if let version = summary.methodologyVersion {
                print("  metodologia del pacchetto adottata per il piano (versione \(version))")
            }
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Esporta il piano di un ente (JSON, XLSX oppure ODS), rileggibile con import.")

    @ArgumentParser.Option(help: "Identificativo dell'ente.") var ente: String
    @ArgumentParser.Option(help: "Anno del piano (predefinito: il più recente).") var year: Int?
    @ArgumentParser.Option(name: .shortAndLong, help: "File di uscita (predefinito: standard output).") var output: String?
    @ArgumentParser.Option(help: "Formato: json, xlsx, ods (predefinito: dall'estensione del file, altrimenti json).") var format: String?

    func run() async throws {
        try await AppRunner.run { app, _ in
            let (stored, plan) = try await PlanLookup.plan(ente: ente, year: year, app: app)
            var bundle = try await app.store.bundle(of: plan)
            // The JSON carries the SMVP it is scored with, so the figures can be reproduced where it is imported.
            bundle.methodology = try await app.store.methodology(enteID: stored.id, year: plan.plan.year).methodology
            let chosen = format ?? output.map { ($0 as NSString).pathExtension.lowercased() }.flatMap { $0.isEmpty ? nil : $0 } ?? "json"
            guard let fileFormat = PlanFileFormat(name: chosen) else { AppRunner.fail(PlanFileFormat.unsupported(chosen)) }
            let data = try fileFormat.encode(bundle)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: data) else { AppRunner.fail("impossibile scrivere \(output).") }
                FileHandle.standardError.write(Data("Esportato \(bundle.plan.key) in \(output).\n".utf8))
            } else {
                FileHandle.standardOutput.write(data)
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Conta unità, persone, nodi per livello, fasi, indicatori e avvisi del piano di un ente.")

    @ArgumentParser.Option(help: "Identificativo dell'ente.") var ente: String
    @ArgumentParser.Option(help: "Anno del piano (predefinito: il più recente).") var year: Int?
    @ArgumentParser.Flag(help: "Uscita JSON.") var json = false

    func run() async throws {
        try await AppRunner.run { app, _ in
            let bundle = try await PlanLookup.bundle(ente: ente, year: year, app: app)
            let warnings = PlanWarnings.check(bundle)
            let stats = PlanStatistics(bundle, warnings: warnings.count)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(StatsOutput(statistics: stats, warnings: warnings)), as: UTF8.self))
            } else {
                stats.lines.forEach { print($0) }
                for w in warnings.prefix(20) { print("  - \(w.message)") }
                if warnings.count > 20 { print("  … e altri \(warnings.count - 20) avvisi (usa --json per l'elenco completo)") }
            }
        }
    }

    struct StatsOutput: Encodable {
        let statistics: PlanStatistics
        let warnings: [PlanWarning]
    }
}

/// The plan a command names (`--ente`, `--year`), looked up once for every command.
enum PlanLookup {
    static func plan(ente slug: String, year: Int?, app: Application) async throws -> (StoredEnte, StoredPlan) {
        guard let ente = try await app.store.ente(slug: slug) else { AppRunner.fail("ente \"\(slug)\" inesistente.") }
        guard let plan = try await app.store.plan(enteID: ente.id, year: year) else {
            AppRunner.fail(year.map { "l'ente \(slug) non ha un piano per il \($0)." } ?? "l'ente \(slug) non ha ancora un piano.")
        }
        return (ente, plan)
    }

    static func bundle(ente slug: String, year: Int?, app: Application) async throws -> PlanBundle {
        try await app.store.bundle(of: try await plan(ente: slug, year: year, app: app).1)
    }
}

struct Template: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scrive il modello di foglio di calcolo (un foglio per entità, intestazioni in italiano, istruzioni) da compilare e importare.")

    @ArgumentParser.Option(name: .shortAndLong, help: "File di uscita (.xlsx oppure .ods).") var output: String
    @ArgumentParser.Option(help: "Identificativo dell'ente da indicare nel modello.") var ente = "nuovo-ente"
    @ArgumentParser.Option(help: "Primo anno del piano.") var year = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1

    func run() throws {
        guard let format = SpreadsheetFormat(fileExtension: (output as NSString).pathExtension.lowercased()) else {
            AppRunner.fail("\(output): usa l'estensione .xlsx oppure .ods.")
        }
        let plan = Plan(
            key: PlanKeys.plan(firstYear: year, lastYear: year + 2), title: "PIAO \(year)-\(year + 2)", firstYear: year, lastYear: year + 2,
            year: year)
        let data = try PlanWorkbook.template(ente: Ente(slug: ente, name: "Comune di …", kind: .comune), plan: plan, as: format)
        guard FileManager.default.createFile(atPath: output, contents: data) else { AppRunner.fail("impossibile scrivere \(output).") }
        print("Modello scritto in \(output).")
    }
}
