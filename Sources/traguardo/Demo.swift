import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoWeb
import Vapor

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Installa gli enti dimostrativi (i quattro documenti di esempio) e un utente per ogni ruolo, su un database vuoto.")

    func run() async throws {
        try await AppRunner.run { app, _ in
            guard try await DemoInstaller.isEmpty(app.db) else {
                AppRunner.fail("il database contiene già dati: la demo si installa solo su un database vuoto (indica un altro DATABASE_URL).")
            }
            Demo.printAccounts(try await Demo.install(on: app))
        }
    }

    static func install(on app: Application) async throws -> [DemoInstaller.Account] {
        var bundles: [PlanBundle] = []
        for file in DemoInstaller.bundledFiles() {
            do {
                bundles.append(try BundleImporter.decode(try Data(contentsOf: file)))
            } catch {
                AppRunner.fail("pacchetto demo \(file.lastPathComponent) non leggibile: \(error)")
            }
        }
        let accounts = try await DemoInstaller(users: app.userStore).install(on: app.db, bundles: bundles)
        print("Demo installata: \(bundles.map(\.ente.name).joined(separator: ", ")).")
        return accounts
    }

    static func printAccounts(_ accounts: [DemoInstaller.Account]) {
        print("Utenti dimostrativi (password per tutti: \(DemoInstaller.password)):")
        for a in accounts {
            print("  \(a.username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(a.role.label) — \(a.scope)")
        }
        print("Cambia le password prima di usare l'installazione con dati reali.")
    }
}
