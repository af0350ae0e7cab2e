/// Foglio "Istruzioni": how to fill in the workbook, generated from the layouts so it never drifts from what
/// the reader accepts. It is never read back.
enum InstructionsSheet {
    static let name = "Istruzioni"

    static let rules = [
        "Ogni foglio contiene un tipo di dati. La prima riga contiene le intestazioni; ogni riga successiva è un elemento (un'unità, un obiettivo, un indicatore…). Le righe vuote sono ignorate.",
        "Le colonne con l'asterisco (*) sono obbligatorie. Le colonne si possono spostare; quelle con un'intestazione non prevista sono ignorate, quindi si possono aggiungere colonne di lavoro.",
        "I fogli Ente e Piano hanno una sola riga di dati e sono obbligatori. Gli altri fogli possono restare vuoti o mancare.",
        "Collegamenti tra fogli: ogni elemento ha una Chiave, un identificativo breve e unico nel suo foglio (es. s02, op-2024-07). Gli altri fogli vi si riferiscono scrivendo la chiave: ad esempio, nel foglio Nodi la colonna \"Unità responsabili\" contiene le chiavi delle righe del foglio Unità. Per unità e nodi si può scrivere anche il Codice, se nessun'altra riga ha lo stesso codice. Maiuscole e accenti non contano.",
        "Date: gg/mm/aaaa (es. 30/06/2024), come celle data o come testo. Le date impossibili (31/06, 29/02 di un anno non bisestile) sono errori.",
        "Numeri: celle numeriche o testo all'italiana (1.234,56). Le percentuali sono numeri: 10 significa 10%.",
        "SI/NO: scrivere SI oppure NO (si accettano anche VERO/FALSO e X).",
        "Elenchi: più valori nella stessa cella, separati da \" | \" (barra verticale) o andando a capo.",
        "Valori a scelta: usare una delle voci elencate nella colonna Formato qui sotto.",
        "Le colonne \"(testo originale)\", \"Testo originale (JSON)\" e \"Anomalie\" conservano il testo del documento da cui il piano è stato trascritto: per un piano nuovo si lasciano vuote.",
        "Se il file contiene errori l'importazione non modifica nulla ed elenca ogni errore con foglio, riga e colonna. Questo foglio di istruzioni non viene letto.",
    ]

    static func sheet(_ layouts: [SheetLayout]) -> Sheet {
        var rows: [[Cell]] = [[.text("Traguardo – modello per l'importazione del piano (PIAO, piano della performance)")], []]
        rows.append([.text("Come si compila")])
        for (i, rule) in rules.enumerated() { rows.append([.text("\(i + 1). \(rule)")]) }
        rows.append([])
        rows.append(["Foglio", "Colonna", "Obbligatoria", "Formato", "Significato"].map(Cell.text))
        for layout in layouts {
            rows.append([.text(layout.name), .empty, .empty, .empty, .text(layout.purpose)])
            for column in layout.columns {
                rows.append([.empty, .text(column.title), column.required ? .text("SI") : .empty, .text(column.format.italian), .text(column.help)])
            }
        }
        return Sheet(name: name, rows: rows, columnWidths: [22, 34, 12, 50, 90], headerRows: 1)
    }
}
