/// Computes which connections the policies allow between two endpoints.
///
/// A connection needs the source's egress and the destination's ingress.
/// Each direction runs the tiers in order; within a tier, the policies that
/// select the local endpoint run in order and their rules top-down: Allow and
/// Deny are final, Pass skips the rest of the tier, Log goes on. Whatever a
/// tier that applies leaves undecided gets its default (Deny, or Pass on to
/// the next tier). What no tier decided is allowed for pods, denied for hosts.
public struct ConnectivityEngine: Sendable {
    /// The policies of one tier that select an endpoint for one direction.
    struct Applicable: Sendable {
        var tier: Int
        var policies: [Int]
    }

    public let topology: Topology
    /// Per endpoint class (of `topology.endpoints`), per direction, the tiers and policies that apply.
    private let applicable: [[Direction: [Applicable]]]
    private let classIndex: [EndpointClasses.Key: Int]

    public init(topology: Topology) {
        self.topology = topology
        let classes = EndpointClasses(topology.endpoints)
        let scoped = Self.policiesByScope(topology.model)
        applicable = classes.representatives.map { Self.applicable(to: $0, topology: topology, scoped: scoped) }
        var classIndex: [EndpointClasses.Key: Int] = [:]
        for (i, representative) in classes.representatives.enumerated() { classIndex[.init(representative)] = i }
        self.classIndex = classIndex
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
        guard local.kind == .pod || local.kind == .host else { return .allowAll(universe) }
        let tiers: [Applicable]
        if let index = classIndex[.init(local)] {
            tiers = applicable[index][direction] ?? []
        } else {
            tiers = Self.applicable(to: local, topology: topology, scoped: Self.policiesByScope(topology.model))[direction] ?? []
        }
        return evaluate(direction, tiers: tiers, local: local, from: source, to: destination)
    }

    /// The rules that can decide for `local` in `direction`, in evaluation order
    /// (tier, policy, rule), with the tier boundaries.
    func applicableRules(_ direction: Direction, local: Endpoint) -> [Applicable]? {
        guard let index = classIndex[.init(local)] else { return nil }
        return applicable[index][direction]
    }

    /// Per tier: policy indexes scoped to one namespace, and the unscoped ones.
    typealias ScopedPolicies = [(byNamespace: [String: [Int]], unscoped: [Int])]

    static func policiesByScope(_ model: PolicyModel) -> ScopedPolicies {
        model.tiers.map { tier in
            var byNamespace: [String: [Int]] = [:]
            var unscoped: [Int] = []
            for (i, policy) in tier.policies.enumerated() {
                if let ns = policy.selector.namespaceScope { byNamespace[ns, default: []].append(i) } else { unscoped.append(i) }
            }
            return (byNamespace, unscoped)
        }
    }

    static func applicable(to endpoint: Endpoint, topology: Topology, scoped: ScopedPolicies) -> [Direction: [Applicable]] {
        var perDirection: [Direction: [Applicable]] = [.ingress: [], .egress: []]
        for (t, tier) in topology.model.tiers.enumerated() {
            var candidates = scoped[t].unscoped
            if let ns = endpoint.namespace, let local = scoped[t].byNamespace[ns] {
                candidates = (candidates + local).sorted()
            }
            let selecting = candidates.filter { tier.policies[$0].selector.selects(endpoint, in: topology) }
            for direction in Direction.allCases {
                let policies = selecting.filter { tier.policies[$0].rules(direction) != nil }
                if !policies.isEmpty { perDirection[direction]!.append(Applicable(tier: t, policies: policies)) }
            }
        }
        return perDirection
    }

    private func evaluate(_ direction: Direction, tiers: [Applicable], local: Endpoint,
                          from source: Endpoint, to destination: Endpoint) -> DirectionVerdict {
        var remaining = universe
        var allowed = ConnectionSet.none
        var steps: [DirectionVerdict.Step] = []
        for applicable in tiers where !remaining.isEmpty {
            let tier = topology.model.tiers[applicable.tier]
            var passed = ConnectionSet.none
            for p in applicable.policies {
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
                let refs = applicable.policies.map { tier.policies[$0].ref }
                steps.append(.init(action: tier.defaultAction, connections: undecided,
                                   cause: .tierDefault(tier: tier.name, kind: tier.kind, policies: refs)))
                switch tier.defaultAction {
                case .deny: remaining = passed.intersection(remaining)
                case .allow: allowed = allowed.union(undecided); remaining = passed.intersection(remaining)
                case .pass, .log: break
                }
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
