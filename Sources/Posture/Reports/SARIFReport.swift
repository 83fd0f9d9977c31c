import PalisadeCore

/// SARIF 2.1.0 (OASIS): one run of the `palisade` driver.
///
/// - `tool.driver.rules`: every control (and any finding rule not among them), by id, with
///   `shortDescription` (title), `fullDescription`, `help` (remediation), `helpUri` (first
///   http reference), `defaultConfiguration.level` and `properties` (`severity`, `tags` = framework
///   mappings as `FRAMEWORK:id`, `security-severity` as GitHub code scanning reads it, score and counts).
/// - `results`: one per failed or exempted finding, in report order, with `ruleId`/`ruleIndex`,
///   `level`, `message`, a physical location (`file` + `startLine`) when the resource came from a
///   manifest and always a logical location for the Kubernetes object, `partialFingerprints`
///   from the finding id, and an external, accepted `suppression` for exempted findings.
/// - `invocations[0]`: scan errors and notices as tool execution notifications.
/// - `properties`: overall and per-framework scores, resource count, inputs.
enum SARIFReport {
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let fingerprintKey = "palisadeFindingId/v1"

    static func render(_ digest: ReportDigest) -> String {
        JSONWriter.string(log(digest), options: .pretty) + "\n"
    }

    static func log(_ digest: ReportDigest) -> Value {
        let rules = SARIFRules(digest)
        let run: Value = .object(fields: [
            "tool": .object(fields: ["driver": .object(fields: [
                "name": .string("palisade"),
                "rules": .array(rules.descriptors),
            ])]),
            "results": .array(digest.findings.map { result($0, rules: rules) }),
            "invocations": .array([invocation(digest.report)]),
            "columnKind": .string("unicodeCodePoints"),
            "properties": runProperties(digest),
        ])
        return .object(fields: [
            "$schema": .string(schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([run]),
        ])
    }

    /// `error` for high and critical, `warning` for medium, `note` for low and info.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// The CVSS-like score GitHub code scanning maps to its severity bands
    /// (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0).
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "0.0"
        }
    }

    static func result(_ finding: Finding, rules: SARIFRules) -> Value {
        var fields: [String: Value] = [
            "ruleId": .string(finding.ruleID),
            "level": .string(level(finding.severity)),
            "message": .object(fields: ["text": .string(message(finding))]),
            "partialFingerprints": .object(fields: [fingerprintKey: .string(finding.id)]),
            "properties": resultProperties(finding),
        ]
        if let index = rules.index(of: finding.ruleID) { fields["ruleIndex"] = .int(index) }
        if finding.resource != nil || finding.path != nil { fields["locations"] = .array([location(finding)]) }
        if let exemption = finding.reportExemption { fields["suppressions"] = .array([suppression(exemption)]) }
        return .object(fields: fields)
    }

    /// `Kind namespace/name: message`, so the message reads on its own in a code-scanning list.
    static func message(_ finding: Finding) -> String {
        guard let resource = finding.resource else { return finding.message }
        return "\(resource): \(finding.message)"
    }

    static func location(_ finding: Finding) -> Value {
        var fields: [String: Value] = [:]
        if let resource = finding.resource {
            fields["logicalLocations"] = .array([logicalLocation(resource)])
            if let file = resource.file, file != "-" {
                fields["physicalLocation"] = .object(fields: [
                    "artifactLocation": .object(fields: ["uri": .string(SARIFURI.reference(forPath: file))]),
                    "region": .object(fields: ["startLine": .int(max(1, resource.line ?? 1))]),
                ])
            }
        }
        if let path = finding.path { fields["message"] = .object(fields: ["text": .string(path)]) }
        return .object(fields: fields)
    }

    /// The Kubernetes object as a logical location: `namespace/Kind/name` (`Kind/name` when cluster-scoped).
    static func logicalLocation(_ resource: ResourceRef) -> Value {
        let qualified = ([resource.namespace].compactMap { $0 } + [resource.kind, resource.name]).joined(separator: "/")
        return .object(fields: [
            "name": .string(resource.name),
            "fullyQualifiedName": .string(qualified),
            "kind": .string("resource"),
        ])
    }

    static func suppression(_ exemption: Exemption) -> Value {
        var properties: [String: Value] = [:]
        if let expires = exemption.expires { properties["expires"] = .string(expires.rfc3339) }
        if let source = exemption.source { properties["source"] = .string(source) }
        var fields: [String: Value] = [
            "kind": .string("external"),
            "status": .string("accepted"),
            "justification": .string(exemption.justification),
        ]
        if !properties.isEmpty { fields["properties"] = .object(fields: properties) }
        return .object(fields: fields)
    }

    static func resultProperties(_ finding: Finding) -> Value {
        var fields: [String: Value] = [
            "severity": .string(finding.severity.name),
            "status": .string(finding.status.name),
        ]
        if let resource = finding.resource { fields["resource"] = resource.toValue() }
        if let path = finding.path { fields["path"] = .string(path) }
        if finding.details != .null { fields["details"] = finding.details }
        return .object(fields: fields)
    }

    static func invocation(_ report: ScanReport) -> Value {
        let errors = report.errors.map { notification($0, level: "error") }
        let notices = report.notices.map { notification($0, level: "note") }
        return .object(fields: [
            "executionSuccessful": .bool(true),
            "toolExecutionNotifications": .array(errors + notices),
        ])
    }

    static func notification(_ text: String, level: String) -> Value {
        .object(fields: ["level": .string(level), "message": .object(fields: ["text": .string(text)])])
    }

    static func runProperties(_ digest: ReportDigest) -> Value {
        var frameworks: [String: Value] = [:]
        for score in digest.frameworks { frameworks[score.framework.rawValue] = ReportNumber.jsonValue(score.score) }
        return .object(fields: [
            "overallScore": ReportNumber.jsonValue(digest.report.overallScore),
            "frameworkScores": .object(fields: frameworks),
            "resourceCount": .int(digest.report.resourceCount),
            "inputs": .array(digest.report.inputs.map(Value.string)),
        ])
    }
}
