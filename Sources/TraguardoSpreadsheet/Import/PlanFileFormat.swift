import Foundation
import TraguardoCore

/// The formats a plan is exported in, each re-importable as it is. The browser's download and
/// `traguardo export` choose and encode through this one type.
public enum PlanFileFormat: String, CaseIterable, Sendable {
    case json, xlsx, ods

    /// From a format name or a file extension ("json", "XLSX", "ods"); nil for anything else.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    public var fileExtension: String { rawValue }

    public var mediaType: String {
        switch self {
        case .json: "application/json"
        case .xlsx, .ods: spreadsheet!.mediaType
        }
    }

    var spreadsheet: SpreadsheetFormat? {
        switch self {
        case .json: nil
        case .xlsx: .xlsx
        case .ods: .ods
        }
    }

    public func encode(_ bundle: PlanBundle) throws -> Data {
        if let spreadsheet { return try PlanWorkbook.write(bundle, as: spreadsheet) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(bundle)
    }

    /// "Formato «pdf» non disponibile: usa json, xlsx oppure ods."
    public static func unsupported(_ name: String) -> String {
        "Formato «\(name)» non disponibile: usa " + allCases.map(\.rawValue).dropLast().joined(separator: ", ") + " oppure " + allCases.last!.rawValue
            + "."
    }
}
