/// Allowed connections between any two peers of a topology, fast enough for
/// every pair of a large cluster.
///
/// Peers are grouped into classes (`EndpointClasses`). For a local class and
/// a direction, two peers that match exactly the same applicable rules (and,
/// for egress rules with named ports, have the same named ports) get the same
/// verdict, so each distinct match pattern is evaluated once, by the engine's
/// own per-pair evaluation. Results are interned, so intersections are memoized.
public final class PairwiseConnectivity {
    public let engine: ConnectivityEngine
    /// The peers indexes refer to: `topology.endpoints` then `topology.externals`.
    public let peers: [Endpoint]
    private let classes: EndpointClasses

    private struct Plan {
        /// The global ids of the applicable rules in evaluation order, when all are peer-scoped.
        var ruleIDs: [Int]
        /// True when some rule is not peer-scoped: verdicts are then cached per peer class.
        var opaque: Bool
        var destinationDependent: Bool
        var cache: [[UInt64]: Int] = [:]
    }

    /// Per direction (ingress 0, egress 1), per local class, its plan once made.
    private var plans: [[Plan?]]
    /// Whether each class can be a local endpoint (pods and hosts).
    private let isLocal: [Bool]
    private var ruleIDs: [String: Int] = [:]
    /// Per global rule id, per peer class: does the rule's peer side match.
    private var peerMatches: [[Bool]] = []
    private var sets: [ConnectionSet] = []
    private var setIDs: [ConnectionSet: Int] = [:]
    private var intersections: [Int: Int] = [:]

    public init(engine: ConnectivityEngine) {
        self.engine = engine
        peers = engine.topology.peers
        classes = EndpointClasses(peers)
        plans = Array(repeating: Array(repeating: nil, count: classes.count), count: 2)
        isLocal = classes.representatives.map { $0.kind == .pod || $0.kind == .host }
    }

    public convenience init(topology: Topology) { self.init(engine: ConnectivityEngine(topology: topology)) }

    /// The connections allowed from `peers[source]` to `peers[destination]`.
    public func allowed(_ source: Int, _ destination: Int) -> ConnectionSet {
        sets[allowedID(classes.classOf[source], classes.classOf[destination])]
    }

    private func allowedID(_ sourceClass: Int, _ destinationClass: Int) -> Int {
        let egress = verdictID(.egress, local: sourceClass, peer: destinationClass)
        if sets[egress].isEmpty { return egress }
        let ingress = verdictID(.ingress, local: destinationClass, peer: sourceClass)
        let key = egress << 32 | ingress
        if let known = intersections[key] { return known }
        let id = intern(sets[egress].intersection(sets[ingress]))
        intersections[key] = id
        return id
    }

    private func verdictID(_ direction: Direction, local: Int, peer: Int) -> Int {
        guard isLocal[local] else { return intern(engine.universe) }
        let d = direction == .ingress ? 0 : 1
        if plans[d][local] == nil { plans[d][local] = makePlan(direction, local: classes.representatives[local]) }
        let key = patternKey(d, local: local, direction: direction, peer: peer)
        if let known = plans[d][local]!.cache[key] { return known }
        let localEndpoint = classes.representatives[local], peerEndpoint = classes.representatives[peer]
        let (source, destination) = direction == .egress ? (localEndpoint, peerEndpoint) : (peerEndpoint, localEndpoint)
        let id = intern(engine.verdict(direction, from: source, to: destination).allowed)
        plans[d][local]!.cache[key] = id
        return id
    }

    private func patternKey(_ d: Int, local: Int, direction: Direction, peer: Int) -> [UInt64] {
        if plans[d][local]!.opaque { return [UInt64(peer)] }
        let ids = plans[d][local]!.ruleIDs
        var key = [UInt64](repeating: 0, count: (ids.count + 63) / 64 + 1)
        for (position, id) in ids.enumerated() where peerMatches[id][peer] {
            key[position / 64] |= 1 << UInt64(position % 64)
        }
        if direction == .egress && plans[d][local]!.destinationDependent {
            key[key.count - 1] = UInt64(classes.portSignature[peer]) + 1
        }
        return key
    }

    /// Appends the match row of a newly numbered rule (its id is the row's index).
    private func computeMatches(_ condition: any PeerScopedCondition) {
        var row = [Bool](repeating: false, count: classes.count)
        let candidates: [Int]
        if let ns = condition.peerNamespace {
            candidates = classes.byNamespace[ns] ?? []
        } else {
            candidates = Array(0..<classes.count)
        }
        let representatives = classes.representatives
        let topology = engine.topology
        for c in candidates { row[c] = condition.matchesPeer(representatives[c], in: topology) }
        peerMatches.append(row)
    }

    private func makePlan(_ direction: Direction, local: Endpoint) -> Plan {
        let model = engine.topology.model
        let applicable = engine.applicableRules(direction, local: local)
            ?? ConnectivityEngine.applicable(to: local, topology: engine.topology,
                                             scoped: ConnectivityEngine.policiesByScope(model))[direction] ?? []
        var plan = Plan(ruleIDs: [], opaque: false, destinationDependent: false)
        for entry in applicable {
            for p in entry.policies {
                for rule in model.tiers[entry.tier].policies[p].rules(direction) ?? [] {
                    guard let scoped = rule.condition as? any PeerScopedCondition else { plan.opaque = true; continue }
                    let name = "\(entry.tier)/\(p)/\(direction.rawValue)/\(rule.index)"
                    let id: Int
                    if let known = ruleIDs[name] {
                        id = known
                    } else {
                        id = peerMatches.count
                        ruleIDs[name] = id
                        computeMatches(scoped)
                    }
                    plan.ruleIDs.append(id)
                    if scoped.dependsOnDestination { plan.destinationDependent = true }
                }
            }
        }
        return plan
    }

    private func intern(_ set: ConnectionSet) -> Int {
        if let id = setIDs[set] { return id }
        sets.append(set)
        setIDs[set] = sets.count - 1
        return sets.count - 1
    }
}
