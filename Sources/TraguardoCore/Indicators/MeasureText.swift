import Foundation

/// A baseline, target or actual as a user types it, read by the indicator's form. The one parser behind the
/// web form and the spreadsheet, so "31/06/2024" or "forse" is refused with the same words in both.
public enum MeasureEntry: Hashable, Sendable {
    case number(Double), date(Day), flag(Bool), text(String)
}

public enum MeasureTextError: Error, Hashable, Sendable {
    case invalidDate(String), invalidFlag(String), invalidNumber(String)

    /// Italian, without the place (the caller names the field or the cell). `wordsGoTo` says where a value in
    /// words belongs, for the number error ("nella colonna \"Valore atteso: testo\"").
    public func message(wordsGoTo: String? = nil) -> String {
        switch self {
        case .invalidDate(let s): "\(Self.quoted(s)) non è una data valida (gg/mm/aaaa)."
        case .invalidFlag(let s): "\(Self.quoted(s)) non è un valore valido: scrivere SI oppure NO."
        case .invalidNumber(let s):
            "\(Self.quoted(s)) non è un numero valido (es. 1.234,56)" + (wordsGoTo.map { "; un valore non numerico va \($0)." } ?? ".")
        }
    }

    static func quoted(_ s: String) -> String { "\"" + (s.count > 60 ? String(s.prefix(57)) + "…" : s) + "\"" }
}

public enum MeasureText {
    /// A number when it reads as one; otherwise what the form expects: a date for Data, SI/NO for SI/NO, words
    /// for a milestone or text. Anything else is an error.
    public static func parse(_ text: String, form: IndicatorForm?) -> Result<MeasureEntry, MeasureTextError> {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let v = ItalianFormat.parseNumber(s), v.isFinite { return .success(.number(v)) }
        if form == .date || looksLikeDate(s) {
            return Day(parsing: s).map { .success(.date($0)) } ?? .failure(.invalidDate(s))
        }
        if form == .boolean {
            return flag(s).map { .success(.flag($0)) } ?? .failure(.invalidFlag(s))
        }
        if form == .milestone { return .success(.text(s)) }
        return .failure(.invalidNumber(s))
    }

    /// "31/06/2024", "2024-06-31": something meant as a date, valid or not.
    public static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { "/.-".contains($0) })
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && text.contains(where: { $0 == "/" || $0 == "-" })
    }

    private static let yes: Set<String> = ["si", "s", "x", "vero", "true", "yes", "y", "1", "si'"]
    private static let no: Set<String> = ["no", "n", "falso", "false", "0"]

    /// SI/NO in its many spellings ("Sì", "x", "vero", "NO").
    public static func flag(_ text: String) -> Bool? {
        let f = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\u{2019}", with: "'")
        return yes.contains(f) ? true : no.contains(f) ? false : nil
    }
}

/// What baselines, actuals and targets share: one typed value among number, date, flag and text.
public protocol TypedValue {
    init(raw: String?)
    var number: Double? { get set }
    var date: Day? { get set }
    var flag: Bool? { get set }
    var text: String? { get set }
}

extension TypedValue {
    /// A value holding one typed entry, with the text as written.
    public init(_ entry: MeasureEntry, raw: String?) {
        self.init(raw: raw)
        switch entry {
        case .number(let v): number = v
        case .date(let d): date = d
        case .flag(let b): flag = b
        case .text(let s): text = s
        }
    }
}

extension Measure: TypedValue {
    public init(raw: String?) { self.init(number: nil, raw: raw) }
}

extension Target: TypedValue {
    public init(raw: String?) { self.init(number: nil, raw: raw) }
}
