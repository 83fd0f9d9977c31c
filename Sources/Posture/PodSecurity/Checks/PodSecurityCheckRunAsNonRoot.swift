/// Restricted `runAsNonRoot`: the pod or every container must set
/// `runAsNonRoot: true`, and none may set it false. From 1.35 pods in a user
/// namespace (`hostUsers: false`) are exempt.
extension PodSecurityCheck {
    static let runAsNonRoot = PodSecurityCheck(id: "runAsNonRoot", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: runAsNonRootV1Dot0),
        PodSecurityVersionedCheck(minimumMinor: 35) { pod in
            pod.usesUserNamespace ? nil : runAsNonRootV1Dot0(pod)
        },
    ])

    private static func runAsNonRootV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var setters: [String] = []
        let podSetting = pod.securityContext?.pssBool("runAsNonRoot")
        if podSetting == false { setters.append("pod") }
        var explicit: [String] = []
        var implicit: [String] = []
        for container in pod.containers {
            switch container.securityContext?.pssBool("runAsNonRoot") {
            case false?: explicit.append(container.name)
            case true?: break
            case nil: if podSetting != true { implicit.append(container.name) }
            }
        }
        if !explicit.isEmpty { setters.append(PodSecurityText.containers(explicit)) }
        if !setters.isEmpty {
            return PodSecurityFinding(
                reason: "runAsNonRoot != true",
                detail: "\(setters.joined(separator: " and ")) must not set securityContext.runAsNonRoot=false")
        }
        guard !implicit.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "runAsNonRoot != true",
            detail: "pod or \(PodSecurityText.containers(implicit)) must set securityContext.runAsNonRoot=true")
    }
}
