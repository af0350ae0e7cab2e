import ArgumentParser
import TraguardoWeb

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Crea o aggiorna le tabelle del database; tutto o niente.")

    func run() async throws {
        try await AppRunner.run { _, settings in
            print("Database aggiornato (\(settings.database.engineName): \(settings.database.redacted)).")
        }
    }
}
