/// `/proc` mount type. Baseline `procMount` allows only `Default` (or unset);
/// from 1.35 it skips pods in a user namespace (`hostUsers: false`). Restricted
/// `procMount_restricted` (1.35+) replaces it and never relaxes.
extension PodSecurityCheck {
    static let procMount = PodSecurityCheck(id: "procMount", level: .baseline, versions: [
        PodSecurityVersionedCheck(minimumMinor: 0, evaluate: procMountStrict),
        PodSecurityVersionedCheck(minimumMinor: 35) { pod in
            pod.usesUserNamespace ? nil : procMountStrict(pod)
        },
    ])

    static let procMountRestricted = PodSecurityCheck(id: "procMount_restricted", level: .restricted, versions: [
        PodSecurityVersionedCheck(minimumMinor: 35, overrides: ["procMount"], evaluate: procMountStrict),
    ])

    private static func procMountStrict(_ pod: PodSecurityPodView) -> PodSecurityFinding? {
        var bad: [String] = []
        var types: [String] = []
        for container in pod.containers {
            guard let type = container.securityContext?.pssString("procMount"), type != "Default" else { continue }
            bad.append(container.name)
            types.append(type)
        }
        guard !bad.isEmpty else { return nil }
        return PodSecurityFinding(
            reason: "procMount",
            detail: "\(PodSecurityText.containers(bad)) must not set securityContext.procMount to \(PodSecurityText.joinQuote(PodSecurityText.sortedSet(types)))")
    }
}
