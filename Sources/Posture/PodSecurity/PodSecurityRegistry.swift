/// Every check, and which revisions run for a level at a version, following
/// upstream's registry: a version above the newest revision (or `latest`)
/// means the newest; Restricted runs the Baseline checks its revisions do
/// not override; Baseline IDs run first, then Restricted, each in byte order.
enum PodSecurityRegistry {
    static let checks: [PodSecurityCheck] = [
        .privileged, .hostNamespaces, .hostPathVolumes, .hostPorts, .capabilitiesBaseline,
        .appArmorProfile, .seLinuxOptions, .procMount, .seccompProfileBaseline, .sysctls,
        .windowsHostProcess, .hostProbesAndHostLifecycle,
        .restrictedVolumes, .allowPrivilegeEscalation, .runAsNonRoot, .runAsUser,
        .seccompProfileRestricted, .capabilitiesRestricted, .procMountRestricted,
    ]

    /// The newest minor any check has a revision for; `latest` resolves to it.
    static let newestMinor: Int = checks.flatMap(\.versions).map(\.minimumMinor).max() ?? 0

    /// A check revision chosen for a level and version.
    struct Entry: Sendable {
        var id: String
        var revision: PodSecurityVersionedCheck
    }

    /// The minor a version resolves to.
    static func resolvedMinor(_ version: PodSecurityVersion) -> Int {
        min(version.minor ?? newestMinor, newestMinor)
    }

    /// The revisions to run, in upstream's order.
    static func entries(level: PodSecurityLevel, version: PodSecurityVersion) -> [Entry] {
        let minor = resolvedMinor(version)
        switch level {
        case .privileged: return []
        case .baseline: return baselineTable[minor]
        case .restricted: return restrictedTable[minor]
        }
    }

    private static let baselineTable: [[Entry]] = (0...newestMinor).map { selection(.baseline, minor: $0) }
    private static let restrictedTable: [[Entry]] = (0...newestMinor).map { selection(.restricted, minor: $0) }

    private static func selection(_ level: PodSecurityLevel, minor: Int) -> [Entry] {
        func active(_ checkLevel: PodSecurityLevel) -> [Entry] {
            checks.filter { $0.level == checkLevel }
                .compactMap { check in check.revision(at: minor).map { Entry(id: check.id, revision: $0) } }
                .sorted { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }
        }
        let baseline = active(.baseline)
        guard level == .restricted else { return baseline }
        let restricted = active(.restricted)
        let overridden = Set(restricted.flatMap(\.revision.overrides))
        return baseline.filter { !overridden.contains($0.id) } + restricted
    }
}
