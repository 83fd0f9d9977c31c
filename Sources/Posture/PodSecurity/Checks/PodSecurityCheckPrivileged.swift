/// Baseline `privileged`: no container may set `securityContext.privileged=true`.
extension PodSecurityCheck {
    static let privileged = PodSecurityCheck(id: "privileged", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: privilegedV1Dot0),
    ])

    private static func privilegedV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        let bad = pod.containers.filter { $0.securityContext?.pssBool("privileged") == true }.map(\.name)
        guard !bad.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "privileged",
            detail: "\(PodSecurityText.containers(bad)) must not set securityContext.privileged=true")
    }
}
