import PalisadeCore

/// The finding tables of the HTML report: failed ones, and exempted ones kept
/// apart (marked, with justification, expiry and source).
enum HTMLFindingTables {
    static func perControl(_ findings: [Finding]) -> String {
        let failed = findings.filter { $0.status == .failed }
        let exempted = findings.filter { $0.reportExemption != nil }
        var out = ""
        if !failed.isEmpty {
            out += "<table class=\"failed\">\n<tr><th>Resource</th><th>Location</th><th>Path</th><th>Message</th></tr>\n"
            for finding in failed { out += "<tr>\(resourceCells(finding))<td>\(h(finding.message))</td></tr>\n" }
            out += "</table>\n"
        }
        if !exempted.isEmpty {
            out += "<p class=\"exempted-note\">Exempted (accepted by an exception; not counted against the score):</p>\n"
            out += exemptedTable(exempted, withControl: false)
        }
        return out
    }

    static func failed(_ digest: ReportDigest) -> String {
        var out = "<section id=\"failed-findings\">\n<h2>Failed findings (\(digest.failures.count))</h2>\n"
        guard !digest.failures.isEmpty else { return out + "<p>None.</p>\n</section>\n" }
        out += "<table class=\"failed\">\n<tr><th>Severity</th><th>Control</th><th>Resource</th><th>Location</th><th>Path</th><th>Message</th></tr>\n"
        for finding in digest.failures {
            out += "<tr><td><span class=\"sev sev-\(finding.severity.name)\">\(finding.severity.name)</span></td>"
            out += "<td>\(controlLink(finding.ruleID))</td>\(resourceCells(finding))<td>\(h(finding.message))</td></tr>\n"
        }
        return out + "</table>\n</section>\n"
    }

    static func exempted(_ digest: ReportDigest) -> String {
        guard !digest.exemptions.isEmpty else { return "" }
        var out = "<section id=\"exempted-findings\">\n<h2>Exempted findings (\(digest.exemptions.count))</h2>\n"
        out += "<p class=\"exempted-note\">These failures are accepted by an exception and do not lower the score.</p>\n"
        return out + exemptedTable(digest.exemptions, withControl: true) + "</section>\n"
    }

    /// A finding rule without a control entry: its findings still show, never dropped.
    static func orphan(_ id: String, findings: [Finding]) -> String {
        let title = findings.first?.title ?? ""
        var out = "<details class=\"control fail\" id=\"control-\(ReportEscaping.identifier(id))\">\n"
        out += "<summary><strong>\(h(id))</strong> \(h(title))</summary>\n"
        return out + perControl(findings) + "</details>\n"
    }

    static func references(_ references: [String]) -> String {
        guard !references.isEmpty else { return "" }
        let items = references.map { reference -> String in
            SARIFURI.isWebURL(reference) ? "<li><a href=\"\(h(reference))\" rel=\"noreferrer\">\(h(reference))</a></li>" : "<li>\(h(reference))</li>"
        }
        return "<p><strong>References:</strong></p>\n<ul class=\"references\">\n\(items.joined(separator: "\n"))\n</ul>\n"
    }

    static func exemptedTable(_ findings: [Finding], withControl: Bool) -> String {
        var out = "<table class=\"exempted\">\n<tr>" + (withControl ? "<th>Control</th>" : "")
        out += "<th>Resource</th><th>Location</th><th>Path</th><th>Message</th><th>Justification</th><th>Expires</th><th>Source</th></tr>\n"
        for finding in findings {
            guard let exemption = finding.reportExemption else { continue }
            out += "<tr>" + (withControl ? "<td>\(controlLink(finding.ruleID))</td>" : "") + resourceCells(finding)
            out += "<td>\(h(finding.message))</td><td>\(h(exemption.justification))</td>"
            out += "<td>\(h(ReportLabels.expiry(exemption)))</td><td>\(h(exemption.source ?? ""))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    static func resourceCells(_ finding: Finding) -> String {
        "<td>\(h(ReportLabels.resource(finding.resource)))</td><td><code>\(h(ReportLabels.location(finding.resource)))</code></td>"
            + "<td><code>\(h(finding.path ?? ""))</code></td>"
    }

    static func controlLink(_ id: String) -> String {
        "<a href=\"#control-\(ReportEscaping.identifier(id))\">\(h(id))</a>"
    }

    private static func h(_ text: String) -> String { ReportEscaping.html(text) }
}
