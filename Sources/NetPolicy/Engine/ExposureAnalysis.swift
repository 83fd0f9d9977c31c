/// What each workload is exposed to beyond the workloads of the input: the
/// abstract peers its policies' rules name ("any pod with app=x in any
/// namespace with env=qa"), the entire cluster, and external ranges.
///
/// A workload no policy selects for a direction is exposed to everything in
/// that direction. Otherwise its policies are evaluated, tier by tier as the
/// engine does, against each abstract peer; a rule covers a peer only when it
/// names every pod the peer stands for. A peer treated exactly as the entire
/// cluster is left out, and so are peers that only restate real workloads
/// (plain label selectors some real pod matches).
public struct ExposureAnalysis: Sendable {
    /// The far end of an exposure line.
    public enum Peer: Sendable, Hashable {
        case external(Endpoint)
        case abstract(ExposurePeer)

        public var displayName: String {
            switch self {
            case .external(let e): return e.displayName
            case .abstract(let p): return p.displayName
            }
        }
    }

    /// `workload` can send to (egress) or receive from (ingress) `peer` these connections.
    public struct Line: Sendable, Hashable {
        public var workload: Endpoint
        public var direction: Direction
        public var peer: Peer
        public var connections: ExposureConnections
    }

    public struct Result: Sendable {
        /// Sorted by workload, then peer name.
        public var lines: [Line]
        /// Workloads no policy selects for a direction, sorted by name then direction.
        public var unprotected: [(workload: Endpoint, direction: Direction)]

        public func lines(_ direction: Direction) -> [Line] { lines.filter { $0.direction == direction } }
    }

    public let topology: Topology
    /// Every abstract peer the rules name, once each, in the order first named.
    let peers: [ExposurePeer]

    public init(topology: Topology) {
        self.topology = topology
        peers = Self.abstractPeers(topology.model)
    }

    static func abstractPeers(_ model: PolicyModel) -> [ExposurePeer] {
        var seen: Set<ExposurePeer> = [ExposurePeer.entireCluster.key]
        var result: [ExposurePeer] = []
        for policy in model.policies {
            for rule in (policy.ingress ?? []) + (policy.egress ?? []) {
                guard let condition = rule.condition as? ExposureCondition else { continue }
                for peer in condition.exposurePeers where seen.insert(peer.key).inserted { result.append(peer) }
            }
        }
        return result
    }

    /// The exposure of the workloads `focus` names (all when empty), with
    /// `connections` (the connectivity list) supplying the external ranges.
    /// With `only`, lines speak about those connections alone and lines without them go.
    public func result(focus: AnalysisFocus, connections: [PeerConnection], only: ConnectionSet? = nil) -> Result {
        let workloads = topology.endpoints.filter { $0.kind == .pod && (focus.isEmpty || AnalysisFocus.names(focus.workloads, include: $0)) }
        let directions = focus.direction.map { [$0] } ?? [.egress, .ingress]
        var lines: [Line] = []
        var unprotected: [(workload: Endpoint, direction: Direction)] = []
        let hidden = Set(peers.filter(restatesRealWorkloads).map(\.key))
        for workload in workloads {
            for direction in directions {
                if !isProtected(workload, direction) { unprotected.append((workload, direction)) }
                lines += abstractLines(workload, direction, hidden: hidden, only: only)
            }
        }
        // External ranges are reported only for workloads exposed inside the cluster too.
        let exposed = Set(lines.map(\.workload.displayName))
        for c in connections {
            if c.destination.kind == .external, exposed.contains(c.source.displayName), directions.contains(.egress) {
                lines.append(Line(workload: c.source, direction: .egress, peer: .external(c.destination),
                                  connections: ExposureConnections(numbered: c.connections)))
            }
            if c.source.kind == .external, exposed.contains(c.destination.displayName), directions.contains(.ingress) {
                lines.append(Line(workload: c.destination, direction: .ingress, peer: .external(c.source),
                                  connections: ExposureConnections(numbered: c.connections)))
            }
        }
        lines.sort { ($0.workload.displayName, $0.peer.displayName) < ($1.workload.displayName, $1.peer.displayName) }
        return Result(lines: lines, unprotected: unprotected)
    }

    private func abstractLines(_ workload: Endpoint, _ direction: Direction, hidden: Set<ExposurePeer>,
                               only: ConnectionSet?) -> [Line] {
        func restricted(_ c: ExposureConnections) -> ExposureConnections {
            only.map { ExposureConnections(numbered: c.numbered.intersection($0)) } ?? c
        }
        let unrestricted = connections(direction, workload: workload, peer: .entireCluster)
        let entire = restricted(unrestricted)
        var lines: [Line] = []
        if !entire.isEmpty {
            // netpol-analyzer keeps the whole set for a workload no policy selects, focus or not.
            let shown = isProtected(workload, direction) ? entire : unrestricted
            lines.append(Line(workload: workload, direction: direction, peer: .abstract(.entireCluster), connections: shown))
        }
        for peer in peers where !hidden.contains(peer.key) {
            let allowed = restricted(connections(direction, workload: workload, peer: peer))
            if allowed == entire || (only != nil && allowed.isEmpty) { continue }
            lines.append(Line(workload: workload, direction: direction, peer: .abstract(peer), connections: allowed))
        }
        return lines
    }

    /// True when some policy of any tier selects `workload` for `direction`.
    public func isProtected(_ workload: Endpoint, _ direction: Direction) -> Bool {
        topology.model.isIsolated(workload, direction, in: topology)
    }

    /// The connections `workload` allows toward (egress) or from (ingress) the abstract `peer`.
    public func connections(_ direction: Direction, workload: Endpoint, peer: ExposurePeer) -> ExposureConnections {
        var remaining = topology.model.universe
        var allowed = ExposureConnections.none
        for tier in topology.model.tiers where !remaining.isEmpty {
            let policies = tier.policies.filter { $0.rules(direction) != nil && $0.selector.selects(workload, in: topology) }
            if policies.isEmpty { continue }
            var passed = ConnectionSet.none
            for policy in policies {
                for rule in policy.rules(direction) ?? [] {
                    let open = remaining.subtracting(passed)
                    if open.isEmpty { break }
                    guard let condition = rule.condition as? ExposureCondition else { continue }
                    let covered = condition.exposure(to: peer, local: workload, in: topology).restricted(to: open)
                    switch rule.action {
                    case .allow:
                        allowed = allowed.union(covered)
                        remaining = remaining.subtracting(covered.numbered)
                    case .deny: remaining = remaining.subtracting(covered.numbered)
                    case .pass: passed = passed.union(covered.numbered)
                    case .log: break
                    }
                }
            }
            let undecided = remaining.subtracting(passed)
            switch tier.defaultAction {
            case .deny: remaining = passed.intersection(remaining)
            case .allow:
                allowed = allowed.union(ExposureConnections(numbered: undecided))
                remaining = passed.intersection(remaining)
            case .pass, .log: break
            }
        }
        return allowed.union(ExposureConnections(numbered: remaining))
    }

    /// A peer given by plain labels that some real workload carries says
    /// nothing the connectivity list does not already say.
    private func restatesRealWorkloads(_ peer: ExposurePeer) -> Bool {
        guard case .selector(let pods) = peer.pods, pods.matchExpressions.isEmpty else { return false }
        return topology.endpoints.contains { endpoint in
            guard endpoint.kind == .pod, let namespace = endpoint.namespace, pods.matches(endpoint.labels) else { return false }
            switch peer.namespaces {
            case .all: return false
            case .named(let name): return name == namespace
            case .selector(let s): return s.matchExpressions.isEmpty && s.matches(topology.namespaceLabels(namespace))
            }
        }
    }
}
