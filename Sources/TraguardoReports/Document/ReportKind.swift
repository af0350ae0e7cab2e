import TraguardoCore

/// The documents an ente publishes every year, as `traguardo report KIND` and the download buttons name them.
public enum ReportKind: String, CaseIterable, Hashable, Sendable, Encodable {
    case piaoPerformance = "piao-performance"
    case monitoring
    case relazione
    case cdrSheets = "cdr-sheets"
    case orgPerformance = "org-performance"
    case verbale
    case openData = "open-data"

    public var title: String {
        switch self {
        case .piaoPerformance: "PIAO – Sottosezione 2.2 Performance"
        case .monitoring: "Report di monitoraggio (stato di attuazione)"
        case .relazione: "Relazione sulla performance"
        case .cdrSheets: "Schede di valutazione per centro di responsabilità"
        case .orgPerformance: "Performance organizzativa"
        case .verbale: "Verbale del Nucleo di Valutazione"
        case .openData: "Dati aperti: piano e risultati"
        }
    }

    /// File names: "monitoraggio-pisogne-2024-…".
    public var fileStem: String {
        switch self {
        case .piaoPerformance: "piao-performance"
        case .monitoring: "monitoraggio"
        case .relazione: "relazione-performance"
        case .cdrSheets: "schede-cdr"
        case .orgPerformance: "performance-organizzativa"
        case .verbale: "verbale-nucleo"
        case .openData: "dati-aperti"
        }
    }

    /// Documents of a campaign's results; the PIAO section is of the plan alone.
    public var usesCampaign: Bool { self != .piaoPerformance }

    /// What the document is, in a line, for the download page.
    public var summary: String {
        switch self {
        case .piaoPerformance: "Mappa strategica e una scheda per obiettivo con indicatori, valori di partenza e attesi, fasi e personale."
        case .monitoring: "Per ogni obiettivo valori rilevati, stato, punteggio calcolato e validato; sintesi per unità, raggruppamento e indirizzo."
        case .relazione: "Risultati dell'anno con performance organizzativa, schede dei centri di responsabilità e atto di approvazione."
        case .cdrSheets: "Una scheda per centro di responsabilità con gli obiettivi, il grado e la percentuale di raggiungimento complessiva."
        case .orgPerformance: "Punti per dimensione e in totale, con gli indicatori di ente; le dimensioni senza dati restano «non rilevate»."
        case .verbale: "I verbali del Nucleo della campagna e le validazioni obiettivo per obiettivo."
        case .openData: "Piano e risultati in tabelle CSV e JSON con i metadati DCAT-AP_IT, per Amministrazione Trasparente."
        }
    }

    /// Whether the document is published, so a lettore (or the public) may download it: the PIAO section once the
    /// plan is approved; results once the plan is validated and the final campaign closed; minutes and monitoring
    /// reports never (they are the Nucleo's and the segretario's working papers).
    public func isPublished(plan: PlanState, campaign: Campaign?) -> Bool {
        switch self {
        case .piaoPerformance: plan.isFrozen
        case .relazione, .cdrSheets, .orgPerformance, .openData:
            (plan == .validato || plan == .pubblicato) && campaign?.isFinal == true && campaign?.state == .chiusa
        case .monitoring, .verbale: false
        }
    }
}

/// The file formats of every document.
public enum ReportFormat: String, CaseIterable, Hashable, Sendable {
    case pdf, html, xlsx, ods
    /// Semicolon-separated, UTF-8 with BOM, decimal comma: what an Italian spreadsheet opens as it is.
    case csv
    /// RFC 4180: comma-separated, UTF-8, decimal point, for open-data portals and programs.
    case csvComma = "csv-virgola"
    case json

    public var fileExtension: String {
        switch self {
        case .csv, .csvComma: "csv"
        default: rawValue
        }
    }

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .html: "text/html; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .csv, .csvComma: "text/csv; charset=utf-8"
        case .json: "application/json"
        }
    }

    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .html: "HTML"
        case .xlsx: "XLSX (Excel)"
        case .ods: "ODS (LibreOffice)"
        case .csv: "CSV (;)"
        case .csvComma: "CSV (,)"
        case .json: "JSON"
        }
    }
}
