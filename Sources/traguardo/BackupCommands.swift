import ArgumentParser
import Foundation
import TraguardoPersistence
import TraguardoWeb

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Salva tutto il database in un archivio portabile (zip), anche a server avviato.",
        discussion: """
            Enti, organizzazione, piani e versioni, campagne, valori, validazioni, evidenze, metodologie, utenti \
            (con le impronte delle password: proteggete il file), token, coda e-mail e registro delle modifiche. \
            L'archivio è lo stesso da SQLite o da PostgreSQL e si ripristina su entrambi con «traguardo restore».
            """)

    @ArgumentParser.Option(name: .shortAndLong, help: "File dell'archivio da scrivere.") var output: String

    func run() async throws {
        try await AppRunner.run(migrate: false) { app, _ in
            let start = Date()
            let manifest = try await BackupWriter.write(from: app.db, to: URL(fileURLWithPath: output))
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
            FileHandle.standardError.write(
                Data(
                    "Backup scritto in \(output): \(manifest.tables.count) tabelle, \(manifest.totalRows) righe, \(size / 1024) KiB, \(Int(Date().timeIntervalSince(start) * 1000)) ms.\n"
                        .utf8))
        }
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ripristina un archivio di «traguardo backup» in un'unica transazione: tutto o niente.",
        discussion: "Il database di destinazione viene migrato e deve essere vuoto, salvo --sostituisci. Riavviate il server dopo il ripristino.")

    @ArgumentParser.Argument(help: "Archivio scritto da «traguardo backup».") var file: String
    @ArgumentParser.Flag(name: .customLong("sostituisci"), help: "Sostituisce il contenuto di un database non vuoto.") var replace = false
    @ArgumentParser.Flag(name: .customLong("verifica"), help: "Legge e controlla l'archivio senza scrivere nel database.") var verifyOnly = false

    func run() async throws {
        let archive: BackupArchive
        do {
            archive = try BackupArchive(url: URL(fileURLWithPath: file))
        } catch {
            AppRunner.fail("\(error)")
        }
        if verifyOnly {
            do {
                try await archive.verify()
            } catch {
                AppRunner.fail("\(error)")
            }
            print(
                "Archivio integro: \(archive.manifest.tables.count) tabelle, \(archive.manifest.totalRows) righe (Traguardo \(archive.manifest.traguardoVersion))."
            )
            return
        }
        try await AppRunner.run { app, _ in
            let start = Date()
            let manifest = try await BackupRestorer.restore(archive, into: app.db, replace: replace)
            print(
                "Ripristinate \(manifest.totalRows) righe in \(manifest.tables.count) tabelle in \(Int(Date().timeIntervalSince(start) * 1000)) ms. Verifica con «traguardo check»."
            )
        }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verifica l'integrità del database e di ogni piano; dice in italiano che cosa non va (uscita 1 se c'è un problema).")

    @ArgumentParser.Flag(name: .shortAndLong, help: "Elenca anche ciò che è stato controllato.") var verbose = false

    func run() async throws {
        let healthy = try await AppRunner.run(migrate: false) { app, _ in
            let report = try await IntegrityCheck.run(on: app.db)
            if verbose { for line in report.checked { print("✓ \(line)") } }
            for finding in report.findings { print("✗ \(finding.place): \(finding.problem)") }
            print(
                report.isHealthy
                    ? "Nessun problema: \(report.checked.count) controlli superati."
                    : "\(report.findings.count) problemi trovati in \(report.checked.count + report.findings.count) controlli.")
            return report.isHealthy
        }
        if !healthy { throw ExitCode(1) }
    }
}
