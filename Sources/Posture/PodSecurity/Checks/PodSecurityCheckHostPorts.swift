import PalisadeCore

/// Baseline `hostPorts`: no container port may set a non-zero `hostPort`.
extension PodSecurityCheck {
    static let hostPorts = PodSecurityCheck(id: "hostPorts", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: hostPortsV1Dot0),
    ])

    private static func hostPortsV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var bad: [String] = []
        var ports: [String] = []
        for container in pod.containers {
            let used = container.value.pssList("ports")
                .compactMap { $0.pssMember("hostPort")?.numberValue }
                .filter { !$0.isZero }
            guard !used.isEmpty else { continue }
            bad.append(container.name)
            ports += used.map(\.description)
        }
        guard !bad.isEmpty else { return nil }
        let portList = PodSecurityText.sortedSet(ports)
        let detail = [
            PodSecurityText.containers(bad),
            PodSecurityText.pluralize("uses", "use", bad.count),
            PodSecurityText.pluralize("hostPort", "hostPorts", portList.count),
            portList.joined(separator: ", "),
        ].joined(separator: " ")
        return PodSecurityFinding(reason: "hostPort", detail: detail)
    }
}
