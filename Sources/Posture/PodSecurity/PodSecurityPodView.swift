import PalisadeCore

/// A pod's metadata and spec read the way Kubernetes' Go types see them:
/// a missing or `null` field is unset, and a field of the wrong type is
/// treated as unset too (the API server would reject such a pod outright).
struct PodSecurityPodView: Sendable {
    let spec: Value
    /// String-valued annotations (others could not be decoded by the API).
    let annotations: [String: String]
    /// Init containers, then containers, then ephemeral containers.
    let containers: [PodSecurityContainerView]

    init(metadata: Value?, spec: Value) {
        self.spec = spec
        var annotations: [String: String] = [:]
        for (key, value) in metadata?.pssMember("annotations")?.objectValue ?? [:] {
            if let key = key.stringValue, let value = value.stringValue { annotations[key] = value }
        }
        self.annotations = annotations
        containers = ["initContainers", "containers", "ephemeralContainers"].flatMap { field in
            spec.pssList(field).map(PodSecurityContainerView.init)
        }
    }

    /// The pod-level `securityContext`, when set.
    var securityContext: Value? { spec.pssMember("securityContext") }

    /// `spec.os.name == "windows"`.
    var isWindows: Bool { spec.pssMember("os")?.pssString("name") == "windows" }

    /// `spec.hostUsers == false`: the pod runs in its own user namespace.
    var usesUserNamespace: Bool { spec.pssBool("hostUsers") == false }
}

/// One container of any kind, with its `securityContext`.
struct PodSecurityContainerView: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    var name: String { value.pssString("name") ?? "" }

    var securityContext: Value? { value.pssMember("securityContext") }
}

extension Value {
    /// The field `key` of an object, nil when absent, `null`, or not an object.
    func pssMember(_ key: String) -> Value? {
        guard let member = self[key], member != .null else { return nil }
        return member
    }

    /// A string field, nil when unset or not a string.
    func pssString(_ key: String) -> String? { pssMember(key)?.stringValue }

    /// A boolean field, nil when unset or not a boolean.
    func pssBool(_ key: String) -> Bool? { pssMember(key)?.boolValue }

    /// The elements of an array field, empty when unset or not an array.
    func pssList(_ key: String) -> [Value] { pssMember(key)?.arrayValue ?? [] }

    /// The strings of an array field (non-strings are skipped).
    func pssStrings(_ key: String) -> [String] { pssList(key).compactMap(\.stringValue) }
}
