import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoReports
import TraguardoWeb

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Genera un documento del ciclo della performance: PIAO 2.2, monitoraggio, Relazione, schede CdR, performance organizzativa, verbale, dati aperti.",
        discussion: """
            Tipi: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")).
            Formati: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (csv: «;», BOM e virgola decimale; csv-virgola: RFC 4180).
            Un documento con più tabelle in CSV è un file zip con un CSV per tabella. Il PDF richiede chromium o weasyprint.
            """)

    @ArgumentParser.Argument(help: "Tipo di documento.") var kind: String
    @ArgumentParser.Option(help: "Identificativo dell'ente.") var ente: String
    @ArgumentParser.Option(help: "Anno del piano (predefinito: il più recente).") var year: Int?
    @ArgumentParser.Option(help: "Chiave della campagna (predefinita: quella finale, o l'ultima).") var campaign: String?
    @ArgumentParser.Option(help: "Formato: pdf, html, xlsx, ods, csv, csv-virgola, json (predefinito: dall'estensione del file).")
    var format: String?
    @ArgumentParser.Option(name: .shortAndLong, help: "File di uscita (predefinito: standard output).") var output: String?
    @ArgumentParser.Option(help: "Impaginazione (JSON) al posto di quella salvata per l'ente.") var layout: String?

    func run() async throws {
        guard let kind = ReportKind(rawValue: kind) else {
            AppRunner.fail("tipo di documento «\(kind)» sconosciuto; tipi: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var chosen = format ?? output.map { ($0 as NSString).pathExtension.lowercased() }.flatMap { $0.isEmpty ? nil : $0 } ?? "html"
        if chosen == "zip" { chosen = ReportFormat.csv.rawValue }  // several tables as CSV come zipped
        guard let reportFormat = ReportFormat(rawValue: chosen) else {
            AppRunner.fail("formato «\(chosen)» sconosciuto; formati: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var override: ReportLayout?
        if let layout {
            guard let data = FileManager.default.contents(atPath: layout) else { AppRunner.fail("file \(layout) non trovato o non leggibile.") }
            do {
                override = try JSONDecoder().decode(ReportLayout.self, from: data)
            } catch {
                AppRunner.fail("\(layout) non è un'impaginazione valida: \(error)")
            }
        }
        try await AppRunner.run { app, _ in
            let (stored, plan) = try await PlanLookup.plan(ente: ente, year: year, app: app)
            let input: ReportInput
            do {
                input = try await ReportSources.input(
                    kind, store: app.store, enteID: stored.id, plan: plan, campaign: campaign, layout: override,
                    today: ItalianFormat.day(of: Date()))
            } catch let failure as ReportSources.Failure {
                AppRunner.fail(failure.description)
            }
            let started = Date()
            let document = ReportGenerator.document(kind, input)
            let rendered: ReportGenerator.Output
            do {
                rendered = try await ReportGenerator.render(document, as: reportFormat, pdf: PDFRenderers.detect())
            } catch let error as PDFRenderingError {
                AppRunner.fail(error.description)
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: rendered.data) else {
                    AppRunner.fail("impossibile scrivere \(output).")
                }
                let ms = Int(Date().timeIntervalSince(started) * 1000)
                FileHandle.standardError.write(
                    Data("\(kind.title) di \(stored.ente.name) scritto in \(output) (\(rendered.data.count) byte, \(ms) ms).\n".utf8))
            } else {
                FileHandle.standardOutput.write(rendered.data)
            }
        }
    }
}
