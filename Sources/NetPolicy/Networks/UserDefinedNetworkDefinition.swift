import Kube
import PalisadeCore

/// An OVN-Kubernetes UserDefinedNetwork (namespace-scoped) or
/// ClusterUserDefinedNetwork (selecting namespaces), as far as the analysis
/// needs it: which namespaces it serves and in which role.
public struct UserDefinedNetworkDefinition: Sendable {
    public enum Scope: Sendable, Hashable {
        /// A UserDefinedNetwork of one namespace.
        case namespace(String)
        /// A ClusterUserDefinedNetwork with its namespace selector.
        case cluster(LabelSelector)
    }

    public enum Role: String, Sendable {
        case primary = "Primary"
        case secondary = "Secondary"
    }

    public static let namespacedKind = "UserDefinedNetwork"
    public static let clusterKind = "ClusterUserDefinedNetwork"
    static let topologies = ["Layer2", "Layer3"]

    public var name: String
    public var scope: Scope
    public var role: Role
    public var location: SourceLocation?

    /// `namespace/name` for a UserDefinedNetwork, `name` for a cluster one.
    public var qualifiedName: String {
        if case .namespace(let ns) = scope { return "\(ns)/\(name)" }
        return name
    }

    public var kindName: String {
        if case .namespace = scope { return Self.namespacedKind }
        return Self.clusterKind
    }

    public static func isDefinition(_ object: KubeObject) -> Bool {
        object.kind == namespacedKind || object.kind == clusterKind
    }

    /// Reads and validates one (Cluster)UserDefinedNetwork object.
    public init(_ object: KubeObject) throws {
        name = object.name
        location = object.location
        let spec: Value?
        if object.kind == Self.clusterKind {
            spec = object.value(at: ["spec", "network"])
            scope = .cluster(try Self.namespaceSelector(object))
        } else {
            spec = object.value(at: ["spec"])
            let namespace = object.namespace ?? "default"
            scope = .namespace(namespace)
            let label = Self.label(object)
            if name == "default" {
                throw InputError("\(label): a UserDefinedNetwork may not be named \"default\"", at: location)
            }
            if namespace == "default" {
                throw InputError("\(label): a UserDefinedNetwork may not be created in the \"default\" namespace", at: location)
            }
        }
        role = try Self.role(spec, of: Self.label(object), at: location)
    }

    /// `Kind namespace/name` or `Kind name`, for messages.
    static func label(_ object: KubeObject) -> String {
        object.kind == clusterKind ? "\(clusterKind) \(object.name)" : "\(namespacedKind) \(object.namespace ?? "default")/\(object.name)"
    }

    private static func namespaceSelector(_ object: KubeObject) throws -> LabelSelector {
        guard let raw = object.value(at: ["spec", "namespaceSelector"]) else {
            throw InputError("\(clusterKind) \(object.name): spec.namespaceSelector is required", at: object.location)
        }
        return try LabelSelector(parsing: raw, path: "spec.namespaceSelector", at: object.location)
    }

    /// The role under the topology's own key (`layer2` for `Layer2`), which must match `topology`.
    private static func role(_ spec: Value?, of label: String, at location: SourceLocation?) throws -> Role {
        let field = label.hasPrefix(clusterKind) ? "spec.network" : "spec"
        let topology = spec?["topology"]?.stringValue ?? ""
        guard topologies.contains(topology) else {
            throw InputError("\(label): \(field).topology: invalid value \"\(topology)\" (supported: \(topologies.joined(separator: ", ")))", at: location)
        }
        let key = topology.prefix(1).lowercased() + topology.dropFirst()
        guard let config = spec?[key], config != .null else {
            throw InputError("\(label): \(field).topology is \(topology) but \(field).\(key) is missing (the layer configuration must match the topology)", at: location)
        }
        let text = config["role"]?.stringValue ?? ""
        guard let role = Role(rawValue: text) else {
            throw InputError("\(label): \(field).\(key).role: invalid value \"\(text)\" (supported: Primary, Secondary)", at: location)
        }
        return role
    }
}
