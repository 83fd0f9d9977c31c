/// What a failing check reports: a short reason and the detail.
struct PodSecurityFinding: Sendable, Hashable {
    var reason: String
    var detail: String
}

/// One revision of a check, in force from `minimumMinor` until the next
/// revision. `overrides` names Baseline checks that this Restricted revision
/// replaces (so the Baseline variant does not run at Restricted).
struct PodSecurityVersionedCheck: Sendable {
    var minimumMinor: Int
    var overrides: [String] = []
    /// Returns nil when the pod passes.
    var evaluate: @Sendable (PodSecurityPodView) -> PodSecurityFinding?
}

/// A Pod Security check: its upstream ID, level and revisions (oldest first).
struct PodSecurityCheck: Sendable {
    var id: String
    var level: PodSecurityLevel
    var versions: [PodSecurityVersionedCheck]

    /// The revision in force at `minor`, if the check exists then.
    func revision(at minor: Int) -> PodSecurityVersionedCheck? {
        versions.last { $0.minimumMinor <= minor }
    }
}
