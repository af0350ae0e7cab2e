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
            if let mail = settings.mail {
                print("E-mail: invio tramite \(mail.host):\(mail.port) (\(mail.security.rawValue)) da \(mail.from.address)")
            } else {
                print("E-mail: SMTP_HOST non impostato, i promemoria restano nella coda visibile nelle pagine")
            }
            // Automatic reminders and the outbox, once a minute, for as long as the server runs.
            let worker = app.mailWorker(fallbackBaseURL: "http://\(hostname):\(port)")
            let mailTask = Task { await worker.run() }
            defer { mailTask.cancel() }
            try await app.execute()
        }
    }
}
