/// Baseline `capabilities_baseline`: only the default capabilities may be added.
extension PodSecurityCheck {
    static let capabilitiesBaseline = PodSecurityCheck(id: "capabilities_baseline", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: capabilitiesBaselineV1Dot0),
    ])

    static let defaultCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
        "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    private static func capabilitiesBaselineV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var bad: [String] = []
        var added: [String] = []
        for container in pod.containers {
            guard let capabilities = container.securityContext?.pssMember("capabilities") else { continue }
            let forbidden = capabilities.pssStrings("add").filter { !defaultCapabilities.contains($0) }
            guard !forbidden.isEmpty else { continue }
            bad.append(container.name)
            added += forbidden
        }
        guard !bad.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "non-default capabilities",
            detail: "\(PodSecurityText.containers(bad)) must not include \(PodSecurityText.joinQuote(PodSecurityText.sortedSet(added))) in securityContext.capabilities.add")
    }
}
