import PalisadeCore

/// Finds the pod spec inside workload objects: a Pod's own spec, the pod
/// template of controllers (Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// ReplicationController, Job), a CronJob's job template, and PodTemplate.
public enum PodTemplates {
    /// Where the pod spec and its metadata live in one kind of object.
    public struct Location: Sendable, Hashable {
        public var specPath: [String]
        public var metadataPath: [String]
    }

    private static let controller = Location(specPath: ["spec", "template", "spec"], metadataPath: ["spec", "template", "metadata"])

    /// Kinds with a pod spec, keyed by `group/kind`.
    static let locations: [String: Location] = {
        var table: [String: Location] = [
            "/Pod": Location(specPath: ["spec"], metadataPath: ["metadata"]),
            "/PodTemplate": Location(specPath: ["template", "spec"], metadataPath: ["template", "metadata"]),
            "/ReplicationController": controller,
            "batch/Job": controller,
            "apps.openshift.io/DeploymentConfig": controller,
        ]
        for group in ["apps", "extensions"] {
            for kind in ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"] { table["\(group)/\(kind)"] = controller }
        }
        for group in ["batch"] {
            table["\(group)/CronJob"] = Location(specPath: ["spec", "jobTemplate", "spec", "template", "spec"],
                                                 metadataPath: ["spec", "jobTemplate", "spec", "template", "metadata"])
        }
        return table
    }()

    /// Where a kind keeps its pod spec, or nil when it has none.
    public static func location(group: String, kind: String) -> Location? { locations["\(group)/\(kind)"] }

    /// True when objects of this kind carry a pod spec.
    public static func hasPodSpec(_ object: KubeObject) -> Bool { location(group: object.group, kind: object.kind) != nil }

    /// The pod spec of `object`, or nil when its kind has none or the spec is missing.
    public static func podSpec(of object: KubeObject) -> PodSpecView? {
        guard let location = location(group: object.group, kind: object.kind),
              let spec = object.value(at: location.specPath), case .object = spec else { return nil }
        let metadata = object.value(at: location.metadataPath) ?? .emptyObject
        return PodSpecView(owner: object, spec: spec, metadata: metadata, location: location)
    }
}
