import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoWeb

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Gestione degli utenti.",
        subcommands: [Create.self, SetPassword.self, Token.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Crea un utente, con un ruolo in un ente o come amministratore di sistema.")

        @ArgumentParser.Option(help: "Nome utente (minuscole, cifre, . _ -).") var username: String
        @ArgumentParser.Option(help: "Nome e cognome.") var name: String
        @ArgumentParser.Option(help: "Password; se omessa si legge da TRAGUARDO_PASSWORD.") var password: String?
        @ArgumentParser.Flag(help: "Amministratore di sistema.") var admin = false
        @ArgumentParser.Option(help: "Ruolo nell'ente: segretario, responsabile, nucleo, lettore.") var role: String?
        @ArgumentParser.Option(help: "Identificativo dell'ente (es. cassano-d-adda).") var ente: String?
        @ArgumentParser.Option(help: "Codice dell'unità, per il responsabile (ripetibile).") var unit: [String] = []
        @ArgumentParser.Option(help: "Indirizzo e-mail, per i promemoria.") var email: String?
        @ArgumentParser.Option(help: "Chiave della persona nell'organigramma, per il responsabile: le unità che dirige in ogni data sono sue.")
        var person: String?

        func run() async throws {
            guard let password = password ?? ProcessInfo.processInfo.environment["TRAGUARDO_PASSWORD"] else {
                AppRunner.fail("indica la password con --password oppure con la variabile TRAGUARDO_PASSWORD.")
            }
            try await AppRunner.run { app, _ in
                var grants: [Grant] = []
                if let roleText = role {
                    guard let role = Role(rawValue: roleText), Role.enteRoles.contains(role) else {
                        AppRunner.fail("--role \(roleText) non valido: usa segretario, responsabile, nucleo o lettore.")
                    }
                    guard let slug = ente, let record = try await EnteStore.find(slug: slug, on: app.db), let enteID = record.id else {
                        AppRunner.fail("--ente mancante o inesistente: indica l'identificativo di un ente esistente.")
                    }
                    var unitIDs = Set<UUID>()
                    if !unit.isEmpty {
                        let org = try await OrganisationStore.snapshot(enteID: enteID, on: app.db)
                        for code in unit {
                            guard let u = org.units.first(where: { $0.code == code || $0.key == code }), let id = org.unitIDs[u.key] else {
                                AppRunner.fail("--unit \(code): unità inesistente nell'ente \(slug).")
                            }
                            unitIDs.insert(id)
                        }
                    }
                    if role == .responsabile && unitIDs.isEmpty && person == nil {
                        AppRunner.fail("un responsabile ha bisogno di almeno un --unit oppure di --person.")
                    }
                    if let person {
                        let org = try await OrganisationStore.snapshot(enteID: enteID, on: app.db)
                        guard org.person(person) != nil else { AppRunner.fail("--person \(person): persona inesistente nell'ente \(slug).") }
                    }
                    grants.append(Grant(enteID: enteID, role: role, unitIDs: unitIDs, personKey: role == .responsabile ? person : nil))
                } else if !admin {
                    AppRunner.fail("indica --admin oppure --role con --ente.")
                }
                try await app.userStore.create(
                    NewUser(username: username, displayName: name, password: password, isSystemAdmin: admin, grants: grants, email: email),
                    on: app.db, actor: .system)
                print("Utente \(username) creato.")
            }
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-password", abstract: "Imposta una nuova password e sblocca l'account.")

        @ArgumentParser.Option var username: String
        @ArgumentParser.Option(help: "Nuova password; se omessa si legge da TRAGUARDO_PASSWORD.") var password: String?

        func run() async throws {
            guard let password = password ?? ProcessInfo.processInfo.environment["TRAGUARDO_PASSWORD"] else {
                AppRunner.fail("indica la password con --password oppure con la variabile TRAGUARDO_PASSWORD.")
            }
            try await AppRunner.run { app, _ in
                try await app.userStore.setPassword(username: username, password: password, on: app.db, actor: .system)
                print("Password di \(username) aggiornata.")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crea un token per l'API (Authorization: Bearer …) con i diritti dell'utente; viene mostrato una sola volta.")

        @ArgumentParser.Option var username: String
        @ArgumentParser.Option(help: "A che cosa serve, es. \"gestionale contabilità\".") var name: String

        func run() async throws {
            try await AppRunner.run { app, _ in
                let (token, hash) = APIToken.generate()
                try await app.store.createAPIToken(username: username, name: name, tokenHash: hash, actor: .system)
                print(token)
            }
        }
    }
}
