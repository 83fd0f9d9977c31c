/// The output formats `palisade scan` can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Human-readable text grouped by control, coloured on a terminal.
    case table
    /// Palisade's own stable JSON schema (`schemaVersion`).
    case json
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif
    /// JUnit XML, for CI test reporters.
    case junit
    /// GitHub-flavoured Markdown, for pull-request comments and job summaries.
    case markdown
    /// One self-contained HTML page with a score chart and per-control drill-down.
    case html
}
