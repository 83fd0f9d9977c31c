/// What the analysis runs over: namespaces with their labels, the endpoints
/// (workloads and external ranges) and the policies, in evaluation order.
public struct Topology: Sendable {
    /// Namespace name → labels (always including `kubernetes.io/metadata.name`).
    public var namespaces: [String: [String: String]]
    /// Cluster endpoints (workloads, pods, host endpoints), sorted by display name.
    public var endpoints: [Endpoint]
    /// The disjoint external ranges all the policies' address blocks induce.
    public var externals: [Endpoint]
    /// External ranges as connection sources: cut only by blocks of ingress rules.
    public var externalSources: [Endpoint]
    /// External ranges as connection destinations: cut only by blocks of egress rules.
    public var externalDestinations: [Endpoint]
    public var model: PolicyModel
    /// Per workload display name, what Ingress/Route objects let the ingress controller open toward it.
    public var ingressRoutes: [String: ConnectionSet] = [:]
    /// The Ingress/Route → Service → workload paths behind `ingressRoutes`, for explanations.
    public var ingressGrants: [IngressRoutes.Grant] = []
    /// Problems met while building (invalid policies left out, unsupported fields).
    public var warnings: [String]
    /// Whether a NetworkPolicy `ipBlock` also matches pods whose known IPs lie in it.
    /// Kubernetes leaves this to the network plugin: Calico matches pod IPs (as
    /// cyclonus's truth tables expect); netpol-analyzer treats blocks as
    /// cluster-external only, which is the default here.
    public var addressBlocksMatchPods = false

    public init(namespaces: [String: [String: String]], endpoints: [Endpoint], model: PolicyModel,
                externals: [Endpoint]? = nil, warnings: [String] = []) {
        var namespaces = namespaces
        for endpoint in endpoints { if let ns = endpoint.namespace, namespaces[ns] == nil { namespaces[ns] = [:] } }
        for (name, labels) in namespaces where labels[Self.namespaceNameLabel] == nil {
            namespaces[name]![Self.namespaceNameLabel] = name
        }
        self.namespaces = namespaces
        self.endpoints = endpoints.sorted { $0.displayName < $1.displayName }
        self.model = model
        let ingressBlocks = ExternalRanges.blocks(.ingress, of: model)
        let egressBlocks = ExternalRanges.blocks(.egress, of: model)
        self.externals = externals ?? ExternalRanges.partition(cutBy: ingressBlocks + egressBlocks)
        externalSources = externals ?? ExternalRanges.partition(cutBy: ingressBlocks)
        externalDestinations = externals ?? ExternalRanges.partition(cutBy: egressBlocks)
        self.warnings = warnings
    }

    public static let namespaceNameLabel = "kubernetes.io/metadata.name"

    /// The labels of namespace `name` (only the name label when undeclared).
    public func namespaceLabels(_ name: String) -> [String: String] {
        namespaces[name] ?? [Self.namespaceNameLabel: name]
    }

    /// Every peer a connection can have: cluster endpoints, then external ranges.
    public var peers: [Endpoint] { endpoints + externals }

    /// Splits the IPv4 space into the disjoint intervals that no block boundary crosses.
    public static func externalRanges(cutBy blocks: [IntervalSet]) -> [Endpoint] {
        ExternalRanges.partition(cutBy: blocks)
    }
}
