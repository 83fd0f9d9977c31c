import PalisadeCore

/// Baseline `windowsHostProcess`: neither the pod nor a container may set
/// `windowsOptions.hostProcess=true`.
extension PodSecurityCheck {
    static let windowsHostProcess = PodSecurityCheck(id: "windowsHostProcess", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: windowsHostProcessV1Dot0),
    ])

    private static func windowsHostProcessV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        func hostProcess(_ context: Value?) -> Bool {
            context?.pssMember("windowsOptions")?.pssBool("hostProcess") == true
        }
        var setters: [String] = []
        if hostProcess(pod.securityContext) { setters.append("pod") }
        let bad = pod.containers.filter { hostProcess($0.securityContext) }.map(\.name)
        if !bad.isEmpty { setters.append(PodSecurityText.containers(bad)) }
        guard !setters.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "hostProcess",
            detail: "\(setters.joined(separator: " and ")) must not set securityContext.windowsOptions.hostProcess=true")
    }
}
