/// Baseline `seccompProfile_baseline`: below 1.19 the alpha seccomp
/// annotations, from 1.19 the `seccompProfile.type` fields, may only name
/// the runtime default or a localhost profile (replaced at Restricted by
/// `seccompProfile_restricted` from 1.19).
extension PodSecurityCheck {
    static let seccompProfileBaseline = PodSecurityCheck(id: "seccompProfile_baseline", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: seccompBaselineV1Dot0),
        PodSecurityVersionedCheck(minimumMinor: 19, evaluate: seccompBaselineV1Dot19),
    ])

    static let seccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod"
    static let seccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/"

    static func validSeccompType(_ type: String) -> Bool {
        type == "RuntimeDefault" || type == "Localhost"
    }

    private static func validSeccompAnnotation(_ value: String) -> Bool {
        value == "runtime/default" || value == "docker/default" || value.hasPrefix("localhost/")
    }

    private static func seccompBaselineV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        let keys = [seccompPodAnnotation] + pod.containers.map { seccompContainerAnnotationPrefix + $0.name }
        let forbidden = PodSecurityText.sortedSet(keys.compactMap { key -> String? in
            guard let value = pod.annotations[key], !validSeccompAnnotation(value) else { return nil }
            return "\(key)=\(PodSecurityText.goQuoted(value))"
        })
        guard !forbidden.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "seccompProfile",
            detail: "forbidden \(PodSecurityText.pluralize("annotation", "annotations", forbidden.count)) \(forbidden.joined(separator: ", "))")
    }

    private static func seccompBaselineV1Dot19(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var setters: [String] = []
        var badTypes: [String] = []
        if let profile = pod.securityContext?.pssMember("seccompProfile") {
            let type = profile.pssString("type") ?? ""
            if !validSeccompType(type) { setters.append("pod"); badTypes.append(type) }
        }
        var badContainers: [String] = []
        for container in pod.containers {
            guard let profile = container.securityContext?.pssMember("seccompProfile") else { continue }
            let type = profile.pssString("type") ?? ""
            if !validSeccompType(type) { badContainers.append(container.name); badTypes.append(type) }
        }
        if !badContainers.isEmpty { setters.append(PodSecurityText.containers(badContainers)) }
        guard !setters.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "seccompProfile",
            detail: "\(setters.joined(separator: " and ")) must not set securityContext.seccompProfile.type to \(PodSecurityText.joinQuote(PodSecurityText.sortedSet(badTypes)))")
    }
}
