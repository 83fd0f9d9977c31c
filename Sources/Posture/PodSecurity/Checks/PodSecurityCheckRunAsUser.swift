import PalisadeCore

/// Restricted `runAsUser` (1.23+): neither the pod nor a container may set
/// `runAsUser: 0`. From 1.35 pods in a user namespace are exempt.
extension PodSecurityCheck {
    static let runAsUser = PodSecurityCheck(id: "runAsUser", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 23, evaluate: runAsUserV1Dot23),
        PodSecurityVersionedCheck(minimumMinor: 35) { pod in
            pod.usesUserNamespace ? nil : runAsUserV1Dot23(pod)
        },
    ])

    private static func runsAsRoot(_ context: Value?) -> Bool {
        context?.pssMember("runAsUser")?.numberValue?.isZero == true
    }

    private static func runAsUserV1Dot23(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var setters: [String] = []
        if runsAsRoot(pod.securityContext) { setters.append("pod") }
        let bad = pod.containers.filter { runsAsRoot($0.securityContext) }.map(\.name)
        if !bad.isEmpty { setters.append(PodSecurityText.containers(bad)) }
        guard !setters.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "runAsUser=0",
            detail: "\(setters.joined(separator: " and ")) must not set runAsUser=0")
    }
}
