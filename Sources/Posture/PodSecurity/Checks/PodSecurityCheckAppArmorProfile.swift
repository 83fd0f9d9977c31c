import PalisadeCore

/// Baseline `appArmorProfile`: the `appArmorProfile.type` fields (pod and
/// containers) must be `RuntimeDefault` or `Localhost`, and the deprecated
/// per-container annotations must be empty, `runtime/default` or `localhost/*`.
/// Upstream amended the single 1.0 revision in place, so both apply at every version.
extension PodSecurityCheck {
    static let appArmorProfile = PodSecurityCheck(id: "appArmorProfile", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: appArmorProfileV1Dot0),
    ])

    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"

    private static func allowedAppArmorType(_ profile: Value) -> Bool {
        let type = profile.pssString("type") ?? ""
        return type == "RuntimeDefault" || type == "Localhost"
    }

    private static func allowedAppArmorAnnotation(_ value: String) -> Bool {
        value.isEmpty || value == "runtime/default" || value.hasPrefix("localhost/")
    }

    private static func appArmorProfileV1Dot0(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var setters: [String] = []
        var badTypes: [String] = []
        if let profile = pod.securityContext?.pssMember("appArmorProfile"), !allowedAppArmorType(profile) {
            setters.append("pod")
            badTypes.append(profile.pssString("type") ?? "")
        }
        var badContainers: [String] = []
        for container in pod.containers {
            guard let profile = container.securityContext?.pssMember("appArmorProfile"),
                  !allowedAppArmorType(profile) else { continue }
            badContainers.append(container.name)
            badTypes.append(profile.pssString("type") ?? "")
        }
        if !badContainers.isEmpty { setters.append(PodSecurityText.containers(badContainers)) }
        let annotations = PodSecurityText.sorted(pod.annotations
            .filter { $0.key.hasPrefix(appArmorAnnotationPrefix) && !allowedAppArmorAnnotation($0.value) }
            .map { "\($0.key)=\(PodSecurityText.goQuoted($0.value))" })
        if !annotations.isEmpty {
            setters.append(PodSecurityText.pluralize("annotation", "annotations", annotations.count))
        }
        guard !setters.isEmpty else { return nil }
        let values = PodSecurityText.sortedSet(badTypes) + annotations
        return PodSecurityFinding(
            reason: PodSecurityText.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.count),
            detail: "\(setters.joined(separator: " and ")) must not set AppArmor profile type to \(PodSecurityText.joinQuote(values))")
    }
}
