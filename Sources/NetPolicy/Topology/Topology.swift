/// What the analysis runs over: namespaces with their labels, the endpoints
/// (workloads and external ranges) and the policies, in evaluation order.
public struct Topology: Sendable {
    /// Namespace name → labels (always including `kubernetes.io/metadata.name`).
    public var namespaces: [String: [String: String]]
    /// Cluster endpoints (workloads, pods, host endpoints), sorted by display name.
    public var endpoints: [Endpoint]
    /// The disjoint external ranges the policies' address blocks induce.
    public var externals: [Endpoint]
    public var model: PolicyModel
    /// Problems met while building (invalid policies left out, unsupported fields).
    public var warnings: [String]

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
        self.externals = externals ?? Self.externalRanges(cutBy: model.addressBlocks)
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
        var cuts: Set<UInt64> = [0, 1 << 32]
        for block in blocks {
            for interval in block.intervals {
                cuts.insert(UInt64(interval.lower))
                cuts.insert(UInt64(interval.upper) + 1)
            }
        }
        let sorted = cuts.sorted()
        return zip(sorted, sorted.dropFirst()).map { lower, upper in
            Endpoint.external(IntervalSet.Interval(UInt32(lower), UInt32(upper - 1)))
        }
    }
}
