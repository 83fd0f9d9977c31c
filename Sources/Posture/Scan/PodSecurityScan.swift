import Kube
import PalisadeCore

/// Checks every workload's pod template against a Pod Security Standards
/// policy: one finding per violated check per workload, in report order.
public enum PodSecurityScan {
    public static func findings(for objects: [KubeObject], policy: PodSecurityPolicy) -> [Finding] {
        var findings: [Finding] = []
        let baseline = Set(PodSecurityEvaluator.checkIDs(level: .baseline, version: policy.version))
        for object in objects {
            guard let pod = PodSecurityPodSpec.extract(from: object.value) else { continue }
            let violations = PodSecurityEvaluator.evaluate(podMetadata: pod.metadata, podSpec: pod.spec, policy: policy)
            for violation in violations {
                let severity: Severity = baseline.contains(violation.checkID) ? .high : .medium
                findings.append(finding(for: violation, object: object, policy: policy, severity: severity))
            }
        }
        return findings.sorted()
    }

    /// Baseline checks (privileged, host namespaces, ...) are high severity;
    /// the further restrictions of the restricted level are medium.
    private static func finding(for violation: PodSecurityViolation, object: KubeObject, policy: PodSecurityPolicy,
                                severity: Severity) -> Finding {
        Finding(
            ruleID: "PSS-\(policy.level)-\(violation.checkID)",
            title: "Pod Security Standards (\(policy.level)): \(violation.checkID)",
            severity: severity,
            resource: object.ref,
            message: violation.message,
            remediation: "Change the pod template so it meets the \(policy) Pod Security Standard: \(violation.reason).",
            mappings: [ControlMapping(framework: .podSecurityStandards, control: "\(policy.level):\(violation.checkID)")],
            details: .object(fields: ["policy": .string(policy.description), "check": .string(violation.checkID)])
        )
    }
}
