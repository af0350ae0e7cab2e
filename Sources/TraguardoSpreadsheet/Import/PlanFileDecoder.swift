import Foundation
import TraguardoCore

/// Turns an uploaded or named file into a bundle: a JSON plan bundle, or the spreadsheet template filled in
/// (XLSX or ODS, recognised by content as well as by name). Used by the browser upload and `traguardo import`.
public enum PlanFileDecoder {
    public static let acceptedExtensions = ["json", "xlsx", "ods"]

    public static func decode(_ data: Data, filename: String) throws(PlanFileError) -> PlanBundle {
        let ext = (filename as NSString).pathExtension.lowercased()
        if let format = SpreadsheetFormat.detect(data) ?? SpreadsheetFormat(fileExtension: ext) {
            do {
                return try PlanWorkbook.read(data, as: format)
            } catch let errors as WorkbookErrors {
                throw PlanFileError(messages: errors.errors.map(\.description))
            } catch {
                throw PlanFileError(messages: ["\(filename): \(error)"])
            }
        }
        guard ext == "json" else {
            throw PlanFileError(messages: [
                "\(filename): formato non supportato; usa un file \(acceptedExtensions.map { ".\($0)" }.joined(separator: ", "))."
            ])
        }
        do { return try PlanBundle.decode(data) } catch { throw PlanFileError(messages: ["\(filename): \(error.description)"]) }
    }
}

public struct PlanFileError: Error, CustomStringConvertible {
    public let messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}
