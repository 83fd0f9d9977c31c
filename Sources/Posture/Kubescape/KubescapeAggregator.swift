import PalisadeCore

/// Kubescape's resource aggregators (`attributes.resourcesAggregator`), which
/// turn the list of Kubernetes objects into the list a rule expects as `input`.
/// Mirrors `reporthandling.RegoResourcesAggregator` in kubescape/opa-utils.
public enum KubescapeAggregator: Sendable, Equatable {
    /// One object per subject of each `*Binding` whose `roleRef` names a
    /// `*Role` in the input: the subject plus `relatedObjects: [binding, role]`.
    case subjectRoleRoleBinding
    /// Only the kube-system Pod whose name contains `apiserver`/`api-server`.
    case apiServerPod
    /// Any other name: the objects pass unchanged.
    case other(String)

    public init(named name: String) {
        switch name {
        case "subject-role-rolebinding": self = .subjectRoleRoleBinding
        case "apiserver-pod": self = .apiServerPod
        default: self = .other(name)
        }
    }

    /// The objects as the rule sees them.
    public func aggregate(_ objects: [Value]) -> [Value] {
        switch self {
        case .subjectRoleRoleBinding: return Self.subjects(objects)
        case .apiServerPod: return Self.apiServerPod(objects).map { [$0] } ?? []
        case .other: return objects
        }
    }

    private static func subjects(_ objects: [Value]) -> [Value] {
        var result: [Value] = []
        for binding in objects where kind(binding).hasSuffix("Binding") {
            guard let refKind = binding["roleRef"]?["kind"]?.stringValue,
                  let refName = binding["roleRef"]?["name"]?.stringValue else { continue }
            for role in objects where kind(role).hasSuffix("Role") {
                guard refKind == kind(role), refName == name(role),
                      let subjects = binding["subjects"]?.arrayValue else { continue }
                for case .object(var subject) in subjects {
                    subject[.string("relatedObjects")] = .array([binding, role])
                    result.append(.object(subject))
                }
            }
        }
        return result
    }

    private static func apiServerPod(_ objects: [Value]) -> Value? {
        objects.first { object in
            guard isWorkload(object), kind(object) == "Pod", object["metadata"]?["namespace"]?.stringValue == "kube-system" else {
                return false
            }
            let podName = name(object)
            return podName.contains("apiserver") || podName.contains("api-server")
        }
    }

    /// `workloadinterface.IsTypeWorkload`: a Kubernetes object with kind,
    /// apiVersion and metadata.
    private static func isWorkload(_ object: Value) -> Bool {
        object["kind"] != nil && object["apiVersion"] != nil && object["metadata"] != nil
    }

    /// The kind: a Kubernetes object's `kind`.
    static func kind(_ object: Value) -> String { object["kind"]?.stringValue ?? "" }

    /// The name: `metadata.name`, or `name` for a subject-like object.
    static func name(_ object: Value) -> String {
        object["metadata"]?["name"]?.stringValue ?? object["name"]?.stringValue ?? ""
    }
}
