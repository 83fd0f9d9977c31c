/// Which discovered resource types a scan reads.
///
/// Every group is read at its preferred version only (as kubectl does), so a
/// kind served at several versions of one group is read once. A kind that
/// moved between groups is served by both while the old group lives on
/// (Ingress in `extensions` and `networking.k8s.io`, Event in the core group
/// and `events.k8s.io`); the old group is dropped when the new one is present,
/// and `ClusterReader` also drops any object whose uid it has already read.
public enum ResourceTypeSelection {
    /// (old group, kind) → the group that replaced it.
    public static let supersededGroups: [GroupKind: String] = [
        GroupKind(group: "extensions", kind: "Ingress"): "networking.k8s.io",
        GroupKind(group: "extensions", kind: "NetworkPolicy"): "networking.k8s.io",
        GroupKind(group: "extensions", kind: "PodSecurityPolicy"): "policy",
        GroupKind(group: "extensions", kind: "Deployment"): "apps",
        GroupKind(group: "extensions", kind: "DaemonSet"): "apps",
        GroupKind(group: "extensions", kind: "ReplicaSet"): "apps",
        GroupKind(group: "events.k8s.io", kind: "Event"): "",
    ]

    /// Resource types left out unless asked for by kind:
    /// - Events: records of what happened, not configuration; they expire after
    ///   an hour, are often the most numerous objects by far, and no posture
    ///   control reads them (Kubescape does not collect them either).
    /// - ComponentStatus: not stored objects; listing them makes the API server
    ///   probe the scheduler and controller manager, and it is deprecated since 1.19.
    public static let skippedByDefault: Set<GroupKind> = [
        GroupKind(group: "", kind: "Event"),
        GroupKind(group: "events.k8s.io", kind: "Event"),
        GroupKind(group: "", kind: "ComponentStatus"),
    ]

    /// A kind in a group ("" is the core group).
    public struct GroupKind: Sendable, Hashable {
        public var group: String
        public var kind: String
        public init(group: String, kind: String) {
            self.group = group
            self.kind = kind
        }
    }

    /// The types to read, in discovery order. With `kinds`, only types whose
    /// kind, plural name, `Kind.group` or `plural.group` is in the set
    /// (compared case-insensitively), skipped ones included.
    public static func select(_ types: [APIResourceType], kinds: Set<String>? = nil) -> [APIResourceType] {
        let present = Set(types.map { GroupKind(group: $0.group, kind: $0.kind) })
        let wanted = kinds.map { Set($0.map { $0.lowercased() }) }
        var seen: Set<String> = []
        return types.filter { type in
            let groupKind = GroupKind(group: type.group, kind: type.kind)
            if let newer = supersededGroups[groupKind], present.contains(GroupKind(group: newer, kind: type.kind)) {
                return false
            }
            if let wanted {
                guard matches(type, wanted) else { return false }
            } else if skippedByDefault.contains(groupKind) {
                return false
            }
            return seen.insert("\(type.group)/\(type.name)").inserted
        }
    }

    private static func matches(_ type: APIResourceType, _ wanted: Set<String>) -> Bool {
        let kind = type.kind.lowercased(), name = type.name.lowercased()
        var names = [kind, name]
        if !type.group.isEmpty { names += ["\(kind).\(type.group)", "\(name).\(type.group)"] }
        return names.contains { wanted.contains($0) }
    }
}
