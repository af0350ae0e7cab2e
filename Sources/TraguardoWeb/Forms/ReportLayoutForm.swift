import Foundation
import TraguardoCore
import Vapor

/// The layout form: positions of units, card fields and hidden sections as checkboxes, the fixed texts, one
/// signature per line ("Il Segretario comunale | Dott. Mario Rossi") and the logo as an uploaded image.
struct ReportLayoutForm: Content {
    var order: [String: String]?
    var fields: [String: String]?
    var hidden: [String: String]?
    var sectionOrder: String?
    var texts: [String: String]?
    var signatures: String?
    var crossCuttingFirst: String?
    var scoresAsPercent: String?
    var cdrListsNucleoExclusions: String?
    var logo: File?
    var removeLogo: String?

    static let logoTypes: [(prefix: [UInt8], type: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "image/png"), ([0xFF, 0xD8, 0xFF], "image/jpeg"),
    ]
    static let maxLogoBytes = 300 * 1024

    func apply(to base: ReportLayout, units: [OrgUnit]) -> Result<ReportLayout, FormError> {
        var layout = base
        var positions: [(String, Double, Int)] = []
        for (i, unit) in units.enumerated() {
            guard let text = order?[unit.key].nonEmpty else {
                positions.append((unit.key, Double(units.count + i), i))
                continue
            }
            guard let n = ItalianFormat.parseNumber(text) else {
                return .failure(FormError("«Posizione» di «\(unit.displayName)»: indica un numero (1 per la prima unità)."))
            }
            positions.append((unit.key, n, i))
        }
        layout.unitOrder = positions.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
        layout.cardFields = CardField.allCases.filter { fields?[$0.rawValue] != nil }
        layout.hiddenSections = ReportSectionID.all.map(\.id).filter { hidden?[$0] != nil }
        let known = Set(ReportSectionID.all.map(\.id))
        let order = (sectionOrder ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        if let unknown = order.first(where: { !known.contains($0) }) {
            return .failure(
                FormError(
                    "«Ordine delle sezioni»: «\(unknown)» non è una sezione; sezioni: \(ReportSectionID.all.map(\.id).joined(separator: ", ")).")
            )
        }
        layout.sectionOrder = order
        layout.texts = [:]
        for place in ReportSectionID.texts {
            if let text = texts?[place.key].nonEmpty { layout.texts[place.key] = text }
        }
        var signatures: [Signature] = []
        for (i, line) in (self.signatures ?? "").split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let role = parts.first, !role.isEmpty else { continue }
            guard role.count <= 200 else { return .failure(FormError("«Firme», riga \(i + 1): il ruolo è troppo lungo.")) }
            signatures.append(Signature(role: role, name: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil))
        }
        layout.signatures = signatures
        layout.crossCuttingFirst = crossCuttingFirst != nil
        layout.scoresAsPercent = scoresAsPercent != nil
        layout.cdrListsNucleoExclusions = cdrListsNucleoExclusions != nil
        if removeLogo != nil { layout.logo = nil }
        if let file = logo, file.data.readableBytes > 0 {
            let bytes = Array(file.data.readableBytesView)
            guard bytes.count <= Self.maxLogoBytes else {
                return .failure(FormError("«Stemma o logo»: il file «\(file.filename)» supera 300 KB."))
            }
            guard let type = Self.logoTypes.first(where: { bytes.starts(with: $0.prefix) })?.type else {
                return .failure(FormError("«Stemma o logo»: il file «\(file.filename)» non è un'immagine PNG o JPEG."))
            }
            layout.logo = "data:\(type);base64,\(Data(bytes).base64EncodedString())"
        }
        return .success(layout)
    }
}
