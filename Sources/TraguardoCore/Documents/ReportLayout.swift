/// An ente's layout choices, as data: the incumbents ship a print variant per customer, Traguardo one template
/// and these options. Every field has a default, so `{}` is a valid layout.
public struct ReportLayout: Hashable, Sendable, Codable {
    /// Card fields, in the order printed. Absent: every field the objective has.
    public var cardFields: [CardField]
    /// Units in this order (keys); units not listed follow in the plan's order.
    public var unitOrder: [String]
    /// Objectives shared by several units (trasversali) before the units' own, as the entes print them.
    public var crossCuttingFirst: Bool
    /// Section ids in this order (e.g. ["sintesi", "organizzativa", "obiettivi"]); others follow.
    public var sectionOrder: [String]
    /// Sections left out by id.
    public var hiddenSections: [String]
    /// The ente's logo as a data URI (`data:image/png;base64,…`), printed on the cover.
    public var logo: String?
    /// Fixed texts by place: "piao.introduzione", "monitoraggio.premessa", "relazione.premessa", "cdr.nota".
    public var texts: [String: String]
    /// Signatures at the end of each document.
    public var signatures: [Signature]
    /// CdR sheets print achievement as "99,08%" (true) or as points "99,08".
    public var scoresAsPercent: Bool
    /// CdR sheets list the objectives the Nucleo excluded (blank, with the reason). Many entes leave them off the
    /// sheet: what the Nucleo excluded is not part of the unit's evaluation. Objectives left out by their status
    /// (RINVIATO, NON VALUTABILE) stay, blank with the status, either way.
    public var cdrListsNucleoExclusions: Bool

    public init(
        cardFields: [CardField] = CardField.allCases, unitOrder: [String] = [], crossCuttingFirst: Bool = true,
        sectionOrder: [String] = [], hiddenSections: [String] = [], logo: String? = nil, texts: [String: String] = [:],
        signatures: [Signature] = [], scoresAsPercent: Bool = true, cdrListsNucleoExclusions: Bool = true
    ) {
        self.cardFields = cardFields
        self.unitOrder = unitOrder
        self.crossCuttingFirst = crossCuttingFirst
        self.sectionOrder = sectionOrder
        self.hiddenSections = hiddenSections
        self.logo = logo
        self.texts = texts
        self.signatures = signatures
        self.scoresAsPercent = scoresAsPercent
        self.cdrListsNucleoExclusions = cdrListsNucleoExclusions
    }

    /// Units in the layout's order; those it does not list follow in the given order.
    public func orderedUnits(_ units: [OrgUnit]) -> [OrgUnit] {
        let rank = { (u: OrgUnit) in unitOrder.firstIndex(of: u.key) ?? unitOrder.count }
        return units.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ReportLayout()
        self.init(
            cardFields: try c.decodeIfPresent([CardField].self, forKey: .cardFields) ?? d.cardFields,
            unitOrder: try c.decodeIfPresent([String].self, forKey: .unitOrder) ?? d.unitOrder,
            crossCuttingFirst: try c.decodeIfPresent(Bool.self, forKey: .crossCuttingFirst) ?? d.crossCuttingFirst,
            sectionOrder: try c.decodeIfPresent([String].self, forKey: .sectionOrder) ?? d.sectionOrder,
            hiddenSections: try c.decodeIfPresent([String].self, forKey: .hiddenSections) ?? d.hiddenSections,
            logo: try c.decodeIfPresent(String.self, forKey: .logo),
            texts: try c.decodeIfPresent([String: String].self, forKey: .texts) ?? d.texts,
            signatures: try c.decodeIfPresent([Signature].self, forKey: .signatures) ?? d.signatures,
            scoresAsPercent: try c.decodeIfPresent(Bool.self, forKey: .scoresAsPercent) ?? d.scoresAsPercent,
            cdrListsNucleoExclusions: try c.decodeIfPresent(Bool.self, forKey: .cdrListsNucleoExclusions) ?? d.cdrListsNucleoExclusions)
    }
}

/// The fields an objective's card can show.
public enum CardField: String, CaseIterable, Hashable, Sendable, Codable {
    case code = "codice"
    case parent = "collegamento"
    case units = "unita"
    case responsible = "responsabili"
    case referents = "assessori"
    case horizon = "orizzonte"
    case weight = "peso"
    case missionProgramme = "missione-programma"
    case classifications = "classificazioni"
    case description = "descrizione"
    case expectedOutcome = "risultato-atteso"
    case stakeholders = "stakeholder"
    case indicators = "indicatori"
    case phases = "fasi"
    case participants = "partecipanti"

    public var label: String {
        switch self {
        case .code: "Codice"
        case .parent: "Collegamento con la cascata (DUP)"
        case .units: "Unità responsabili"
        case .responsible: "Responsabile"
        case .referents: "Assessore di riferimento"
        case .horizon: "Orizzonte temporale"
        case .weight: "Peso"
        case .missionProgramme: "Missione e programma"
        case .classifications: "Classificazioni"
        case .description: "Descrizione"
        case .expectedOutcome: "Risultato atteso"
        case .stakeholders: "Portatori di interesse"
        case .indicators: "Indicatori"
        case .phases: "Fasi"
        case .participants: "Personale coinvolto"
        }
    }
}

/// The sections documents have, by id, for the layout's order and hidden lists.
public enum ReportSectionID {
    public static let all: [(id: String, label: String)] = [
        ("introduzione", "Introduzione (PIAO)"), ("mappa", "Mappa strategica (PIAO)"), ("premessa", "Premessa"),
        ("sintesi", "Sintesi dei risultati"), ("organizzativa", "Performance organizzativa"), ("strategico", "Controllo strategico"),
        ("obiettivi", "Schede degli obiettivi"), ("schede-cdr", "Schede dei centri di responsabilità (Relazione)"),
        ("approvazione", "Approvazione (Relazione)"), ("avvisi", "Avvisi sui dati"),
    ]

    /// The places of the layout's fixed texts.
    public static let texts: [(key: String, label: String)] = [
        ("piao.introduzione", "Introduzione della sottosezione 2.2 del PIAO"), ("monitoraggio.premessa", "Premessa del report di monitoraggio"),
        ("relazione.premessa", "Premessa della Relazione sulla performance"), ("cdr.nota", "Nota in calce a ogni scheda CdR"),
    ]
}

/// Who signs a document: «Il Segretario comunale», «Dott. Mario Rossi».
public struct Signature: Hashable, Sendable, Codable {
    public var role: String
    public var name: String?

    public init(role: String, name: String? = nil) {
        self.role = role
        self.name = name
    }
}
