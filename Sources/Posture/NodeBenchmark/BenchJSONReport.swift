import PalisadeCore

/// kube-bench's `--json` output: `{"Controls":[…],"Totals":{…}}`, or a bare
/// array of controls without totals. Keys come in kube-bench's field order;
/// strings are escaped as Go's encoding/json does (including `<`, `>`, `&`).
public enum BenchJSONReport {
    public static func render(_ run: BenchRun, totals: Bool = true) -> String {
        var out = ""
        if totals {
            out += "{\"Controls\":"
            array(run.controls.map(controls), into: &out)
            out += ",\"Totals\":"
            summary(run.totals, into: &out)
            out += "}"
        } else {
            array(run.controls.map(controls), into: &out)
        }
        return out
    }

    /// One controls file as a JSON object.
    public static func controls(_ result: BenchControlsResult) -> String {
        var out = "{"
        let c = result.controls
        field("id", c.id, &out, first: true)
        field("version", c.version, &out)
        if !c.detectedVersion.isEmpty { field("detected_version", c.detectedVersion, &out) }
        field("text", c.text, &out)
        field("node_type", c.nodeType, &out)
        out += ",\"tests\":"
        array(result.groups.map(group), into: &out)
        counts(result.summary, prefix: "total_", into: &out)
        return out + "}"
    }

    static func group(_ g: BenchGroupResult) -> String {
        var out = "{"
        field("section", g.id, &out, first: true)
        field("type", g.type, &out)
        counts(g.summary, prefix: "", into: &out)
        field("desc", g.text, &out)
        out += ",\"results\":"
        array(g.results.map(check), into: &out)
        return out + "}"
    }

    /// One check result as a JSON object (also the JUnit system-out).
    public static func check(_ r: BenchCheckResult) -> String {
        var out = "{"
        field("test_number", r.check.id, &out, first: true)
        field("test_desc", r.check.text, &out)
        field("audit", r.check.audit, &out)
        field("AuditEnv", r.check.auditEnv, &out)
        field("AuditConfig", r.check.auditConfig, &out)
        field("type", r.check.type, &out)
        field("remediation", r.check.remediation, &out)
        out += ",\"test_info\":"
        array([quoted(r.check.remediation)], into: &out)
        field("status", r.state.rawValue, &out)
        field("actual_value", r.actualValue, &out)
        out += ",\"scored\":\(r.check.scored)"
        out += ",\"IsMultiple\":\(r.check.isMultiple)"
        field("expected_result", r.expectedResult, &out)
        if !r.reason.isEmpty { field("reason", r.reason, &out) }
        return out + "}"
    }

    static func summary(_ s: BenchSummary, into out: inout String) {
        out += "{"
        out += "\"total_pass\":\(s.pass),\"total_fail\":\(s.fail),\"total_warn\":\(s.warn),\"total_info\":\(s.info)"
        out += "}"
    }

    private static func counts(_ s: BenchSummary, prefix: String, into out: inout String) {
        out += ",\"\(prefix)pass\":\(s.pass),\"\(prefix)fail\":\(s.fail),\"\(prefix)warn\":\(s.warn),\"\(prefix)info\":\(s.info)"
    }

    private static func field(_ key: String, _ value: String, _ out: inout String, first: Bool = false) {
        if !first { out += "," }
        out += "\"\(key)\":" + quoted(value)
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        JSONWriter.writeString(text, into: &out, escapeHTML: true)
        return out
    }

    private static func array(_ items: [String], into out: inout String) {
        out += "[" + items.joined(separator: ",") + "]"
    }
}
