import ArgumentParser
import Foundation
import TraguardoPersistence
import TraguardoWeb
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Avvia il server web (migra il database; al primo avvio su un database vuoto carica la demo).")

    @ArgumentParser.Option(help: "Indirizzo su cui ascoltare.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Porta su cui ascoltare.") var port = 8080

    func run() async throws {
        try await AppRunner.run(arguments: ["traguardo", "serve", "--hostname", hostname, "--port", String(port)]) { app, settings in
            if settings.demoOnEmptyDatabase, try await DemoInstaller.isEmpty(app.db) {
                let accounts = try await Demo.install(on: app)
                Demo.printAccounts(accounts)
            }
            print("Traguardo in ascolto su http://\(hostname):\(port) (database \(settings.database.engineName): \(settings.database.redacted))")
            try await app.execute()
        }
    }
}
