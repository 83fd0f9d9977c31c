/// One allowed flow: the connections the policies allow from one peer to another.
public struct PeerConnection: Sendable, Hashable {
    public var source: Endpoint
    public var destination: Endpoint
    public var connections: ConnectionSet

    public init(source: Endpoint, destination: Endpoint, connections: ConnectionSet) {
        self.source = source
        self.destination = destination
        self.connections = connections
    }
}

/// Which pairs an analysis looks at.
public struct AnalysisFocus: Sendable {
    /// Workload names (`name` or `ns/name`); empty: every workload.
    public var workloads: [String] = []
    /// With `workloads`: only pairs whose other end is one of these.
    public var peers: [String] = []
    /// Only flows into (`.ingress`) or out of (`.egress`) the focus workloads.
    public var direction: Direction?

    public init(workloads: [String] = [], peers: [String] = [], direction: Direction? = nil) {
        self.workloads = workloads
        self.peers = peers
        self.direction = direction
    }

    public var isEmpty: Bool { workloads.isEmpty }

    /// True when `endpoint` is named by `names` (by `name` or `ns/name`).
    static func names(_ names: [String], include endpoint: Endpoint) -> Bool {
        if endpoint.kind == .ingressController { return names.contains { $0 == "ingress-controller" || $0 == endpoint.name } }
        guard endpoint.kind == .pod else { return false }
        return names.contains { $0 == endpoint.name || $0 == "\(endpoint.namespace ?? "default")/\(endpoint.name)" }
    }

    func includes(source: Endpoint, destination: Endpoint) -> Bool {
        guard !workloads.isEmpty else { return true }
        let sourceFocused = Self.names(workloads, include: source)
        let destinationFocused = Self.names(workloads, include: destination)
        let matchesDirection: Bool
        switch direction {
        case .ingress?: matchesDirection = destinationFocused
        case .egress?: matchesDirection = sourceFocused
        case nil: matchesDirection = sourceFocused || destinationFocused
        }
        guard matchesDirection else { return false }
        guard !peers.isEmpty else { return true }
        return (sourceFocused && Self.names(peers, include: destination)) || (destinationFocused && Self.names(peers, include: source))
    }
}

/// Workload-level connectivity of a whole topology.
public struct ConnectivityAnalysis {
    public let pairs: PairwiseConnectivity

    public init(topology: Topology) { pairs = PairwiseConnectivity(topology: topology) }

    public var engine: ConnectivityEngine { pairs.engine }
    public var topology: Topology { pairs.engine.topology }

    /// Every pair (self-pairs and external-to-external excluded) with a
    /// non-empty allowed set, sorted by source then destination display name.
    ///
    /// External sources are cut only by ingress-rule blocks and external
    /// destinations only by egress-rule blocks. Each such range is evaluated
    /// through the finest range (`topology.externals`) that starts where it
    /// starts: the rules of the direction that decides treat every part of it alike.
    public func connections(focus: AnalysisFocus = AnalysisFocus()) -> [PeerConnection] {
        var result: [PeerConnection] = []
        let endpointCount = topology.endpoints.count
        let peers = pairs.peers
        let names = peers.map(\.displayName)
        var fineByLower: [UInt32: Int] = [:]
        for e in endpointCount..<peers.count {
            if let lower = peers[e].addresses.intervals.first?.lower { fineByLower[lower] = e }
        }
        func fine(_ external: Endpoint) -> Int? { external.addresses.intervals.first.flatMap { fineByLower[$0.lower] } }
        for s in 0..<endpointCount {
            for d in 0..<endpointCount where d != s && names[d] != names[s] {
                append(s, d, focus, to: &result)
            }
            for external in topology.externalDestinations {
                if let d = fine(external) { append(s, d, focus, shownAs: (peers[s], external), to: &result) }
            }
            for external in topology.externalSources {
                if let e = fine(external) { append(e, s, focus, shownAs: (external, peers[s]), to: &result) }
            }
        }
        result += ingressControllerConnections(focus: focus)
        let keys = result.map { ($0.source.displayName, $0.destination.displayName) }
        return result.indices.sorted { keys[$0] < keys[$1] }.map { result[$0] }
    }

    private func append(_ s: Int, _ d: Int, _ focus: AnalysisFocus, shownAs shown: (Endpoint, Endpoint)? = nil,
                        to result: inout [PeerConnection]) {
        let (source, destination) = shown ?? (pairs.peers[s], pairs.peers[d])
        guard focus.includes(source: source, destination: destination) else { return }
        let allowed = pairs.allowed(s, d)
        if !allowed.isEmpty { result.append(PeerConnection(source: source, destination: destination, connections: allowed)) }
    }

    /// `{ingress-controller}` to each workload an Ingress or Route routes to:
    /// the routed connections that the workload's ingress side admits from
    /// an arbitrary pod of some known ingress-controller namespace.
    func ingressControllerConnections(focus: AnalysisFocus) -> [PeerConnection] {
        guard !topology.ingressRoutes.isEmpty else { return [] }
        var view = topology
        for (namespace, labels) in IngressRoutes.controllerNamespaces where view.namespaces[namespace] == nil {
            view.namespaces[namespace] = labels
        }
        let engine = ConnectivityEngine(topology: view)
        var result: [PeerConnection] = []
        for destination in topology.endpoints {
            guard let routed = topology.ingressRoutes[destination.displayName],
                  focus.includes(source: .ingressController, destination: destination) else { continue }
            let allowed = IngressRoutes.controllerPods.reduce(ConnectionSet.none) {
                $0.union(engine.verdict(.ingress, from: $1, to: destination).allowed.intersection(routed))
            }
            if !allowed.isEmpty { result.append(PeerConnection(source: .ingressController, destination: destination, connections: allowed)) }
        }
        return result
    }
}
