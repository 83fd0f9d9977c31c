import NetPolicy
import PalisadeCore

/// The network findings as a table or JSON.
enum NetpolFindingsReport {
    static let formats = ["table", "json"]

    static func render(_ findings: [Finding], format: String, note: String?) -> String {
        if format == "json" {
            var fields: [String: Value] = ["findings": findings.toValue(), "summary": summary(findings)]
            if let note { fields["notes"] = .array([.string(note)]) }
            return JSONWriter.string(.object(fields: fields), options: .pretty)
        }
        return table(findings, note: note)
    }

    private static func summary(_ findings: [Finding]) -> Value {
        var counts: [String: Value] = [:]
        for severity in Severity.allCases { counts[severity.name] = .int(findings.filter { $0.severity == severity }.count) }
        counts["total"] = .int(findings.count)
        return .object(fields: counts)
    }

    private static func table(_ findings: [Finding], note: String?) -> String {
        var lines: [String] = []
        for finding in findings.sortedForReport() {
            let resource = finding.resource.map { "\($0)" } ?? "-"
            let place = finding.resource?.location.map { " (\($0.file):\($0.line))" } ?? ""
            let path = finding.path.map { " \($0)" } ?? ""
            lines.append("\(finding.severity.name.uppercased().padding(8)) \(finding.ruleID)  \(resource)\(path)\(place)")
            lines.append("         \(finding.message)")
            lines.append("         fix: \(finding.remediation)")
        }
        let counts = Severity.allCases.reversed().map { severity in "\(findings.filter { $0.severity == severity }.count) \(severity.name)" }
        lines.append("\(findings.count) finding\(findings.count == 1 ? "" : "s"): " + counts.joined(separator: ", "))
        if let note { lines.append("note: " + note) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
