import PalisadeCore

/// The default terminal report: one block per control with findings, most severe
/// first; under it each failing resource (location, path, message) and, marked
/// apart, each exempted one with its justification and expiry; then errors,
/// notices, and a summary with scores and failed findings per severity.
/// Untrusted text is printed with control characters escaped.
enum TableReport {
    static func render(_ digest: ReportDigest, color: Bool) -> String {
        let style = TableStyle(color: color)
        var lines = header(digest, style)
        for result in digest.controlsWithFindings {
            lines += [""] + controlBlock(result, findings: digest.findings(of: result.control.id), style)
        }
        for id in digest.orphanRuleIDs {
            lines += [""] + orphanBlock(id, findings: digest.findings(of: id), style)
        }
        if digest.findings.isEmpty && digest.controls.contains(where: { $0.failed > 0 }) == false {
            lines += ["", style.green("No failed findings.")]
        }
        lines += messages("Errors", digest.report.errors, style.red)
        lines += messages("Notices", digest.report.notices, style.dim)
        lines += [""] + summary(digest, style)
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ digest: ReportDigest, _ style: TableStyle) -> [String] {
        let inputs = digest.report.inputs.map(safe).joined(separator: ", ")
        return [style.bold("Palisade scan") + ": \(digest.report.resourceCount) resources from \(inputs.isEmpty ? "no input" : inputs)"]
    }

    static func controlBlock(_ result: ControlResult, findings: [Finding], _ style: TableStyle) -> [String] {
        let info = result.control
        let severity = style.severity(info.severity, info.severity.name.uppercased().reportPadded(8))
        var lines = ["\(severity) \(style.bold(safe(info.id)))  \(safe(info.title))  score \(style.score(result.score))  (\(ReportLabels.counts(result)))"]
        lines += findingLines(findings, style)
        if !info.remediation.isEmpty { lines.append("    " + style.cyan("fix:") + " " + safe(info.remediation)) }
        return lines
    }

    static func orphanBlock(_ id: String, findings: [Finding], _ style: TableStyle) -> [String] {
        guard let first = findings.first else { return [] }
        let severity = style.severity(first.severity, first.severity.name.uppercased().reportPadded(8))
        return ["\(severity) \(style.bold(safe(id)))  \(safe(first.title))"] + findingLines(findings, style)
    }

    /// Failed findings first, then exempted ones, each kept in report order.
    static func findingLines(_ findings: [Finding], _ style: TableStyle) -> [String] {
        let failed = findings.filter { $0.status == .failed }
        let exempted = findings.filter { $0.reportExemption != nil }
        var lines: [String] = []
        for finding in failed {
            lines.append("  " + style.red("FAIL  ") + resourceLine(finding))
            lines.append("        " + safe(finding.message))
        }
        for finding in exempted {
            lines.append("  " + style.yellow("EXEMPT") + resourceLine(finding))
            lines.append("        " + safe(finding.message))
            if let exemption = finding.reportExemption {
                lines.append("        " + style.yellow("exempted:") + " " + safe(ReportLabels.exemption(exemption)))
            }
        }
        return lines
    }

    /// `Deployment default/web  deploy.yaml:3  spec.template.spec.containers[0].image`.
    static func resourceLine(_ finding: Finding) -> String {
        var parts = [ReportLabels.resource(finding.resource)]
        let location = ReportLabels.location(finding.resource)
        if !location.isEmpty { parts.append(location) }
        if let path = finding.path { parts.append(path) }
        return " " + parts.map(safe).joined(separator: "  ")
    }

    static func messages(_ title: String, _ items: [String], _ paint: (String) -> String) -> [String] {
        guard !items.isEmpty else { return [] }
        return ["", paint("\(title) (\(items.count)):")] + items.map { "  " + safe($0) }
    }

    static func summary(_ digest: ReportDigest, _ style: TableStyle) -> [String] {
        var lines = [style.bold("Summary")]
        lines.append("  " + "Overall score".reportPadded(20) + style.score(digest.report.overallScore))
        for score in digest.frameworks {
            let label = "  " + safe(score.framework.rawValue).reportPadded(20)
            lines.append(label + style.score(score.score) + "  (\(score.failedControls) of \(score.controls) controls failing)")
        }
        lines.append("  " + "Controls".reportPadded(20)
            + "\(digest.controls.count) total, \(digest.appliedControlCount) applied, \(digest.failedControlCount) failing")
        let counts = digest.severityCounts.map { style.severity($0.severity, "\($0.severity.name) \($0.count)") }
        lines.append("  " + "Failed findings".reportPadded(20) + "\(digest.failures.count): " + counts.joined(separator: ", "))
        lines.append("  " + "Exempted findings".reportPadded(20) + "\(digest.exemptions.count)")
        return lines
    }

    private static func safe(_ text: String) -> String { ReportEscaping.terminal(text) }
}
