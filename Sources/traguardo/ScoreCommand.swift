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
            let (stored, plan) = try await PlanLookup.plan(ente: ente, year: year, app: app)
            let bundle = try await app.store.bundle(of: plan)
            if let campaign, !bundle.campaigns.contains(where: { $0.key == campaign }) {
                AppRunner.fail("campagna \"\(campaign)\" inesistente; campagne del piano: \(bundle.campaigns.map(\.key).joined(separator: ", ")).")
            }
            let methodology: Methodology
            if let preset {
                guard let m = MethodologyStore.preset(preset) else {
                    AppRunner.fail(
                        "metodologia \"\(preset)\" inesistente; disponibili: \(MethodologyStore.presets.map(\.id).joined(separator: ", ")).")
                }
                methodology = m
            } else {
                methodology = try await app.store.methodology(enteID: stored.id, year: plan.plan.year).methodology
            }
            let report = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: methodology, campaignKey: campaign))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report.summary(explanations: true)), as: UTF8.self))
                return
            }
            print(ScoreSheet(report).plainText)
        }
    }
}
