/// kube-bench's `--junit` output: one `<testsuite>` per controls file; each
/// check is a `<testcase>` named "ID TEXT" in the class of its group, with the
/// check's JSON as system-out. FAIL adds `<failure message=REMEDIATION>`,
/// WARN and INFO add `<skipped>`.
public enum BenchJUnitReport {
    public static func render(_ run: BenchRun) -> String {
        run.controls.map(suite).joined(separator: "\n")
    }

    static func suite(_ result: BenchControlsResult) -> String {
        var out = "<testsuite name=\"\(escape(result.controls.text))\" tests=\"\(result.summary.total)\""
        out += " failures=\"\(result.summary.fail)\" errors=\"0\" time=\"0\">\n"
        for group in result.groups {
            for check in group.results { out += testCase(check, className: group.text) }
        }
        return out + "</testsuite>"
    }

    static func testCase(_ r: BenchCheckResult, className: String) -> String {
        var out = "    <testcase name=\"\(escape(r.check.id + " " + r.check.text))\" classname=\"\(escape(className))\" time=\"0\">\n"
        switch r.state {
        case .fail: out += "        <failure message=\"\(escape(r.check.remediation))\" type=\"\"></failure>\n"
        case .warn, .info: out += "        <skipped></skipped>\n"
        case .pass: break
        }
        out += "        <system-out>\(escape(BenchJSONReport.check(r)))</system-out>\n"
        return out + "    </testcase>\n"
    }

    /// XML text and attribute escaping, dropping characters XML 1.0 cannot carry.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "\n": out += "&#xA;"
            case "\r": out += "&#xD;"
            case "\t": out += "&#x9;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
