import PalisadeCore

/// A scan report in the canonical order every renderer uses: controls by id,
/// findings in report order, frameworks by name, severities most severe first.
/// Building it sorts everything that could carry insertion order, so equal
/// reports render to equal bytes.
struct ReportDigest {
    let report: ScanReport
    /// Controls sorted by id.
    let controls: [ControlResult]
    /// Findings (failed and exempted) in report order: most severe first, then rule, resource.
    let findings: [Finding]
    let frameworks: [FrameworkScore]
    /// Failed findings per severity, from critical to info, zeros included.
    let severityCounts: [(severity: Severity, count: Int)]
    private let findingsByControl: [String: [Finding]]
    private let controlsByID: [String: ControlResult]

    init(_ report: ScanReport) {
        self.report = report
        controls = report.controls.sorted { ($0.control.id, $0.control.title) < ($1.control.id, $1.control.title) }
        findings = Self.inReportOrder(report.findings)
        frameworks = report.frameworks.sorted { $0.framework < $1.framework }
        severityCounts = Severity.allCases.reversed().map { ($0, report.severityCounts[$0] ?? 0) }
        findingsByControl = Dictionary(grouping: findings, by: \.ruleID)
        controlsByID = Dictionary(controls.map { ($0.control.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The scanner already lists findings in report order; checking that is linear, sorting is not.
    private static func inReportOrder(_ findings: [Finding]) -> [Finding] {
        let isSorted = zip(findings, findings.dropFirst()).allSatisfy { !($1 < $0) }
        return isSorted ? findings : findings.sortedForReport()
    }

    var failures: [Finding] { findings.filter { $0.status == .failed } }
    var exemptions: [Finding] { findings.filter { $0.reportExemption != nil } }

    /// Controls most severe first, then by id: the order of the grouped views.
    var controlsBySeverity: [ControlResult] {
        controls.sorted(by: Self.isMoreSevere)
    }

    /// Controls with at least one failed or exempted finding, most severe first.
    var controlsWithFindings: [ControlResult] {
        controlsBySeverity.filter { !findings(of: $0.control.id).isEmpty || $0.failed > 0 }
    }

    private static func isMoreSevere(_ a: ControlResult, than b: ControlResult) -> Bool {
        if a.control.severity != b.control.severity { return a.control.severity > b.control.severity }
        return a.control.id < b.control.id
    }

    /// Findings of one control, in report order.
    func findings(of controlID: String) -> [Finding] { findingsByControl[controlID] ?? [] }

    /// Controls mapped to a framework, by id, with the framework requirement ids each maps to.
    func requirements(of framework: ControlMapping.Framework) -> [(result: ControlResult, requirements: [String])] {
        controls.compactMap { result in
            let ids = result.control.mappings.filter { $0.framework == framework }.map(\.control)
            return ids.isEmpty ? nil : (result, ids.sorted())
        }
    }

    /// Failed findings whose rule is not among the report's controls (kept, never dropped).
    var orphanRuleIDs: [String] {
        Set(findings.map(\.ruleID)).subtracting(controlsByID.keys).sorted()
    }

    var failedControlCount: Int { controls.filter { $0.failed > 0 }.count }
    var appliedControlCount: Int { controls.filter { $0.total > 0 }.count }
}

extension Finding {
    /// The exemption of an exempted finding, nil otherwise.
    var reportExemption: Exemption? {
        if case .exempted(let exemption) = status { return exemption }
        return nil
    }
}

extension ControlResult {
    /// What a control's row says: `fail`, `pass`, or `n/a` when it applied to nothing.
    var reportVerdict: String {
        if failed > 0 { return "fail" }
        return total > 0 ? "pass" : "n/a"
    }
}
