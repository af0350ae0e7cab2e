import Foundation
import TraguardoCore
import TraguardoPersistence
import TraguardoSpreadsheet

/// The seeds as files: each demo plan as the JSON bundle, and as XLSX and ODS written by Traguardo itself.
public enum FuzzCorpus {
    public static func seeds() throws -> [FuzzInput] {
        var out: [FuzzInput] = []
        for file in DemoInstaller.bundledFiles().sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let data = try Data(contentsOf: file)
            let bundle = try BundleImporter.decode(data)
            let name = file.deletingPathExtension().lastPathComponent
            out.append(FuzzInput(kind: .json, data: data, origin: "\(name).json"))
            out.append(FuzzInput(kind: .xlsx, data: try PlanFileFormat.xlsx.encode(bundle), origin: "\(name).xlsx"))
            out.append(FuzzInput(kind: .ods, data: try PlanFileFormat.ods.encode(bundle), origin: "\(name).ods"))
        }
        return out
    }

    /// One mutant of a random seed, described by the mutation that made it.
    public static func mutant(of seeds: [FuzzInput], using rng: inout FuzzRandom) -> FuzzInput {
        let seed = seeds.randomElement(using: &rng)!
        var data = seed.data, steps: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let structured: (Data, String)? =
                switch seed.kind {
                case .json: rng.chance(0.7) ? JSONMutations.mutate(data, using: &rng) : nil
                case .xlsx, .ods: rng.chance(0.8) ? ArchiveMutations.mutate(data, using: &rng) : nil
                }
            let (next, how) = structured ?? ByteMutations.mutate(data, splice: seeds.randomElement(using: &rng)!.data, using: &rng)
            data = next
            steps.append(how)
        }
        return FuzzInput(kind: seed.kind, data: data, origin: "\(seed.origin) ← " + steps.joined(separator: "; "))
    }

    /// Hostile files every run feeds first: they must be refused quickly, in bounded memory, with a clear message.
    public static func hostile() -> [FuzzInput] {
        var out: [FuzzInput] = []
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        out.append(FuzzInput(kind: .json, data: Data(deep.utf8), origin: "JSON con 200.000 livelli annidati"))
        let long = #"{"format":"traguardo-plan","version":1,"plan":{"title":""# + String(repeating: "a", count: 5_000_000) + #""}}"#
        out.append(FuzzInput(kind: .json, data: Data(long.utf8), origin: "JSON con un testo di 5 milioni di caratteri"))
        out.append(FuzzInput(kind: .json, data: Data(), origin: "file vuoto"))
        out.append(FuzzInput(kind: .json, data: Data("\u{FEFF}null".utf8), origin: "JSON null con BOM"))
        out.append(FuzzInput(kind: .xlsx, data: Data("PK\u{3}\u{4}non è uno zip".utf8), origin: "intestazione zip e poi niente"))
        return out
    }
}
