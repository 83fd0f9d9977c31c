import PalisadeCore

/// Baseline `seLinuxOptions`: the SELinux type must come from an allowed set
/// (which gained `container_engine_t` in 1.31); user and role must be empty.
extension PodSecurityCheck {
    static let seLinuxOptions = PodSecurityCheck(id: "seLinuxOptions", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0) { seLinuxOptions($0, allowed: seLinuxTypesV1Dot0) },
        PodSecurityVersionedCheck(minimumMinor: 31) { seLinuxOptions($0, allowed: seLinuxTypesV1Dot31) },
    ])

    static let seLinuxTypesV1Dot0: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
    static let seLinuxTypesV1Dot31 = seLinuxTypesV1Dot0.union(["container_engine_t"])

    /// What a set of options got wrong.
    private struct SELinuxProblems {
        var types: [String] = []
        var userSet = false
        var roleSet = false

        /// Records the problems of `options`; returns whether it had any.
        mutating func inspect(_ options: Value, allowed: Set<String>) -> Bool {
            var valid = true
            let type = options.pssString("type") ?? ""
            if !allowed.contains(type) { valid = false; types.append(type) }
            if !(options.pssString("user") ?? "").isEmpty { valid = false; userSet = true }
            if !(options.pssString("role") ?? "").isEmpty { valid = false; roleSet = true }
            return valid
        }

        var summary: String {
            var parts: [String] = []
            let distinct = PodSecurityText.sortedSet(types)
            if !distinct.isEmpty {
                parts.append("\(PodSecurityText.pluralize("type", "types", distinct.count)) \(PodSecurityText.joinQuote(distinct))")
            }
            if userSet { parts.append("user may not be set") }
            if roleSet { parts.append("role may not be set") }
            return parts.joined(separator: "; ")
        }
    }

    private static func seLinuxOptions(_ pod: PodSecurityPodView, allowed: Set<String>) -> PodSecurityFinding? {
        var problems = SELinuxProblems()
        var setters: [String] = []
        if let options = pod.securityContext?.pssMember("seLinuxOptions"), !problems.inspect(options, allowed: allowed) {
            setters.append("pod")
        }
        var badContainers: [String] = []
        for container in pod.containers {
            guard let options = container.securityContext?.pssMember("seLinuxOptions") else { continue }
            if !problems.inspect(options, allowed: allowed) { badContainers.append(container.name) }
        }
        if !badContainers.isEmpty { setters.append(PodSecurityText.containers(badContainers)) }
        guard !setters.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "seLinuxOptions",
            detail: "\(setters.joined(separator: " and ")) set forbidden securityContext.seLinuxOptions: \(problems.summary)")
    }
}
