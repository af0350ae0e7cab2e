import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoWeb
import Vapor

struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Calcola i punteggi di un piano con la metodologia (SMVP) dell'ente: obiettivi, unità, livelli della cascata, ente.")

    @ArgumentParser.Option(help: "Identificativo dell'ente.") var ente: String
    @ArgumentParser.Option(help: "Anno del piano (predefinito: il più recente).") var year: Int?
    @ArgumentParser.Option(help: "Chiave della campagna di monitoraggio (predefinita: quella finale).") var campaign: String?
    @ArgumentParser.Option(help: "Usa una metodologia fornita invece di quella adottata dall'ente (es. generale).") var preset: String?
    @ArgumentParser.Flag(help: "Uscita JSON con le spiegazioni di ogni punteggio.") var json = false

    func run() async throws {
        try await AppRunner.run { app, _ in
            let bundle = try await PlanLookup.bundle(ente: ente, year: year, app: app)
            if let campaign, !bundle.campaigns.contains(where: { $0.key == campaign }) {
                AppRunner.fail("campagna \"\(campaign)\" inesistente; campagne del piano: \(bundle.campaigns.map(\.key).joined(separator: ", ")).")
            }
            let methodology: Methodology
            if let preset {
                guard let m = MethodologyStore.preset(preset) else {
                    AppRunner.fail("metodologia \"\(preset)\" inesistente; disponibili: \(MethodologyStore.presets.map(\.id).joined(separator: ", ")).")
                }
                methodology = m
            } else {
                let enteID = try await EnteStore.find(slug: ente, on: app.db)!.requireID()
                methodology = try await MethodologyStore.current(enteID: enteID, year: bundle.plan.year, on: app.db).methodology
            }
            let report = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: campaign))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report.summary(explanations: true)), as: UTF8.self))
                return
            }
            let f = { (v: Double?) in v.map { ItalianFormat.number($0, decimals: methodology.rounding.decimals) } ?? "—" }
            print("Metodologia: \(methodology.name) (v\(methodology.version)) — al \(report.plan.asOf.italian)")
            print("\nObiettivi (consuntivo / validato / effettivo):")
            for o in report.objectives {
                print("  \((o.code ?? o.key).padding(toLength: 12, withPad: " ", startingAt: 0)) \(f(o.computed)) / \(f(o.validated)) / \(f(o.effective))\(o.counted ? "" : " (non conteggiato)")  \(o.title.prefix(70))")
            }
            print("\nUnità organizzative:")
            for u in report.units { print("  \(u.name): \(f(u.score)) (\(u.counted) obiettivi conteggiati su \(u.total))") }
            let nodes = report.nodes
            if !nodes.isEmpty {
                print("\nLivelli della cascata:")
                for n in nodes { print("  \(n.name.prefix(70)): \(f(n.score))") }
            }
            print("\nEnte: media degli obiettivi \(f(report.ente.objectivesMean)) (\(report.ente.objectivesCounted)), media dei servizi \(f(report.ente.unitsMean)) (\(report.ente.unitsCounted))")
            if let org = report.organisational { print("\n" + org.italianText) }
            for issue in report.issues.prefix(10) { print("  ! \(issue)") }
        }
    }
}
