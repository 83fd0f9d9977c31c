/// One listable resource type the server offers, at the version read.
public struct APIResourceType: Sendable, Hashable, CustomStringConvertible {
    /// The API group, empty for the core group.
    public var group: String
    public var version: String
    /// The plural resource name in URLs (`deployments`).
    public var name: String
    public var kind: String
    public var namespaced: Bool
    public var verbs: [String]

    public init(group: String, version: String, name: String, kind: String, namespaced: Bool, verbs: [String]) {
        self.group = group
        self.version = version
        self.name = name
        self.kind = kind
        self.namespaced = namespaced
        self.verbs = verbs
    }

    /// `apps/v1`, or `v1` for the core group.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The path listing every object of this type in all namespaces.
    public var listPath: String { group.isEmpty ? "/api/\(version)/\(name)" : "/apis/\(group)/\(version)/\(name)" }

    /// `deployments.apps`, or `pods` for the core group, as kubectl names resources.
    public var description: String { group.isEmpty ? name : "\(name).\(group)" }
}
