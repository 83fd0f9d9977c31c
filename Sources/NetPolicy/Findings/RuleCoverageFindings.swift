import PalisadeCore

/// Rules that never decide a connection because earlier rules (in evaluation
/// order: tiers, policy order, rule order) already decided everything they
/// cover, for every endpoint they apply to and every peer: shadowed (NP-004)
/// when an earlier decision differs from the rule's action, else redundant (NP-005).
///
/// The walk mirrors ConnectivityEngine's evaluation so that "earlier" means
/// exactly what the engine does.
struct RuleCoverageFindings {
    var topology: Topology

    struct RuleKey: Hashable {
        var tier: Int
        var policy: Int
        var direction: Direction
        var position: Int
    }

    /// What a rule did over every (endpoint, peer) pair it was reached for.
    struct Usage {
        var matched = false
        var decided = false
        var conflicting = false
        var pairs = 0
        var coveredBy: Set<PolicyRef> = []
    }

    /// What the rules before the current one decided for one pair.
    struct Decisions {
        var allowed = ConnectionSet.none
        var denied = ConnectionSet.none
        var deciders: [(ref: PolicyRef, connections: ConnectionSet)] = []
    }

    func findings() -> [Finding] {
        var usage: [RuleKey: Usage] = [:]
        let peers = topology.peers
        for local in topology.endpoints where local.kind == .pod || local.kind == .host {
            for direction in Direction.allCases {
                let applicable = applicablePolicies(local, direction)
                let order = ruleKeys(applicable, direction)
                for peer in peers {
                    // A rule that decided something once is never reported: the walk can stop
                    // after the last rule still in question, and skip the peers once none is.
                    guard let last = order.lastIndex(where: { usage[$0]?.decided != true }) else { break }
                    let (source, destination) = direction == .ingress ? (peer, local) : (local, peer)
                    walk(applicable, direction, from: source, to: destination, through: order[last], usage: &usage)
                }
            }
        }
        return usage.sorted { ($0.key.tier, $0.key.policy, $0.key.direction.rawValue, $0.key.position) < ($1.key.tier, $1.key.policy, $1.key.direction.rawValue, $1.key.position) }
            .compactMap { finding(for: $0.key, $0.value) }
    }

    /// The tiers (in order) with the policies of each that select `local` for `direction`.
    private func applicablePolicies(_ local: Endpoint, _ direction: Direction) -> [(tier: Int, policies: [Int])] {
        topology.model.tiers.enumerated().compactMap { t, tier in
            let selecting = tier.policies.indices.filter {
                tier.policies[$0].rules(direction) != nil && tier.policies[$0].selector.selects(local, in: topology)
            }
            return selecting.isEmpty ? nil : (t, selecting)
        }
    }

    /// The keys of the applicable rules in evaluation order (Log rules never decide; left out).
    private func ruleKeys(_ applicable: [(tier: Int, policies: [Int])], _ direction: Direction) -> [RuleKey] {
        applicable.flatMap { t, policyIndexes in
            policyIndexes.flatMap { p in
                (topology.model.tiers[t].policies[p].rules(direction) ?? []).enumerated()
                    .filter { $0.element.action != .log }
                    .map { RuleKey(tier: t, policy: p, direction: direction, position: $0.offset) }
            }
        }
    }

    private func walk(_ applicable: [(tier: Int, policies: [Int])], _ direction: Direction,
                      from source: Endpoint, to destination: Endpoint, through lastKey: RuleKey, usage: inout [RuleKey: Usage]) {
        var remaining = topology.model.universe
        var decisions = Decisions()
        for (t, policyIndexes) in applicable {
            let tier = topology.model.tiers[t]
            var passed = ConnectionSet.none
            for p in policyIndexes {
                let policy = tier.policies[p]
                for (position, rule) in (policy.rules(direction) ?? []).enumerated() where rule.action != .log {
                    let key = RuleKey(tier: t, policy: p, direction: direction, position: position)
                    let condition = rule.condition.connections(from: source, to: destination, in: topology)
                    if condition.isEmpty { if key == lastKey { return }; continue }
                    let open = remaining.subtracting(passed)
                    let covered = condition.intersection(open)
                    if usage[key]?.decided != true {
                        record(key, rule.action, condition: condition, covered: covered, passed: passed, decisions: decisions, usage: &usage)
                    }
                    if key == lastKey { return }
                    guard !covered.isEmpty else { continue }
                    decisions.deciders.append((policy.ref, covered))
                    switch rule.action {
                    case .allow: decisions.allowed = decisions.allowed.union(covered); remaining = remaining.subtracting(covered)
                    case .deny: decisions.denied = decisions.denied.union(covered); remaining = remaining.subtracting(covered)
                    case .pass: passed = passed.union(covered)
                    case .log: break
                    }
                }
            }
            let undecided = remaining.subtracting(passed)
            if tier.defaultAction == .deny && !undecided.isEmpty {
                decisions.denied = decisions.denied.union(undecided)
                remaining = passed.intersection(remaining)
            }
        }
    }

    private func record(_ key: RuleKey, _ action: RuleAction, condition: ConnectionSet, covered: ConnectionSet,
                        passed: ConnectionSet, decisions: Decisions, usage: inout [RuleKey: Usage]) {
        var entry = usage[key] ?? Usage()
        entry.matched = true
        entry.pairs += 1
        if !covered.isEmpty {
            entry.decided = true
        } else {
            let earlierElse: ConnectionSet
            switch action {
            case .allow: earlierElse = decisions.denied.union(passed)
            case .deny: earlierElse = decisions.allowed.union(passed)
            case .pass, .log: earlierElse = decisions.allowed.union(decisions.denied)
            }
            if condition.overlaps(earlierElse) { entry.conflicting = true }
            if entry.coveredBy.count < 4 {
                for decider in decisions.deciders where decider.connections.overlaps(condition) { entry.coveredBy.insert(decider.ref) }
            }
        }
        usage[key] = entry
    }

    private func finding(for key: RuleKey, _ usage: Usage) -> Finding? {
        guard usage.matched, !usage.decided else { return nil }
        let tier = topology.model.tiers[key.tier]
        let policy = tier.policies[key.policy]
        guard let rule = policy.rules(key.direction)?[key.position] else { return nil }
        let kind: NetworkFindingRule = usage.conflicting ? .shadowedRule : .redundantRule
        let earlier = usage.coveredBy.map(\.description).sorted()
        let by = earlier.isEmpty ? "the tier's earlier decisions" : earlier.prefix(3).joined(separator: ", ") + (earlier.count > 3 ? ", …" : "")
        let effect = usage.conflicting ? "and some of them the other way" : "the same way"
        return kind.finding(
            resource: FindingResources.policy(policy, tierKind: tier.kind),
            path: FindingResources.rulePath(key.direction, rule),
            message: "\(rule.action.rawValue) rule \(key.direction.rawValue.lowercased())[\(rule.index)] of \(policy.ref) never decides a connection: for all \(usage.pairs) endpoint/peer pairs it matches, earlier rules (\(by)) already decide its connections, \(effect).",
            details: .object(fields: ["direction": .string(key.direction.rawValue), "rule": .int(rule.index),
                                      "pairs": .int(usage.pairs)]))
    }
}

extension ConnectionSet {
    fileprivate func overlaps(_ other: ConnectionSet) -> Bool { !intersection(other).isEmpty }
}
