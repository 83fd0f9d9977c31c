/// Declared connections resolved against the input's workloads: per
/// workload, what it must accept (ingress) and what it may open (egress),
/// grouped by peer. Both policy forms are written from this plan.
public struct ConnectionPlan: Sendable {
    /// A workload and the peers of one direction with their connections.
    public struct Side: Sendable {
        public var peers: [(peer: PlannedPeer, connections: ConnectionSet)] = []

        mutating func add(_ peer: PlannedPeer, _ connections: ConnectionSet) {
            if let i = peers.firstIndex(where: { $0.peer == peer }) {
                peers[i].connections = peers[i].connections.union(connections)
            } else {
                peers.append((peer, connections))
            }
        }
    }

    /// A peer as a policy names it.
    public enum PlannedPeer: Sendable, Hashable {
        case workload(Endpoint)
        case addresses(IntervalSet)
    }

    public var workloads: [Endpoint]
    public var ingress: [String: Side] = [:]
    public var egress: [String: Side] = [:]
    /// Problems with the declarations (unknown workloads, unusable entries), with their origin.
    public var problems: [String] = []

    /// Resolves `declared` against `topology`. With `onlyDeclared`, only
    /// workloads named in a connection get a policy; otherwise every workload
    /// of the input does (those with no connections are fully isolated).
    public init(_ declared: [DeclaredConnection], topology: Topology, onlyDeclared: Bool = false) {
        let pods = topology.endpoints.filter { $0.kind == .pod }
        var named: Set<String> = []
        workloads = []
        for connection in declared {
            let origin = connection.origin.map { "\($0): " } ?? ""
            guard let source = resolve(connection.source, in: pods, origin: origin),
                  let destination = resolve(connection.destination, in: pods, origin: origin) else { continue }
            if case .addresses = source, case .addresses = destination {
                problems.append("\(origin)connection from \(connection.source) to \(connection.destination) has no workload end; left out")
                continue
            }
            if case .workload(let s) = source, case .workload(let d) = destination, s.displayName == d.displayName {
                continue
            }
            if case .workload(let s) = source {
                egress[s.displayName, default: Side()].add(destination, connection.connections)
                named.insert(s.displayName)
            }
            if case .workload(let d) = destination {
                ingress[d.displayName, default: Side()].add(source, connection.connections)
                named.insert(d.displayName)
            }
        }
        workloads = pods.filter { !onlyDeclared || named.contains($0.displayName) }
    }

    private mutating func resolve(_ peer: ConnectionPeer, in pods: [Endpoint], origin: String) -> PlannedPeer? {
        if case .addresses(let set) = peer { return .addresses(set) }
        let matches = pods.filter { peer.names($0) }
        switch matches.count {
        case 1: return .workload(matches[0])
        case 0: problems.append("\(origin)no workload \(peer) in the input; connection left out")
        default: problems.append("\(origin)\(peer) names \(matches.count) workloads (\(matches.map(\.displayName).joined(separator: ", "))); give the kind as ns/name[Kind]")
        }
        return nil
    }

    public func ingress(of workload: Endpoint) -> Side { ingress[workload.displayName] ?? Side() }
    public func egress(of workload: Endpoint) -> Side { egress[workload.displayName] ?? Side() }
}
