import PalisadeCore

/// When a scan fails a CI job (exit status 1), per docs/controls.md:
/// - `failThreshold` (percent): fails when the share of non-compliance,
///   100 − overall score, is above it (Kubescape's `--fail-threshold`);
/// - `severityThreshold`: fails when a failed finding has at least that severity;
/// - neither given: fails when there is any failed finding.
public struct ScanThresholds: Sendable, Hashable {
    public var failThreshold: Double?
    public var severityThreshold: Severity?

    public init(failThreshold: Double? = nil, severityThreshold: Severity? = nil) {
        self.failThreshold = failThreshold
        self.severityThreshold = severityThreshold
    }

    /// Why the report breaches the thresholds, or an empty list when it does not.
    public func breaches(_ report: ScanReport) -> [String] {
        let failures = report.failures
        guard failThreshold != nil || severityThreshold != nil else {
            return failures.isEmpty ? [] : ["\(failures.count) failed finding\(failures.count == 1 ? "" : "s")"]
        }
        var reasons: [String] = []
        if let failThreshold, 100 - report.overallScore > failThreshold {
            reasons.append("non-compliance \(Self.percent(100 - report.overallScore))% is above --fail-threshold \(Self.percent(failThreshold))%")
        }
        if let severityThreshold {
            let count = failures.filter { $0.severity >= severityThreshold }.count
            if count > 0 { reasons.append("\(count) failed finding\(count == 1 ? "" : "s") at or above severity \(severityThreshold)") }
        }
        return reasons
    }

    static func percent(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
