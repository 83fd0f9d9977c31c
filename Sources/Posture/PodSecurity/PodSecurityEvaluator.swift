import PalisadeCore

/// Evaluates pods against the Pod Security Standards with the semantics of
/// Kubernetes' pod-security-admission library: the same checks per level
/// and policy version, and the same forbidden reasons and details.
public enum PodSecurityEvaluator {
    /// The newest policy version this build defines; `latest` means this one.
    public static var newestVersion: PodSecurityVersion { .v1(PodSecurityRegistry.newestMinor) }

    /// The violations of a pod (its `metadata` and `spec`), in upstream's
    /// check order; empty when the pod is allowed.
    public static func evaluate(
        podMetadata: Value?, podSpec: Value, level: PodSecurityLevel, version: PodSecurityVersion
    ) -> [PodSecurityViolation] {
        let pod = PodSecurityPodView(metadata: podMetadata, spec: podSpec)
        return PodSecurityRegistry.entries(level: level, version: version).compactMap { entry in
            entry.revision.evaluate(pod).map {
                PodSecurityViolation(checkID: entry.id, reason: $0.reason, detail: $0.detail)
            }
        }
    }

    /// The violations of a pod under `policy`.
    public static func evaluate(podMetadata: Value?, podSpec: Value, policy: PodSecurityPolicy) -> [PodSecurityViolation] {
        evaluate(podMetadata: podMetadata, podSpec: podSpec, level: policy.level, version: policy.version)
    }

    /// The IDs of the checks that run for a level at a version, in order.
    public static func checkIDs(level: PodSecurityLevel, version: PodSecurityVersion) -> [String] {
        PodSecurityRegistry.entries(level: level, version: version).map(\.id)
    }

    /// The message PodSecurity admission gives when it denies a pod, e.g.
    /// `violates PodSecurity "restricted:latest": runAsNonRoot != true (...)`;
    /// nil when there are no violations.
    public static func denialMessage(_ violations: [PodSecurityViolation], policy: PodSecurityPolicy) -> String? {
        guard !violations.isEmpty else { return nil }
        let quoted = PodSecurityText.goQuoted(policy.description)
        return "violates PodSecurity \(quoted): " + violations.map(\.message).joined(separator: ", ")
    }
}
