/// An inline SVG bar chart of scores (overall, then one bar per framework).
/// Geometry is computed in integers from scores rounded to hundredths, so the
/// markup is byte-stable.
enum HTMLScoreChart {
    static let labelWidth = 140
    static let barWidth = 400
    static let rowHeight = 28

    /// `bars` are (label, score or nil for "n/a").
    static func svg(_ bars: [(label: String, score: Double?)]) -> String {
        let height = bars.count * rowHeight + 8
        let width = labelWidth + barWidth + 80
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\""
        out += " viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-title\">\n"
        out += "<title id=\"chart-title\">Compliance scores</title>\n"
        for (index, bar) in bars.enumerated() { out += row(bar.label, bar.score, top: 4 + index * rowHeight) }
        return out + "</svg>"
    }

    static func row(_ label: String, _ score: Double?, top: Int) -> String {
        let text = ReportEscaping.html(label)
        let value = score.map(ReportNumber.hundredths) ?? 0
        let filled = value * barWidth / 10_000
        let baseline = top + rowHeight / 2 + 5
        var out = "<g class=\"bar\"><text x=\"0\" y=\"\(baseline)\">\(text)</text>"
        out += "<rect class=\"track\" x=\"\(labelWidth)\" y=\"\(top + 4)\" width=\"\(barWidth)\" height=\"\(rowHeight - 8)\" rx=\"3\"/>"
        out += "<rect class=\"fill \(band(score))\" x=\"\(labelWidth)\" y=\"\(top + 4)\" width=\"\(filled)\" height=\"\(rowHeight - 8)\" rx=\"3\"/>"
        out += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(baseline)\">\(ReportNumber.percent(score))</text></g>\n"
        return out
    }

    /// CSS class of a score: `good` from 80 %, `fair` from 50 %, `poor` below, `none` without a score.
    static func band(_ score: Double?) -> String {
        guard let score else { return "none" }
        if score >= 80 { return "good" }
        return score >= 50 ? "fair" : "poor"
    }
}
