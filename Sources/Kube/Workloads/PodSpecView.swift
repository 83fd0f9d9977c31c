import PalisadeCore

/// The pod spec of a workload with its template metadata and where both are
/// in the owning object, so findings can name exact paths.
public struct PodSpecView: Sendable, Hashable {
    /// The object the spec belongs to (the Deployment, the Pod, ...).
    public let owner: KubeObject
    /// The pod spec (`containers`, `volumes`, `securityContext`, ...).
    public let spec: Value
    /// The pod template's metadata (the Pod's own metadata for a Pod).
    public let metadata: Value
    public let location: PodTemplates.Location

    /// Path of the spec in the owner, e.g. `spec.template.spec`.
    public var specPath: String { location.specPath.joined(separator: ".") }
    /// Path of the pod metadata in the owner, e.g. `spec.template.metadata`.
    public var metadataPath: String { location.metadataPath.joined(separator: ".") }

    public var labels: [String: String] { KubeObject.stringMap(metadata["labels"]) }
    public var annotations: [String: String] { KubeObject.stringMap(metadata["annotations"]) }

    /// Init containers, containers and ephemeral containers, in that order.
    public var containers: [ContainerView] {
        ContainerView.Role.allCases.flatMap { role -> [ContainerView] in
            guard let list = spec[role.field]?.arrayValue else { return [] }
            return list.enumerated().compactMap { index, value in
                guard case .object = value else { return nil }
                return ContainerView(role: role, index: index, value: value,
                                     path: "\(specPath).\(role.field)[\(index)]")
            }
        }
    }

    /// `spec.volumes` entries that are objects.
    public var volumes: [Value] { spec["volumes"]?.arrayValue?.filter { $0.objectValue != nil } ?? [] }
}

/// One container of a pod spec and its path in the owning object.
public struct ContainerView: Sendable, Hashable {
    public enum Role: String, Sendable, CaseIterable {
        case initContainer, container, ephemeralContainer

        /// The pod spec field that lists containers of this role.
        public var field: String {
            switch self {
            case .initContainer: return "initContainers"
            case .container: return "containers"
            case .ephemeralContainer: return "ephemeralContainers"
            }
        }
    }

    public let role: Role
    public let index: Int
    public let value: Value
    /// e.g. `spec.template.spec.containers[0]`.
    public let path: String

    public var name: String { value["name"]?.stringValue ?? "" }
    public var image: String? { value["image"]?.stringValue }
    public var securityContext: Value? { value["securityContext"] }
}
