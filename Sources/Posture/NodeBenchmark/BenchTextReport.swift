/// kube-bench's default text output: `[STATE] id text` lines, remediations
/// for FAIL and WARN checks, and per-target and total summaries.
public enum BenchTextReport {
    public static func render(_ run: BenchRun, includeTestOutput: Bool = false) -> String {
        var out = ""
        for result in run.controls {
            out += "[INFO] \(result.controls.id) \(result.controls.text)\n"
            for group in result.groups {
                out += "[INFO] \(group.id) \(group.text)\n"
                for check in group.results {
                    out += "[\(check.state.rawValue)] \(check.check.id) \(check.check.text)\n"
                    if includeTestOutput && check.state == .fail && !check.actualValue.isEmpty {
                        out += check.actualValue.split(separator: "\n", omittingEmptySubsequences: false).map { "\t \($0)\n" }.joined()
                    }
                }
            }
            out += "\n" + remediations(result) + summary(result.summary, name: result.controls.nodeType)
        }
        return out + summary(run.totals, name: "total")
    }

    static func remediations(_ result: BenchControlsResult) -> String {
        guard result.summary.fail > 0 || result.summary.warn > 0 else { return "" }
        var out = "== Remediations \(result.controls.nodeType) ==\n"
        for check in result.groups.flatMap(\.results) {
            if check.state == .fail { out += "\(check.check.id) \(check.check.remediation)\n" }
            if check.state == .warn {
                if !check.reason.isEmpty && check.check.type != "manual" {
                    out += "\(check.check.id) audit test did not run: \(check.reason)\n"
                } else {
                    out += "\(check.check.id) \(check.check.remediation)\n"
                }
            }
        }
        return out + "\n"
    }

    static func summary(_ s: BenchSummary, name: String) -> String {
        "== Summary \(name) ==\n\(s.pass) checks PASS\n\(s.fail) checks FAIL\n\(s.warn) checks WARN\n\(s.info) checks INFO\n\n"
    }
}
