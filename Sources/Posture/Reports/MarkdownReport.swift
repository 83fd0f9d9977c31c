import PalisadeCore

/// GitHub-flavoured Markdown: a summary table, per-framework tables (each control
/// with its mapped requirement ids and pass/fail), all controls, failed findings,
/// exempted findings apart with justification and expiry, errors and notices.
/// Every cell is escaped (`|`, Markdown punctuation, HTML, line breaks).
enum MarkdownReport {
    static func render(_ digest: ReportDigest) -> String {
        var sections = [summary(digest), frameworks(digest), controls(digest), failures(digest), exemptions(digest)]
        sections += [list("Errors", digest.report.errors), list("Notices", digest.report.notices)]
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    static func summary(_ digest: ReportDigest) -> String {
        let report = digest.report
        var rows = [
            ["Overall score", "**\(ReportNumber.percent(report.overallScore))**"],
            ["Inputs", report.inputs.isEmpty ? "none" : report.inputs.map(cell).joined(separator: ", ")],
            ["Resources", "\(report.resourceCount)"],
            ["Controls", "\(digest.controls.count) total, \(digest.appliedControlCount) applied, \(digest.failedControlCount) failing"],
            ["Failed findings", "\(digest.failures.count)"],
            ["Exempted findings", "\(digest.exemptions.count)"],
        ]
        rows += digest.severityCounts.map { ["Failed: \($0.severity.name)", "\($0.count)"] }
        rows += [["Errors", "\(report.errors.count)"], ["Notices", "\(report.notices.count)"]]
        return "# Palisade scan report\n\n## Summary\n\n" + table(["Metric", "Value"], rows)
    }

    static func frameworks(_ digest: ReportDigest) -> String {
        guard !digest.frameworks.isEmpty else { return "" }
        let overview = digest.frameworks.map {
            [cell($0.framework.rawValue), ReportNumber.percent($0.score), "\($0.controls)", "\($0.failedControls)"]
        }
        var out = "## Frameworks\n\n" + table(["Framework", "Score", "Controls", "Failed controls"], overview)
        for score in digest.frameworks {
            let rows = digest.requirements(of: score.framework).map { row in
                [cell(row.result.control.id), cell(row.result.control.title), row.requirements.map(cell).joined(separator: ", "),
                 ReportNumber.percent(row.result.score), verdict(row.result)]
            }
            out += "\n\n### \(cell(score.framework.rawValue)) (\(ReportNumber.percent(score.score)))\n\n"
            out += rows.isEmpty ? "No controls mapped." : table(["Control", "Title", "Requirements", "Score", "Result"], rows)
        }
        return out
    }

    static func controls(_ digest: ReportDigest) -> String {
        guard !digest.controls.isEmpty else { return "" }
        let rows = digest.controlsBySeverity.map { result in
            [cell(result.control.id), cell(result.control.title), result.control.severity.name, "\(result.passed)",
             "\(result.failed)", "\(result.exempted)", ReportNumber.percent(result.score), verdict(result)]
        }
        return "## Controls\n\n" + table(["Control", "Title", "Severity", "Passed", "Failed", "Exempted", "Score", "Result"], rows)
    }

    static func failures(_ digest: ReportDigest) -> String {
        let rows = digest.failures.map { finding in
            [finding.severity.name, cell(finding.ruleID), cell(ReportLabels.resource(finding.resource)),
             cell(ReportLabels.location(finding.resource)), cell(finding.path ?? ""), cell(finding.message)]
        }
        let body = rows.isEmpty ? "None." : table(["Severity", "Control", "Resource", "Location", "Path", "Message"], rows)
        return "## Failed findings\n\n" + body
    }

    static func exemptions(_ digest: ReportDigest) -> String {
        let rows = digest.exemptions.compactMap { finding -> [String]? in
            guard let exemption = finding.reportExemption else { return nil }
            return [cell(finding.ruleID), cell(ReportLabels.resource(finding.resource)), cell(finding.message),
                    cell(exemption.justification), ReportLabels.expiry(exemption), cell(exemption.source ?? "")]
        }
        guard !rows.isEmpty else { return "" }
        return "## Exempted findings\n\nThese failures are accepted by an exception and do not lower the score.\n\n"
            + table(["Control", "Resource", "Message", "Justification", "Expires", "Source"], rows)
    }

    static func list(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "## \(title)\n\n" + items.map { "- " + cell($0) }.joined(separator: "\n")
    }

    static func verdict(_ result: ControlResult) -> String {
        switch result.reportVerdict {
        case "fail": return "❌ fail"
        case "pass": return "✅ pass"
        default: return "n/a"
        }
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let lines = [header, header.map { _ in "---" }] + rows
        return lines.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String { ReportEscaping.markdownCell(text) }
}
