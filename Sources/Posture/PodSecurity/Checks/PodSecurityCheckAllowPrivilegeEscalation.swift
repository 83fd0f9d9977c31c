/// Restricted `allowPrivilegeEscalation` (1.8+): every container must set
/// `allowPrivilegeEscalation: false`; from 1.25 Windows pods are exempt.
extension PodSecurityCheck {
    static let allowPrivilegeEscalation = PodSecurityCheck(id: "allowPrivilegeEscalation", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 8, evaluate: allowPrivilegeEscalationV1Dot8),
        PodSecurityVersionedCheck(minimumMinor: 25) { pod in
            pod.isWindows ? nil : allowPrivilegeEscalationV1Dot8(pod)
        },
    ])

    private static func allowPrivilegeEscalationV1Dot8(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        let bad = pod.containers
            .filter { $0.securityContext?.pssBool("allowPrivilegeEscalation") != false }
            .map(\.name)
        guard !bad.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "allowPrivilegeEscalation != false",
            detail: "\(PodSecurityText.containers(bad)) must set securityContext.allowPrivilegeEscalation=false")
    }
}
