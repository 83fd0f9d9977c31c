import PalisadeCore

/// A Kubernetes object: a read-only view over its decoded `Value`, with
/// where it was read from.
///
/// Only objects whose `apiVersion` and `kind` are non-empty strings can be
/// made; everything else (Helm values, Chart.yaml, arbitrary YAML) is not a
/// Kubernetes object.
public struct KubeObject: Sendable, Hashable {
    /// The whole object as decoded.
    public let value: Value
    public let apiVersion: String
    public let kind: String
    /// The manifest file (`-` for stdin) and the line the object's document starts on.
    public let location: SourceLocation?
    /// The Helm template the object was rendered from (its `# Source:` comment).
    public let template: String?

    /// Wraps `value` if it is an object with string `apiVersion` and `kind`.
    public init?(_ value: Value, location: SourceLocation? = nil, template: String? = nil) {
        guard case .object = value,
              let apiVersion = value["apiVersion"]?.stringValue, !apiVersion.isEmpty,
              let kind = value["kind"]?.stringValue, !kind.isEmpty else { return nil }
        self.value = value
        self.apiVersion = apiVersion
        self.kind = kind
        self.location = location
        self.template = template
    }

    /// The API group (`apps`), empty for the core group (`v1`).
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The API version without the group (`v1`).
    public var version: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }

    /// `metadata`, or an empty object when absent.
    public var metadata: Value { value["metadata"] ?? .emptyObject }

    /// `metadata.name`, or `metadata.generateName` when only that is set, else "".
    public var name: String {
        metadata["name"]?.stringValue ?? metadata["generateName"]?.stringValue ?? ""
    }

    /// `metadata.namespace` when set and non-empty.
    public var namespace: String? {
        guard let ns = metadata["namespace"]?.stringValue, !ns.isEmpty else { return nil }
        return ns
    }

    public var labels: [String: String] { Self.stringMap(metadata["labels"]) }
    public var annotations: [String: String] { Self.stringMap(metadata["annotations"]) }
    public var uid: String? { metadata["uid"]?.stringValue }

    /// True for the built-in kinds that are not namespaced (Namespace, ClusterRole, Node, ...).
    public var isClusterScoped: Bool { KubeKinds.isClusterScoped(group: group, kind: kind) }

    /// The reference findings use, with file and line when read from a manifest.
    public var ref: ResourceRef {
        ResourceRef(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name,
                    file: location?.file, line: location?.line, template: template)
    }

    /// The value at a path of object keys (`["spec", "template"]`), nil when any step is missing.
    public func value(at path: [String]) -> Value? {
        var current = value
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// String entries of a map; entries whose value is not a string are left out.
    static func stringMap(_ value: Value?) -> [String: String] {
        guard let object = value?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (key, entry) in object {
            if let k = key.stringValue, let v = entry.stringValue { result[k] = v }
        }
        return result
    }
}

extension KubeObject: Comparable {
    /// Namespace, kind, name, then source location: a stable order for reports.
    public static func < (lhs: KubeObject, rhs: KubeObject) -> Bool { lhs.ref < rhs.ref }
}
