/// One isolated network of the cluster: workloads reach each other only
/// inside a network they share. The pod network is the default primary
/// network; a primary (Cluster)UserDefinedNetwork replaces it for the
/// namespaces it serves; NetworkAttachmentDefinitions add secondary networks.
public struct ClusterNetwork: Sendable, Hashable, Comparable {
    /// In report order.
    public enum Kind: Int, Sendable, Hashable, Comparable {
        case podNetwork, primaryUDN, primaryCUDN, secondaryNAD

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The namespace for a UDN, the object name for a CUDN or NAD, `pod-network` for the pod network.
    public var name: String

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    public static let podNetwork = ClusterNetwork(kind: .podNetwork, name: "pod-network")

    public var isPrimary: Bool { kind != .secondaryNAD }

    /// How the network is named in section headings (`primary UDN blue`).
    public var heading: String {
        switch kind {
        case .podNetwork: return "Pod network"
        case .primaryUDN: return "primary UDN \(name)"
        case .primaryCUDN: return "primary CUDN \(name)"
        case .secondaryNAD: return "secondary NAD \(name)"
        }
    }

    /// How the workload-to-networks mapping names it (`blue[UDN]`).
    public var mappingName: String {
        switch kind {
        case .podNetwork: return name
        case .primaryUDN: return "\(name)[UDN]"
        case .primaryCUDN: return "\(name)[CUDN]"
        case .secondaryNAD: return "\(name)[NAD]"
        }
    }

    public static func < (a: ClusterNetwork, b: ClusterNetwork) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }
}
