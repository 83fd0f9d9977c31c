/// Baseline `hostNamespaces`: `hostNetwork`, `hostPID` and `hostIPC` must not be true.
extension PodSecurityCheck {
    static let hostNamespaces = PodSecurityCheck(id: "hostNamespaces", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: hostNamespacesV1Dot0),
    ])

    private static func hostNamespacesV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        let shared = ["hostNetwork", "hostPID", "hostIPC"].filter { pod.spec.pssBool($0) == true }
        guard !shared.isEmpty else { return nil }
        let detail = shared.map { "\($0)=true" }.joined(separator: ", ")
        return PodSecurityFinding(reason: "host namespaces", detail: detail)
    }
}
