import Foundation

/// Why bytes are not a plan bundle this installation can read, in Italian.
public enum BundleDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongFormat(String)
    case newerVersion(Int)
    case decoding(String)

    public var description: String {
        switch self {
        case .wrongFormat(let f): "Il file non è un pacchetto Traguardo (formato \"\(f)\", atteso \"\(PlanBundle.formatName)\")."
        case .newerVersion(let v):
            "Il pacchetto è nella versione \(v), più recente di questa installazione (\(PlanBundle.currentVersion)): aggiorna Traguardo."
        case .decoding(let message): "Pacchetto non valido: \(message)"
        }
    }
}

extension PlanBundle {
    /// Decodes a JSON plan bundle and checks its format name and version.
    public static func decode(_ data: Data) throws(BundleDecodingError) -> PlanBundle {
        if let excess = InputLimits.checkJSON(data) { throw .decoding(excess) }
        let bundle: PlanBundle
        do {
            bundle = try JSONDecoder().decode(PlanBundle.self, from: data)
        } catch let error as DecodingError {
            throw .decoding(BundleDecodingMessage.italian(error))
        } catch {
            throw .decoding("\(error)")
        }
        guard bundle.format == formatName else { throw .wrongFormat(bundle.format) }
        guard bundle.version <= currentVersion else { throw .newerVersion(bundle.version) }
        return bundle
    }
}
