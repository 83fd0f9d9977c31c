import PalisadeCore

/// Finds the pod metadata and spec inside a workload object, for the kinds
/// PodSecurity admission evaluates: a Pod itself, the pod template of
/// Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
/// Job and PodTemplate, and the job's pod template of a CronJob.
public enum PodSecurityPodSpec {
    /// The kinds `extract(from:)` understands.
    public static let supportedKinds: Set<String> = [
        "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
        "ReplicationController", "Job", "CronJob", "PodTemplate",
    ]

    /// The pod metadata (nil when absent) and spec of `object`; nil when the
    /// object is not a supported kind or has no pod spec object.
    public static func extract(from object: Value) -> (metadata: Value?, spec: Value)? {
        guard let kind = object.pssString("kind"), let template = podTemplate(of: object, kind: kind) else { return nil }
        guard let spec = template.pssMember("spec"), spec.objectValue != nil else { return nil }
        return (template.pssMember("metadata"), spec)
    }

    /// The object holding `metadata` and `spec` of the pod.
    private static func podTemplate(of object: Value, kind: String) -> Value? {
        switch kind {
        case "Pod":
            return object
        case "PodTemplate":
            return object.pssMember("template")
        case "CronJob":
            return object.pssMember("spec")?.pssMember("jobTemplate")?.pssMember("spec")?.pssMember("template")
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
            return object.pssMember("spec")?.pssMember("template")
        default:
            return nil
        }
    }
}
