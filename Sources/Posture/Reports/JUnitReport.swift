import PalisadeCore

/// JUnit XML for CI test reporters (Jenkins, GitLab, GitHub test-report actions).
///
/// - One `<testsuite>` per control (by id), named `PAL-001 Title`, with `<properties>` for
///   severity, score and framework mappings.
/// - One `<testcase>` per (control, resource) with findings: `<failure>` when any finding
///   on that resource failed (all its messages in the body), otherwise `<skipped>` whose
///   message is the exemption's justification and expiry.
/// - The report only counts passing resources, so passes are one summary testcase per
///   control, `N resources passed`, when N > 0. A control that applied to no resource gets
///   one skipped testcase, so every suite has at least one case.
/// - A last suite, `palisade inputs`, has one `<error>` testcase per input that could not
///   be read (a CI run fails on unreadable input) and the notices as `<system-out>`.
enum JUnitReport {
    static func render(_ digest: ReportDigest) -> String {
        let suites = digest.controls.map { suite($0, findings: digest.findings(of: $0.control.id)) }
            + digest.orphanRuleIDs.map { orphanSuite($0, findings: digest.findings(of: $0)) }
            + [inputsSuite(digest.report)]
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"palisade\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">\n"
        for suite in suites { out += suite.xml }
        return out + "</testsuites>\n"
    }

    /// One rendered `<testsuite>` with its counts.
    struct Suite {
        var name: String
        var properties: [(String, String)] = []
        var cases: [TestCase] = []
        var systemOut: [String] = []

        var tests: Int { cases.count }
        var failures: Int { cases.filter { $0.outcome.kind == "failure" }.count }
        var errors: Int { cases.filter { $0.outcome.kind == "error" }.count }
        var skipped: Int { cases.filter { $0.outcome.kind == "skipped" }.count }

        var xml: String {
            var out = "  <testsuite name=\"\(xmlText(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">\n"
            if !properties.isEmpty {
                out += "    <properties>\n"
                for (name, value) in properties { out += "      <property name=\"\(xmlText(name))\" value=\"\(xmlText(value))\"/>\n" }
                out += "    </properties>\n"
            }
            for testCase in cases { out += testCase.xml }
            if !systemOut.isEmpty { out += "    <system-out>\(ReportEscaping.xml(systemOut.joined(separator: "\n"), attribute: false))</system-out>\n" }
            return out + "  </testsuite>\n"
        }
    }

    struct TestCase {
        enum Outcome {
            case passed
            case failure(type: String, message: String, body: String)
            case skipped(message: String)
            case error(message: String)

            var kind: String {
                switch self {
                case .passed: return "passed"
                case .failure: return "failure"
                case .skipped: return "skipped"
                case .error: return "error"
                }
            }
        }

        var className: String
        var name: String
        var outcome: Outcome

        var xml: String {
            let open = "    <testcase classname=\"\(xmlText(className))\" name=\"\(xmlText(name))\" time=\"0\""
            switch outcome {
            case .passed:
                return open + "/>\n"
            case .failure(let type, let message, let body):
                return open + ">\n      <failure type=\"\(xmlText(type))\" message=\"\(xmlText(message))\">\(ReportEscaping.xml(body, attribute: false))</failure>\n    </testcase>\n"
            case .skipped(let message):
                return open + ">\n      <skipped message=\"\(xmlText(message))\"/>\n    </testcase>\n"
            case .error(let message):
                return open + ">\n      <error type=\"input\" message=\"\(xmlText(message))\"/>\n    </testcase>\n"
            }
        }
    }

    static func suite(_ result: ControlResult, findings: [Finding]) -> Suite {
        let info = result.control
        var suite = Suite(name: "\(info.id) \(info.title)")
        suite.properties = [("severity", info.severity.name), ("score", ReportNumber.percent(result.score))]
            + info.mappings.normalized().map { ("mapping", $0.description) }
        suite.cases = resourceCases(info.id, findings: findings)
        if result.passed > 0 {
            let noun = result.passed == 1 ? "resource" : "resources"
            suite.cases.append(TestCase(className: info.id, name: "\(result.passed) \(noun) passed", outcome: .passed))
        }
        if result.total == 0 && suite.cases.isEmpty {
            suite.cases.append(TestCase(className: info.id, name: "no resource evaluated",
                                        outcome: .skipped(message: "the control applied to no scanned resource")))
        }
        return suite
    }

    static func orphanSuite(_ ruleID: String, findings: [Finding]) -> Suite {
        var suite = Suite(name: "\(ruleID) \(findings.first?.title ?? "")")
        suite.cases = resourceCases(ruleID, findings: findings)
        return suite
    }

    /// One testcase per resource, in the order its first finding appears.
    static func resourceCases(_ controlID: String, findings: [Finding]) -> [TestCase] {
        var order: [ResourceRef?] = []
        var byResource: [ResourceRef?: [Finding]] = [:]
        for finding in findings {
            if byResource[finding.resource] == nil { order.append(finding.resource) }
            byResource[finding.resource, default: []].append(finding)
        }
        return order.map { resource in
            let location = ReportLabels.location(resource)
            let name = ReportLabels.resource(resource) + (location.isEmpty ? "" : " (\(location))")
            return TestCase(className: controlID, name: name, outcome: outcome(byResource[resource] ?? []))
        }
    }

    static func outcome(_ findings: [Finding]) -> TestCase.Outcome {
        let failed = findings.filter { $0.status == .failed }
        guard let first = failed.first else {
            let reasons = findings.compactMap(\.reportExemption).map { "exempted: " + ReportLabels.exemption($0) }
            return .skipped(message: Array(Set(reasons)).sorted().joined(separator: "; "))
        }
        let body = findings.map(describe).joined(separator: "\n")
        let message = failed.count == 1 ? first.message : "\(failed.count) findings; first: \(first.message)"
        return .failure(type: first.severity.name, message: message, body: body)
    }

    /// One finding as failure text: location, path, message, remediation.
    static func describe(_ finding: Finding) -> String {
        var lines = ["[\(finding.status.name)] \(finding.severity.name): \(finding.message)"]
        let location = ReportLabels.location(finding.resource)
        if !location.isEmpty { lines.append("  at: " + location) }
        if let path = finding.path { lines.append("  path: " + path) }
        if let exemption = finding.reportExemption { lines.append("  exempted: " + ReportLabels.exemption(exemption)) }
        if !finding.remediation.isEmpty { lines.append("  remediation: " + finding.remediation) }
        return lines.joined(separator: "\n")
    }

    static func inputsSuite(_ report: ScanReport) -> Suite {
        var suite = Suite(name: "palisade inputs")
        suite.properties = report.inputs.map { ("input", $0) }
        suite.cases = report.errors.map { TestCase(className: "palisade.inputs", name: $0, outcome: .error(message: $0)) }
        if suite.cases.isEmpty {
            let name = "\(report.resourceCount) resources read"
            suite.cases = [TestCase(className: "palisade.inputs", name: name, outcome: .passed)]
        }
        suite.systemOut = report.notices
        return suite
    }

}

private func xmlText(_ text: String) -> String { ReportEscaping.xml(text) }
