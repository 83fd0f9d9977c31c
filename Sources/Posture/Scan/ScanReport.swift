import PalisadeCore

/// What a control is, as its Rego module's METADATA declares it.
public struct ControlInfo: Sendable, Hashable {
    /// Stable id (`PAL-001`); never reused for another meaning.
    public var id: String
    public var title: String
    public var description: String
    public var severity: Severity
    public var remediation: String
    /// The kinds the control applies to (`Deployment`, `ClusterRoleBinding`); `*` for every kind.
    public var kinds: [String]
    public var mappings: [ControlMapping]
    /// Where the framework mappings come from (URLs or document titles).
    public var references: [String]

    public init(id: String, title: String, description: String = "", severity: Severity, remediation: String = "",
                kinds: [String], mappings: [ControlMapping] = [], references: [String] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.remediation = remediation
        self.kinds = kinds
        self.mappings = mappings.normalized()
        self.references = references
    }
}

/// One control's results over the scanned resources.
public struct ControlResult: Sendable, Hashable {
    public var control: ControlInfo
    /// Resources the control applied to and that had no failure.
    public var passed: Int
    /// Resources with at least one failing, non-exempted result.
    public var failed: Int
    /// Resources whose failures were all exempted by a valid exception.
    public var exempted: Int
    /// Resources on which evaluating the control failed; they count against
    /// the score (an error is never a pass).
    public var errors: Int

    public init(control: ControlInfo, passed: Int, failed: Int, exempted: Int, errors: Int = 0) {
        self.control = control
        self.passed = passed
        self.failed = failed
        self.exempted = exempted
        self.errors = errors
    }

    /// Resources the control applied to.
    public var total: Int { passed + failed + exempted + errors }

    /// Compliance in percent: (passed + exempted) / total × 100; nil when the
    /// control applied to no resource (it is then left out of averages).
    public var score: Double? {
        guard total > 0 else { return nil }
        return Double(passed + exempted) * 100 / Double(total)
    }
}

/// The compliance score of one framework: the mean score of the controls
/// mapped to it that applied to at least one resource.
public struct FrameworkScore: Sendable, Hashable {
    public var framework: ControlMapping.Framework
    /// Percent, nil when none of its controls applied.
    public var score: Double?
    /// Controls mapped to the framework (applied or not).
    public var controls: Int
    /// Of those, controls with at least one failed resource.
    public var failedControls: Int

    public init(framework: ControlMapping.Framework, score: Double?, controls: Int, failedControls: Int) {
        self.framework = framework
        self.score = score
        self.controls = controls
        self.failedControls = failedControls
    }
}

/// Everything a report renders. Built by the scanner; renderers only read it.
/// Deterministic: no clocks or random ids, so the same input gives the same bytes.
public struct ScanReport: Sendable {
    /// What was scanned: paths, `-`, or `cluster:<context>`.
    public var inputs: [String]
    public var resourceCount: Int
    /// Per control, sorted by control id.
    public var controls: [ControlResult]
    /// Failed and exempted findings (and expired-exception findings), in report order.
    public var findings: [Finding]
    public var frameworks: [FrameworkScore]
    /// Mean of the control scores (controls that applied to no resource are left out); 100 when none applied.
    public var overallScore: Double
    /// Failed findings per severity (exempted ones are not counted).
    public var severityCounts: [Severity: Int]
    /// Inputs that could not be read or parsed (`file:line: message`); the rest was scanned.
    public var errors: [String]
    /// Documents skipped on purpose (not Kubernetes objects), and similar notes.
    public var notices: [String]

    public init(inputs: [String], resourceCount: Int, controls: [ControlResult], findings: [Finding],
                frameworks: [FrameworkScore], overallScore: Double, severityCounts: [Severity: Int],
                errors: [String] = [], notices: [String] = []) {
        self.inputs = inputs
        self.resourceCount = resourceCount
        self.controls = controls
        self.findings = findings
        self.frameworks = frameworks
        self.overallScore = overallScore
        self.severityCounts = severityCounts
        self.errors = errors
        self.notices = notices
    }

    /// The failing (not exempted) findings.
    public var failures: [Finding] { findings.filter { $0.status == .failed } }
}
