import Kube
import PalisadeCore

/// Connectivity analysed separately in each network: workloads on different
/// networks are isolated from each other.
///
/// - The pod network and primary user-defined networks are governed by the
///   policies of the cluster (NetworkPolicy and the admin tiers), with
///   external addresses reachable.
/// - A secondary network (NetworkAttachmentDefinition) is governed only by the
///   MultiNetworkPolicies written for it, and reaches no external address.
public struct MultiNetworkAnalysis: Sendable {
    public let layout: NetworkLayout
    public let secondaryPolicies: MultiNetworkPolicies

    public init(objects: [KubeObject]) {
        layout = NetworkLayout(objects: objects)
        secondaryPolicies = MultiNetworkPolicies(objects: objects)
    }

    /// Fatal problems: invalid or conflicting network definitions.
    public var errors: [InputError] { layout.errors }

    /// Everything ignored or left out, with file:line.
    public var warnings: [String] {
        layout.warnings + secondaryPolicies.warnings + secondaryPolicies.rejected.map(\.reason)
    }

    /// The networks the workloads of `topology` are on: the pod network first
    /// (always), then primary UDNs, primary CUDNs and secondary NADs by name.
    public func networks(of topology: Topology) -> [ClusterNetwork] {
        var found: Set<ClusterNetwork> = [.podNetwork]
        for endpoint in topology.endpoints { found.formUnion(layout.networks(of: endpoint)) }
        return found.sorted()
    }

    /// The workloads of `topology` on `network`.
    public func members(of network: ClusterNetwork, in topology: Topology) -> [Endpoint] {
        topology.endpoints.filter { layout.networks(of: $0).contains(network) }
    }

    /// The analysis input restricted to one network.
    public func topology(of network: ClusterNetwork, in topology: Topology) -> Topology {
        let members = self.members(of: network, in: topology)
        guard network.kind == .secondaryNAD else {
            var scoped = Topology(namespaces: topology.namespaces, endpoints: members, model: topology.model, warnings: topology.warnings)
            let names = Set(members.map(\.displayName))
            scoped.ingressRoutes = topology.ingressRoutes.filter { names.contains($0.key) }
            return scoped
        }
        let tier = PolicyTier(name: "multinetworkpolicy", kind: .networkPolicy, defaultAction: .deny,
                              policies: secondaryPolicies.policies(of: network.name))
        return Topology(namespaces: topology.namespaces, endpoints: members,
                        model: PolicyModel(tiers: [tier], universe: topology.model.universe), externals: [])
    }

    /// Each network's members and allowed connections (restricted to `focus`).
    public func connectivity(_ topology: Topology, focus: AnalysisFocus = AnalysisFocus()) -> [NetworkConnectivity] {
        networks(of: topology).map { network in
            let scoped = self.topology(of: network, in: topology)
            let connections = ConnectivityAnalysis(topology: scoped).connections(focus: focus)
            return NetworkConnectivity(network: network, members: scoped.endpoints, connections: connections)
        }
    }
}
