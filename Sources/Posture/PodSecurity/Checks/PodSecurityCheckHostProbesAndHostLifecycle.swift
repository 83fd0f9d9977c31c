import PalisadeCore

/// Baseline `hostProbesAndHostLifecycle` (1.34+): probes and lifecycle
/// handlers must not set a `host` on `httpGet` or `tcpSocket`.
extension PodSecurityCheck {
    static let hostProbesAndHostLifecycle = PodSecurityCheck(id: "hostProbesAndHostLifecycle", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 34, evaluate: hostProbesV1Dot34),
    ])

    /// The non-empty hosts of a probe or lifecycle handler.
    private static func handlerHosts(_ handler: Value?) -> [String] {
        guard let handler else { return [] }
        return ["httpGet", "tcpSocket"].compactMap { action in
            guard let host = handler.pssMember(action)?.pssString("host"), !host.isEmpty else { return nil }
            return host
        }
    }

    private static func containerHosts(_ container: PodSecurityContainerView) -> [String] {
        let probes = ["livenessProbe", "readinessProbe", "startupProbe"].flatMap {
            handlerHosts(container.value.pssMember($0))
        }
        let lifecycle = container.value.pssMember("lifecycle")
        let hooks = ["postStart", "preStop"].flatMap { handlerHosts(lifecycle?.pssMember($0)) }
        return probes + hooks
    }

    private static func hostProbesV1Dot34(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var bad: [String] = []
        var hosts: [String] = []
        for container in pod.containers {
            let found = containerHosts(container)
            guard !found.isEmpty else { continue }
            bad.append(container.name)
            hosts += found
        }
        guard !bad.isEmpty else { return nil }
        let names = PodSecurityText.sortedSet(bad)
        let distinctHosts = PodSecurityText.sortedSet(hosts)
        let detail = [
            PodSecurityText.containers(names),
            PodSecurityText.pluralize("uses", "use", names.count),
            PodSecurityText.pluralize("probe or lifecycle host", "probe or lifecycle hosts", distinctHosts.count),
            PodSecurityText.joinQuote(distinctHosts),
        ].joined(separator: " ")
        return PodSecurityFinding(reason: "probe or lifecycle host", detail: detail)
    }
}
