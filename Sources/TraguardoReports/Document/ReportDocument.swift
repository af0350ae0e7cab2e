import TraguardoCore

/// One document as every format renders it: HTML and PDF lay it out, spreadsheets take its tables, CSV and JSON
/// its data. Builders make it from the plan and the scores once, so the formats cannot disagree.
public struct ReportDocument: Sendable, Encodable {
    public var kind: ReportKind
    public var title: String
    /// "Comune di Pisogne": printed in every page header.
    public var enteName: String
    public var subtitle: String?
    /// The cover's lines under the title: the approving act, the reference date, the methodology.
    public var cover: [String]
    public var sections: [ReportSection]
    /// Who signs at the end ("Il Segretario comunale", name).
    public var signatures: [Signature]
    /// Printed at the foot of every page: "Traguardo · generato il 07/12/2026".
    public var generatedOn: Day
    /// The ente's logo (a data URI), from its layout.
    public var logo: String?
    /// DCAT-AP_IT metadata of the open-data document.
    public var metadata: OpenDataMetadata?

    public init(
        kind: ReportKind, title: String, enteName: String, subtitle: String? = nil, cover: [String] = [], sections: [ReportSection] = [],
        signatures: [Signature] = [], generatedOn: Day
    ) {
        self.kind = kind
        self.title = title
        self.enteName = enteName
        self.subtitle = subtitle
        self.cover = cover
        self.sections = sections
        self.signatures = signatures
        self.generatedOn = generatedOn
    }

    /// Every table of the document, depth first, in reading order: the sheets of its spreadsheet.
    public var tables: [ReportTable] {
        func collect(_ blocks: [ReportBlock]) -> [ReportTable] {
            blocks.flatMap { block -> [ReportTable] in
                switch block {
                case .table(let t): [t]
                case .section(let s): collect(s.blocks)
                case .chart(let c): c.table.map { [$0] } ?? []
                default: []
                }
            }
        }
        return sections.flatMap { collect($0.blocks) }.filter(\.exported)
    }
}

/// A chapter, or a card inside one (`keepTogether`: an objective's card does not start at the foot of a page).
public struct ReportSection: Sendable, Encodable {
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]
    /// Starts on a new page when printed (each CdR sheet, each chapter of the PIAO).
    public var pageBreakBefore: Bool
    public var keepTogether: Bool

    public init(id: String, title: String, blocks: [ReportBlock] = [], pageBreakBefore: Bool = false, keepTogether: Bool = false) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.pageBreakBefore = pageBreakBefore
        self.keepTogether = keepTogether
    }
}

public indirect enum ReportBlock: Sendable, Encodable {
    case paragraph(String)
    /// Label–value pairs: the definition part of a card.
    case facts([Fact])
    case table(ReportTable)
    case chart(ReportChart)
    /// A remark in the reader's attention: an inconsistency of the source, a partial figure.
    case note(String)
    case section(ReportSection)

    enum CodingKeys: String, CodingKey { case type, text, facts, table, chart, section }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let t):
            try c.encode("paragrafo", forKey: .type)
            try c.encode(t, forKey: .text)
        case .facts(let f):
            try c.encode("campi", forKey: .type)
            try c.encode(f, forKey: .facts)
        case .table(let t):
            try c.encode("tabella", forKey: .type)
            try c.encode(t, forKey: .table)
        case .chart(let chart):
            try c.encode("grafico", forKey: .type)
            try c.encode(chart, forKey: .chart)
        case .note(let t):
            try c.encode("nota", forKey: .type)
            try c.encode(t, forKey: .text)
        case .section(let s):
            try c.encode("sezione", forKey: .type)
            try c.encode(s, forKey: .section)
        }
    }
}

public struct Fact: Hashable, Sendable, Encodable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
