import TraguardoCore

/// The document as one self-contained HTML page: styles inline, charts as inline SVG, no script. The same page
/// is the PDF's source, so its print styles carry page headers, page numbers and repeated table headers.
public enum HTMLRenderer {
    public static func render(_ doc: ReportDocument) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<title>\(esc(doc.title)) – \(esc(doc.enteName))</title>"
        h += "<meta name=\"generator\" content=\"Traguardo\">"
        h += "<style>\(PrintStyles.css(doc))</style></head><body>"
        h += cover(doc)
        h += index(doc)
        h += "<main>"
        for section in doc.sections { h += render(section, level: 2) }
        h += "</main>"
        if !doc.signatures.isEmpty {
            h += "<section class=\"firme\" aria-label=\"Firme\">"
            for s in doc.signatures {
                h += "<div class=\"firma\"><p>\(esc(s.role))</p><p class=\"nome\">\(esc(s.name ?? ""))</p><p class=\"riga\"></p></div>"
            }
            h += "</section>"
        }
        return h + "</body></html>\n"
    }

    static func cover(_ doc: ReportDocument) -> String {
        var h = "<header class=\"copertina\">"
        if let logo = doc.logo { h += "<img class=\"logo\" src=\"\(esc(logo))\" alt=\"Stemma di \(esc(doc.enteName))\">" }
        h += "<p class=\"ente\">\(esc(doc.enteName))</p><h1>\(esc(doc.title))</h1>"
        if let s = doc.subtitle { h += "<p class=\"sottotitolo\">\(esc(s))</p>" }
        for line in doc.cover { h += "<p>\(esc(line))</p>" }
        h += "<p class=\"generato\">Documento generato da Traguardo il \(doc.generatedOn.italian)</p></header>"
        return h
    }

    /// The index of chapters (top-level sections), linked; WeasyPrint also prints their page numbers.
    static func index(_ doc: ReportDocument) -> String {
        guard doc.sections.count > 1 else { return "" }
        var h = "<nav class=\"indice\" aria-labelledby=\"indice-h\"><h2 id=\"indice-h\">Indice</h2><ol>"
        for s in doc.sections { h += "<li><a href=\"#\(esc(s.id))\">\(esc(s.title))</a></li>" }
        return h + "</ol></nav>"
    }

    static func render(_ section: ReportSection, level: Int) -> String {
        var classes: [String] = []
        if section.pageBreakBefore { classes.append("nuova-pagina") }
        if section.keepTogether { classes.append("scheda") }
        let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        let n = min(level, 6)
        var h = "<section id=\"\(esc(section.id))\"\(cls) aria-labelledby=\"\(esc(section.id))-h\">"
        h += "<h\(n) id=\"\(esc(section.id))-h\">\(esc(section.title))</h\(n)>"
        for block in section.blocks { h += render(block, level: level + 1) }
        return h + "</section>\n"
    }

    static func render(_ block: ReportBlock, level: Int) -> String {
        switch block {
        case .paragraph(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>\(esc(String($0)))</p>\n" }.joined()
        case .note(let text):
            return "<p class=\"avviso\" role=\"note\">\(esc(text))</p>\n"
        case .facts(let facts):
            var h = "<dl class=\"campi\">"
            for f in facts { h += "<div><dt>\(esc(f.label))</dt><dd>\(esc(f.value))</dd></div>" }
            return h + "</dl>\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            var h = "<figure class=\"grafico\" id=\"\(esc(chart.id))\">\(SVGChart.render(chart))"
            h += "<figcaption>\(esc(chart.title))</figcaption>"
            if let table = chart.table {
                h += "<div class=\"dati-grafico\">\(render(table))</div>"
            }
            return h + "</figure>\n"
        case .section(let s):
            return render(s, level: level)
        }
    }

    static func render(_ table: ReportTable) -> String {
        var h = "<table><caption>\(esc(table.title))</caption><thead><tr>"
        for c in table.columns { h += "<th scope=\"col\"\(align(c))>\(esc(c.title))</th>" }
        h += "</tr></thead><tbody>"
        for row in table.rows {
            h += "<tr>"
            for (i, c) in table.columns.enumerated() {
                let v = i < row.count ? row[i] : .empty
                let missing = if case .missing = v { " mancante" } else { "" }
                let a = c.kind == .text ? "" : " num"
                h += "<td class=\"\(a)\(missing)\">\(esc(v.italian(c)))</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>"
        if let total = table.total {
            h += "<tfoot><tr>"
            let labelColumn = table.columns.firstIndex { $0.kind == .text } ?? 0
            for (i, c) in table.columns.enumerated() {
                if i == labelColumn {
                    h += "<th scope=\"row\">\(esc(total.label))</th>"
                } else if let cell = total.cells.first(where: { $0.column == i }) {
                    h += "<td class=\"num\">\(esc(cell.value.italian(cell.display(c))))</td>"
                } else {
                    h += "<td></td>"
                }
            }
            h += "</tr></tfoot>"
        }
        return h + "</table>\n"
    }

    static func align(_ c: ReportColumn) -> String { c.kind == .text ? "" : " class=\"num\"" }

    /// Text for HTML content and attributes.
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
