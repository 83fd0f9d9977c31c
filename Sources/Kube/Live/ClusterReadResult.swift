/// What reading a cluster produced.
public struct ClusterReadResult: Sendable {
    /// Every object read, in discovery order of their types, then the server's order.
    public var objects: [KubeObject]
    /// One line per resource type (or API group) that could not be read:
    /// forbidden by RBAC, failed, or timed out. Reading went on with the others.
    public var warnings: [String]
    /// How many resource types were selected for reading (read or warned about).
    public var resourceTypes: Int
    /// The resource types that were listed successfully.
    public var typesRead: [APIResourceType]

    public init(objects: [KubeObject] = [], warnings: [String] = [], resourceTypes: Int = 0, typesRead: [APIResourceType] = []) {
        self.objects = objects
        self.warnings = warnings
        self.resourceTypes = resourceTypes
        self.typesRead = typesRead
    }
}
