/// Computes which connections the policies allow between two endpoints.
///
/// A connection needs the source's egress and the destination's ingress.
/// Each direction runs the tiers in order; within a tier, the policies that
/// select the local endpoint run in order and their rules top-down: Allow and
/// Deny are final, Pass skips the rest of the tier, Log goes on. Whatever a
/// tier that applies leaves undecided gets its default (Deny, or Pass on to
/// the next tier). What no tier decided is allowed for pods, denied for hosts.
public struct ConnectivityEngine: Sendable {
    public let topology: Topology
    /// For each endpoint index, per direction, the applicable (tier index, policy indexes).
    private let applicable: [[Direction: [(tier: Int, policies: [Int])]]]
    private let indexByName: [String: Int]

    public init(topology: Topology) {
        self.topology = topology
        var applicable: [[Direction: [(tier: Int, policies: [Int])]]] = []
        applicable.reserveCapacity(topology.endpoints.count)
        for endpoint in topology.endpoints {
            var perDirection: [Direction: [(tier: Int, policies: [Int])]] = [:]
            for direction in Direction.allCases {
                var tiers: [(tier: Int, policies: [Int])] = []
                for (t, tier) in topology.model.tiers.enumerated() {
                    let selecting = tier.policies.indices.filter {
                        tier.policies[$0].rules(direction) != nil && tier.policies[$0].selector.selects(endpoint, in: topology)
                    }
                    if !selecting.isEmpty { tiers.append((t, selecting)) }
                }
                perDirection[direction] = tiers
            }
            applicable.append(perDirection)
        }
        self.applicable = applicable
        var indexByName: [String: Int] = [:]
        for (i, e) in topology.endpoints.enumerated() { indexByName[e.displayName] = i }
        self.indexByName = indexByName
    }

    public var universe: ConnectionSet { topology.model.universe }

    /// The connections allowed from `source` to `destination`.
    public func allowed(from source: Endpoint, to destination: Endpoint) -> ConnectionSet {
        let egress = verdict(.egress, from: source, to: destination).allowed
        if egress.isEmpty { return egress }
        return egress.intersection(verdict(.ingress, from: source, to: destination).allowed)
    }

    /// The verdict of one direction: egress is decided at `source`, ingress at `destination`.
    public func verdict(_ direction: Direction, from source: Endpoint, to destination: Endpoint) -> DirectionVerdict {
        let local = direction == .egress ? source : destination
        guard local.kind == .pod || local.kind == .host, let index = indexByName[local.displayName] else {
            return .allowAll(universe)
        }
        return evaluate(direction, tiers: applicable[index][direction] ?? [], local: local, from: source, to: destination)
    }

    private func evaluate(_ direction: Direction, tiers: [(tier: Int, policies: [Int])], local: Endpoint,
                          from source: Endpoint, to destination: Endpoint) -> DirectionVerdict {
        var remaining = universe
        var allowed = ConnectionSet.none
        var steps: [DirectionVerdict.Step] = []
        for (t, policyIndexes) in tiers where !remaining.isEmpty {
            let tier = topology.model.tiers[t]
            var passed = ConnectionSet.none
            for p in policyIndexes {
                let policy = tier.policies[p]
                for rule in policy.rules(direction) ?? [] {
                    let open = remaining.subtracting(passed)
                    if open.isEmpty { break }
                    let covered = rule.condition.connections(from: source, to: destination, in: topology).intersection(open)
                    if covered.isEmpty { continue }
                    steps.append(.init(action: rule.action, connections: covered,
                                       cause: .rule(policy: policy.ref, tier: tier.name, direction: direction, rule: rule)))
                    switch rule.action {
                    case .allow: allowed = allowed.union(covered); remaining = remaining.subtracting(covered)
                    case .deny: remaining = remaining.subtracting(covered)
                    case .pass: passed = passed.union(covered)
                    case .log: break
                    }
                }
            }
            let undecided = remaining.subtracting(passed)
            if !undecided.isEmpty {
                let refs = policyIndexes.map { tier.policies[$0].ref }
                steps.append(.init(action: tier.defaultAction, connections: undecided,
                                   cause: .tierDefault(tier: tier.name, kind: tier.kind, policies: refs)))
                if tier.defaultAction == .deny { remaining = passed.intersection(remaining) }
                if tier.defaultAction == .allow { allowed = allowed.union(undecided); remaining = passed.intersection(remaining) }
            }
        }
        if !remaining.isEmpty {
            let defaultAllows = local.kind == .pod
            steps.append(.init(action: defaultAllows ? .allow : .deny, connections: remaining, cause: .systemDefault))
            if defaultAllows { allowed = allowed.union(remaining) }
        }
        return DirectionVerdict(allowed: allowed, steps: steps)
    }
}
