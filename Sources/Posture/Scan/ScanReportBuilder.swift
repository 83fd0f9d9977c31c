import Kube
import PalisadeCore

/// Turns control outcomes into findings and counts: applies exceptions
/// (annotation first, then the exceptions file, in order), then scores.
struct ScanReportBuilder {
    private let infos: [String: ControlInfo]
    private let order: [String]
    private let settings: ScanSettings
    private var counts: [String: ControlResult] = [:]
    private var findings: [Finding] = []
    private var usedIDs: Set<String> = []
    var errors: [String] = []
    var notices: [String] = []

    init(controls: [ControlInfo], settings: ScanSettings) {
        infos = Dictionary(controls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        order = controls.map(\.id)
        self.settings = settings
        for control in controls { counts[control.id] = ControlResult(control: control, passed: 0, failed: 0, exempted: 0) }
    }

    mutating func add(_ evaluation: ObjectEvaluation, object: KubeObject) {
        let annotation = ExceptionAnnotations.exceptions(of: object)
        if let problem = annotation.problem { notices.append(problem) }
        for exception in annotation.exceptions where exception.isExpired(at: settings.now) {
            append(ExpiredExceptionFinding.finding(for: exception, resource: object.ref))
        }
        let exceptions = annotation.exceptions + settings.exceptions
        for (controlID, outcome) in evaluation.outcomes {
            guard let info = infos[controlID] else { continue }
            switch outcome {
            case .passed:
                counts[controlID]?.passed += 1
            case .error(let message):
                counts[controlID]?.errors += 1
                errors.append("\(Self.place(object)): \(controlID): evaluation error: \(message)")
            case .failed(let violations):
                addFailure(info, violations, object: object, exceptions: exceptions)
            }
        }
    }

    private mutating func addFailure(_ info: ControlInfo, _ violations: [ControlViolation], object: KubeObject, exceptions: [ScanException]) {
        let matching = exceptions.filter { $0.covers(controlID: info.id, object: object) }
        let active = matching.first { !$0.isExpired(at: settings.now) }
        let expired = matching.filter { $0.isExpired(at: settings.now) }
        if active != nil { counts[info.id]?.exempted += 1 } else { counts[info.id]?.failed += 1 }
        for violation in violations {
            var details = violation.details
            if active == nil, !expired.isEmpty { details = Self.noting(expired, in: details) }
            append(Finding(
                ruleID: info.id, title: info.title, severity: info.severity, resource: object.ref, path: violation.path,
                message: violation.message, remediation: info.remediation, mappings: info.mappings,
                status: active.map { .exempted($0.exemption) } ?? .failed, details: details))
        }
    }

    mutating func addExpiredFileExceptions() {
        for exception in settings.exceptions where exception.isExpired(at: settings.now) {
            append(ExpiredExceptionFinding.finding(for: exception, resource: nil))
        }
    }

    /// Keeps finding ids unique: a second result with the same rule, resource
    /// and path gets an id that also covers its message.
    private mutating func append(_ finding: Finding) {
        var finding = finding
        if usedIDs.contains(finding.id) {
            finding.id = StableID.make([finding.ruleID, finding.resource?.identityKey ?? "", finding.path ?? "", finding.message])
            var salt = 1
            while usedIDs.contains(finding.id) {
                finding.id = StableID.make([finding.ruleID, finding.resource?.identityKey ?? "", finding.path ?? "", finding.message, String(salt)])
                salt += 1
            }
        }
        usedIDs.insert(finding.id)
        findings.append(finding)
    }

    func finish(inputs: [String], resourceCount: Int) -> ScanReport {
        let results = order.compactMap { counts[$0] }
        return ScanReport(
            inputs: inputs, resourceCount: resourceCount, controls: results, findings: findings.sorted(),
            frameworks: ScanScoring.frameworkScores(results), overallScore: ScanScoring.overall(results),
            severityCounts: ScanScoring.severityCounts(findings), errors: errors, notices: notices)
    }

    /// The finding's details with the expired exceptions that no longer exempt it.
    private static func noting(_ expired: [ScanException], in details: Value) -> Value {
        let note = Value.array(expired.map { $0.toValue() })
        if case .object(var fields) = details {
            fields[.string("expiredExceptions")] = note
            return .object(fields)
        }
        var fields: [String: Value] = ["expiredExceptions": note]
        if details != .null { fields["details"] = details }
        return .object(fields: fields)
    }

    private static func place(_ object: KubeObject) -> String {
        guard let location = object.location else { return "\(object.ref)" }
        return "\(location.file):\(location.line): \(object.ref)"
    }
}
