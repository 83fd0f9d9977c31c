/// Restricted `seccompProfile_restricted` (1.19+): the pod or every
/// container must set `seccompProfile.type` to `RuntimeDefault` or
/// `Localhost` (replaces `seccompProfile_baseline`); from 1.25 Windows pods are exempt.
extension PodSecurityCheck {
    static let seccompProfileRestricted = PodSecurityCheck(id: "seccompProfile_restricted", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 19, overrides: ["seccompProfile_baseline"], evaluate: seccompRestrictedV1Dot19),
        PodSecurityVersionedCheck(minimumMinor: 25, overrides: ["seccompProfile_baseline"]) { pod in
            pod.isWindows ? nil : seccompRestrictedV1Dot19(pod)
        },
    ])

    private static func seccompRestrictedV1Dot19(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var setters: [String] = []
        var badTypes: [String] = []
        var podSet = false
        if let profile = pod.securityContext?.pssMember("seccompProfile") {
            let type = profile.pssString("type") ?? ""
            if validSeccompType(type) { podSet = true } else { setters.append("pod"); badTypes.append(type) }
        }
        var explicit: [String] = []
        var implicit: [String] = []
        for container in pod.containers {
            if let profile = container.securityContext?.pssMember("seccompProfile") {
                let type = profile.pssString("type") ?? ""
                if !validSeccompType(type) { explicit.append(container.name); badTypes.append(type) }
            } else if !podSet {
                implicit.append(container.name)
            }
        }
        if !explicit.isEmpty { setters.append(PodSecurityText.containers(explicit)) }
        if !setters.isEmpty {
            return PodSecurityFinding(
                reason: "seccompProfile",
                detail: "\(setters.joined(separator: " and ")) must not set securityContext.seccompProfile.type to \(PodSecurityText.joinQuote(PodSecurityText.sortedSet(badTypes)))")
        }
        guard !implicit.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "seccompProfile",
            detail: "pod or \(PodSecurityText.containers(implicit)) must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"")
    }
}
