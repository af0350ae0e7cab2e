import ArgumentParser
import Foundation
import Logging
import TraguardoPersistence
import TraguardoWeb
import Vapor

/// Creates, configures and tears down the application around a command, turning the usual start-up
/// failures into one Italian line and a non-zero exit.
enum AppRunner {
    static func run<T>(arguments: [String] = ["traguardo"], migrate: Bool = true, _ body: (Application, Settings) async throws -> T) async throws -> T
    {
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch {
            fail("\(error)")
        }
        var env = Environment(name: ProcessInfo.processInfo.environment["TRAGUARDO_ENV"] ?? "production", arguments: arguments)
        if ProcessInfo.processInfo.environment["TRAGUARDO_LOG_FORMAT"]?.lowercased() == "json" {
            let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        } else {
            try LoggingSystem.bootstrap(from: &env)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            if migrate {
                do {
                    try await app.prepareDatabase()
                } catch {
                    throw StartupError.database(settings.database, error)
                }
            }
            let result = try await body(app, settings)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            if error is ExitCode || error is CleanExit { throw error }
            fail(describe(error, settings: settings))
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("traguardo: errore: \(message)\n".utf8))
        Foundation.exit(1)
    }

    static func describe(_ error: any Error, settings: Settings) -> String {
        if let fault = StorageFault(error) { return fault.description }
        let text = String(reflecting: error)
        switch error {
        case StartupError.database(let location, let underlying):
            let detail = String(reflecting: underlying)
            switch location {
            case .postgres:
                if detail.contains("connect") || detail.contains("Connection refused") || detail.contains("connectTimeout")
                    || detail.contains("NIOConnectionError")
                {
                    return
                        "PostgreSQL non raggiungibile (\(location.redacted)): verifica che il server sia avviato e che host, porta e credenziali in DATABASE_URL siano corretti."
                }
                if detail.contains("28P01") || detail.contains("password") {
                    return "PostgreSQL ha rifiutato le credenziali (\(location.redacted)): correggi utente e password in DATABASE_URL."
                }
                if detail.contains("3D000") {
                    return "Il database indicato in DATABASE_URL non esiste (\(location.redacted)): crealo con createdb oppure correggi il nome."
                }
                return
                    "Migrazione del database non riuscita su PostgreSQL (\(location.redacted)); nessuna modifica parziale è stata salvata. Dettaglio: \(detail)"
            case .sqliteFile(let path):
                return
                    "Impossibile aprire o aggiornare il database SQLite \(path): verifica che la cartella esista e sia scrivibile. Dettaglio: \(detail)"
            case .sqliteMemory:
                return "Migrazione del database non riuscita. Dettaglio: \(detail)"
            }
        default:
            if text.contains("Address already in use") || text.contains("errno: 98") {
                return
                    "La porta è già occupata da un altro programma: avvia con un'altra porta, ad esempio `traguardo serve --port 8081`, oppure chiudi il programma che la usa."
            }
            if let described = error as? any CustomStringConvertible, !(error is any AbortError) {
                return described.description
            }
            return text
        }
    }
}

enum StartupError: Error {
    case database(DatabaseLocation, any Error)
}
