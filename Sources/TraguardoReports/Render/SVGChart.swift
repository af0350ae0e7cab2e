import TraguardoCore

/// Charts as inline SVG: drawn on the server so they print in PDF and need no script. Each has a title element
/// (its accessible name) and the document prints its data table next to it.
enum SVGChart {
    static let palette = ["#7aa6d6", "#0b4f8a", "#2e7d32"]

    static func render(_ chart: ReportChart) -> String {
        switch chart.kind {
        case .bars: bars(chart)
        case .histogram: histogram(chart)
        }
    }

    static func number(_ v: Double) -> String { ItalianFormat.number(v, decimals: 2, trimZeros: true) }
    static func coord(_ v: Double) -> String { String(format: "%.1f", v) }
    static func esc(_ s: String) -> String { HTMLRenderer.esc(s) }

    /// Horizontal bars, one per series for each category, on a 0–maximum axis with gridlines every fifth.
    static func bars(_ chart: ReportChart) -> String {
        let labelWidth = 230.0, plotWidth = 360.0, barHeight = 11.0, gap = 9.0, top = 34.0
        let perCategory = Double(chart.series.count) * barHeight + gap
        let height = top + perCategory * Double(chart.categories.count) + 24
        let width = labelWidth + plotWidth + 70
        let titleID = "\(chart.id)-titolo"
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(esc(titleID))\" viewBox=\"0 0 \(coord(width)) \(coord(height))\" width=\"\(coord(width))\" height=\"\(coord(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"10\">"
        s += "<title id=\"\(esc(titleID))\">\(esc(chart.title))</title>"
        // Legend.
        for (i, series) in chart.series.enumerated() {
            let x = labelWidth + Double(i) * 170
            s += "<rect x=\"\(coord(x))\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(palette[i % palette.count])\"/>"
            s += "<text x=\"\(coord(x + 14))\" y=\"15\">\(esc(series.name))</text>"
        }
        // Gridlines at 0, 20, …, 100% of the axis.
        for step in 0...5 {
            let x = labelWidth + plotWidth * Double(step) / 5
            s += "<line x1=\"\(coord(x))\" y1=\"\(coord(top - 4))\" x2=\"\(coord(x))\" y2=\"\(coord(height - 20))\" stroke=\"#d0d7de\"/>"
            s +=
                "<text x=\"\(coord(x))\" y=\"\(coord(height - 6))\" text-anchor=\"middle\" fill=\"#555\">\(number(chart.maximum * Double(step) / 5))</text>"
        }
        for (c, category) in chart.categories.enumerated() {
            let y0 = top + Double(c) * perCategory
            let label = category.count > 38 ? String(category.prefix(36)) + "…" : category
            s +=
                "<text x=\"\(coord(labelWidth - 6))\" y=\"\(coord(y0 + perCategory / 2 - 2))\" text-anchor=\"end\"><title>\(esc(category))</title>\(esc(label))</text>"
            for (i, series) in chart.series.enumerated() {
                let y = y0 + Double(i) * barHeight
                guard c < series.values.count, let v = series.values[c] else {
                    s +=
                        "<text x=\"\(coord(labelWidth + 4))\" y=\"\(coord(y + barHeight - 2))\" fill=\"#555\" font-style=\"italic\">non rilevato</text>"
                    continue
                }
                let w = plotWidth * min(max(v, 0), chart.maximum) / max(chart.maximum, 1e-9)
                s +=
                    "<rect x=\"\(coord(labelWidth))\" y=\"\(coord(y))\" width=\"\(coord(w))\" height=\"\(coord(barHeight - 2))\" fill=\"\(palette[i % palette.count])\"><title>\(esc(series.name)): \(number(v))\(esc(chart.unit))</title></rect>"
                s += "<text x=\"\(coord(labelWidth + w + 4))\" y=\"\(coord(y + barHeight - 3))\">\(number(v))\(esc(chart.unit))</text>"
            }
        }
        return s + "</svg>"
    }

    /// Vertical bars over the categories (score bands), the count printed on each.
    static func histogram(_ chart: ReportChart) -> String {
        let width = 640.0, height = 240.0, left = 36.0, bottom = 36.0, top = 16.0
        let values = chart.series.first?.values ?? []
        let slot = (width - left - 10) / Double(max(chart.categories.count, 1))
        let plot = height - bottom - top
        let titleID = "\(chart.id)-titolo"
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(esc(titleID))\" viewBox=\"0 0 \(coord(width)) \(coord(height))\" width=\"\(coord(width))\" height=\"\(coord(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"10\">"
        s += "<title id=\"\(esc(titleID))\">\(esc(chart.title))</title>"
        s +=
            "<line x1=\"\(coord(left))\" y1=\"\(coord(height - bottom))\" x2=\"\(coord(width - 10))\" y2=\"\(coord(height - bottom))\" stroke=\"#555\"/>"
        for (i, category) in chart.categories.enumerated() {
            let v = i < values.count ? values[i] ?? 0 : 0
            let h = plot * v / max(chart.maximum, 1e-9)
            let x = left + Double(i) * slot + slot * 0.15
            s +=
                "<rect x=\"\(coord(x))\" y=\"\(coord(height - bottom - h))\" width=\"\(coord(slot * 0.7))\" height=\"\(coord(h))\" fill=\"\(palette[1])\"><title>\(esc(category)): \(number(v))</title></rect>"
            s += "<text x=\"\(coord(x + slot * 0.35))\" y=\"\(coord(height - bottom - h - 4))\" text-anchor=\"middle\">\(number(v))</text>"
            s += "<text x=\"\(coord(x + slot * 0.35))\" y=\"\(coord(height - bottom + 14))\" text-anchor=\"middle\">\(esc(category))</text>"
        }
        return s + "</svg>"
    }
}
