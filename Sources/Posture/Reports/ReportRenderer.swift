/// Renders a scan report in any output format.
///
/// Every renderer is a pure function of the report: equal reports give
/// byte-identical output, whatever order their arrays and dictionaries were
/// filled in (see `ReportDigest`).
public enum ReportRenderer {
    /// The report as text; `color` adds ANSI colours to the table format only.
    public static func render(_ report: ScanReport, as format: ReportFormat, color: Bool) -> String {
        let digest = ReportDigest(report)
        switch format {
        case .table: return TableReport.render(digest, color: color)
        case .json: return JSONReport.render(digest)
        case .sarif: return SARIFReport.render(digest)
        case .junit: return JUnitReport.render(digest)
        case .markdown: return MarkdownReport.render(digest)
        case .html: return HTMLReport.render(digest)
        }
    }
}
