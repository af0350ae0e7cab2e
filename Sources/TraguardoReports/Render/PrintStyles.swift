/// Screen and print styles of every document. Print: A4, the ente and the title in the page header, "Pagina N di M"
/// in the footer, table headers repeated on every page, no card or heading left alone at a page's foot.
enum PrintStyles {
    static func css(_ doc: ReportDocument) -> String {
        let ente = cssString(doc.enteName)
        let title = cssString(doc.title)
        let footer = cssString("Traguardo · \(doc.generatedOn.italian)")
        return """
            @page { size: A4; margin: 20mm 16mm 20mm 16mm;
              @top-left { content: "\(ente)"; font: 8pt sans-serif; color: #444; }
              @top-right { content: "\(title)"; font: 8pt sans-serif; color: #444; }
              @bottom-left { content: "\(footer)"; font: 8pt sans-serif; color: #444; }
              @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font: 8pt sans-serif; color: #444; } }
            @page :first { @top-left { content: none; } @top-right { content: none; } }
            :root { --testo: #1a1a1a; --tenue: #555; --bordo: #b9c2cc; --fondo: #eef2f6; --primario: #0b4f8a; }
            body { font-family: "DejaVu Sans", "Titillium Web", Arial, sans-serif; color: var(--testo); font-size: 10pt; line-height: 1.4;
              max-width: 60rem; margin: 0 auto; padding: 1rem; }
            h1 { font-size: 20pt; color: var(--primario); margin: .5rem 0; }
            h2 { font-size: 15pt; color: var(--primario); border-bottom: 2px solid var(--primario); padding-bottom: 2px; margin-top: 1.6rem; }
            h3 { font-size: 12.5pt; margin-top: 1.2rem; }
            h4, h5, h6 { font-size: 11pt; margin: 1rem 0 .4rem; }
            h2, h3, h4, h5, h6, caption { break-after: avoid; page-break-after: avoid; }
            .copertina { text-align: center; padding: 3rem 0 2rem; border-bottom: 1px solid var(--bordo); }
            .copertina .ente { font-size: 14pt; font-weight: bold; text-transform: uppercase; letter-spacing: .05em; }
            .copertina .sottotitolo { font-size: 12pt; color: var(--tenue); }
            .copertina .generato { font-size: 8pt; color: var(--tenue); margin-top: 2rem; }
            .copertina .logo { max-height: 28mm; }
            .indice ol { padding-left: 1.2rem; }
            .indice a { color: var(--testo); text-decoration: none; }
            .indice a::after { content: leader('.') target-counter(attr(href), page); }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 9pt; }
            caption { text-align: left; font-weight: bold; padding: .2rem 0; }
            th, td { border: 1px solid var(--bordo); padding: 3px 5px; vertical-align: top; text-align: left; }
            thead th { background: var(--fondo); }
            thead { display: table-header-group; }
            tfoot { display: table-row-group; }
            tfoot th, tfoot td { font-weight: bold; background: var(--fondo); }
            tr { break-inside: avoid; page-break-inside: avoid; }
            .num { text-align: right; white-space: nowrap; width: 5.5em; }
            th.num { white-space: normal; }
            .mancante { color: var(--tenue); font-style: italic; }
            dl.campi { display: grid; grid-template-columns: 14rem 1fr; margin: .4rem 0; border-top: 1px solid var(--bordo); }
            dl.campi div { display: contents; }
            dl.campi dt { font-weight: bold; padding: 2px 6px; border-bottom: 1px solid var(--bordo); background: var(--fondo); }
            dl.campi dd { margin: 0; padding: 2px 6px; border-bottom: 1px solid var(--bordo); }
            section.scheda { border: 1px solid var(--bordo); padding: .2rem .8rem .6rem; margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
            .nuova-pagina { break-before: page; page-break-before: always; }
            .avviso { border-left: 4px solid #b35900; background: #fff4e5; padding: .3rem .6rem; }
            figure.grafico { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
            figure.grafico svg { max-width: 100%; height: auto; }
            figcaption { font-size: 9pt; color: var(--tenue); }
            .firme { display: flex; flex-wrap: wrap; gap: 2rem; justify-content: flex-end; margin-top: 3rem; break-inside: avoid; }
            .firma { min-width: 16rem; text-align: center; }
            .firma .riga { border-bottom: 1px solid var(--testo); height: 2.5rem; margin: 0; }
            .dati-grafico table { font-size: 8pt; }
            @media print { body { max-width: none; padding: 0; } a { color: inherit; } }
            """
    }

    /// A CSS string literal's content: quotes and backslashes escaped, line breaks dropped.
    static func cssString(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "<", with: "\\3C ")
    }
}
