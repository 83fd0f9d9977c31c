import Kube
import PalisadeCore

/// The Pod Security Standards checks of one policy as report controls
/// (`PSS-<level>-<check>`): each applies to every workload with a pod
/// template and fails where PodSecurity admission would deny that check.
public struct PodSecurityControls: Sendable {
    public let policy: PodSecurityPolicy
    /// One control per check of the level at the version, in upstream order.
    public let controls: [ControlInfo]
    private let checkIDs: [String]

    public init(policy: PodSecurityPolicy) {
        self.policy = policy
        let baseline = Set(PodSecurityEvaluator.checkIDs(level: .baseline, version: policy.version))
        checkIDs = PodSecurityEvaluator.checkIDs(level: policy.level, version: policy.version)
        controls = checkIDs.map { check in
            ControlInfo(
                id: Self.controlID(level: policy.level, check: check),
                title: "Pod Security Standards (\(policy.level)): \(check)",
                description: "The \(check) check of the \(policy) Pod Security Standard, as PodSecurity admission runs it.",
                severity: baseline.contains(check) ? .high : .medium,
                remediation: "Change the pod template so it meets the \(policy) Pod Security Standard.",
                kinds: PodSecurityPodSpec.supportedKinds.sorted(),
                mappings: [ControlMapping(framework: .podSecurityStandards, control: "\(policy.level):\(check)")],
                references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"])
        }
    }

    static func controlID(level: PodSecurityLevel, check: String) -> String { "PSS-\(level)-\(check)" }

    /// Outcomes per object, in the shape the Rego scanner gives.
    public func evaluate(_ objects: [KubeObject], keeping ids: Set<String>? = nil) -> [ObjectEvaluation] {
        objects.enumerated().map { index, object in
            guard let pod = PodSecurityPodSpec.extract(from: object.value) else { return ObjectEvaluation(object: index, outcomes: []) }
            var violations: [String: [PodSecurityViolation]] = [:]
            for violation in PodSecurityEvaluator.evaluate(podMetadata: pod.metadata, podSpec: pod.spec, policy: policy) {
                violations[violation.checkID, default: []].append(violation)
            }
            var outcomes: [(control: String, outcome: ControlOutcome)] = []
            for check in checkIDs {
                let id = Self.controlID(level: policy.level, check: check)
                if let ids, !ids.contains(id) { continue }
                let found = violations[check] ?? []
                let outcome: ControlOutcome = found.isEmpty ? .passed
                    : .failed(found.map { ControlViolation(message: $0.message, details: .object(fields: ["policy": .string(policy.description), "check": .string(check)])) })
                outcomes.append((id, outcome))
            }
            return ObjectEvaluation(object: index, outcomes: outcomes)
        }
    }
}
