/// The connectivity inside one network: its member workloads and the
/// connections allowed among them (and, on primary networks, with external
/// addresses and the ingress controller).
public struct NetworkConnectivity: Sendable {
    public var network: ClusterNetwork
    /// Member workloads, sorted by display name.
    public var members: [Endpoint]
    /// Allowed connections, sorted by source then destination.
    public var connections: [PeerConnection]

    public init(network: ClusterNetwork, members: [Endpoint], connections: [PeerConnection]) {
        self.network = network
        self.members = members
        self.connections = connections
    }
}
