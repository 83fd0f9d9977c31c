/// Why one direction (egress at the source, ingress at the destination)
/// treats a set of connections between two peers as it does, in
/// netpol-analyzer's explain wording.
struct ExplainReason: Hashable {
    /// One line of reasons, or a list (`NetworkPolicy list:`) of several of one kind.
    enum Item: Hashable {
        case line(String)
        case list(kind: String, entries: [String])

        var entries: [String] {
            switch self {
            case .line(let text): return [text]
            case .list(_, let entries): return entries
            }
        }
    }

    var allowed: Bool
    /// The endpoint's default decided in the end (after any passes in `items`).
    var endsInDefault: Bool
    var items: [Item]
    /// netpol-analyzer prints nothing for this direction (see `ExplainReasoner.reason`).
    var silent = false

    static let allowAll = ExplainReason(allowed: true, endsInDefault: true, items: [])

    /// No policy took part at all.
    var systemDefault: Bool { endsInDefault && items.isEmpty }

    func lines(_ direction: Direction) -> [String] {
        if silent { return [] }
        var header = "\t\t\(direction.rawValue) (\(allowed ? "Allowed" : "Denied"))"
        if systemDefault { header += " due to the system default (Allow all)" }
        var lines = [header]
        for item in items {
            switch item {
            case .line(let text): lines.append("\t\t\t\(text)")
            case .list(let kind, let entries): lines += ["\t\t\t\(kind) list:"] + entries.map { "\t\t\t\t- \($0)" } + [""]
            }
        }
        if endsInDefault && !items.isEmpty { lines.append("\t\t\tthe system default (Allow all)") }
        return lines
    }
}

/// Works out `ExplainReason`s by walking the tiers as the engine does, for a
/// set of connections every rule either covers entirely or not at all.
struct ExplainReasoner {
    var topology: Topology
    /// Names to print instead of some peers' display names (the ingress controller's stand-in pods).
    var shownNames: [String: String] = [:]

    private func name(_ peer: Endpoint) -> String { shownNames[peer.displayName] ?? peer.displayName }

    func reason(_ direction: Direction, from source: Endpoint, to destination: Endpoint, on atom: ConnectionSet) -> ExplainReason {
        let (local, other) = direction == .egress ? (source, destination) : (destination, source)
        guard local.kind == .pod || local.kind == .host else { return .allowAll }
        var items: [ExplainReason.Item] = []
        var adminMatchedOtherPorts = false
        for tier in topology.model.tiers {
            let policies = tier.policies.filter { $0.rules(direction) != nil && $0.selector.selects(local, in: topology) }
            if policies.isEmpty { continue }
            if tier.kind == .networkPolicy {
                let reason = unionTier(policies, direction, source, destination, local: local, other: other, atom: atom, before: items)
                // netpol-analyzer gives no reason for a denial by NetworkPolicies
                // without rules when an admin rule named the peer, but on other ports.
                let ruleless = policies.allSatisfy { ($0.rules(direction) ?? []).isEmpty }
                if !reason.allowed && adminMatchedOtherPorts && ruleless {
                    return ExplainReason(allowed: false, endsInDefault: false, items: [], silent: true)
                }
                return reason
            }
            switch orderedTier(policies, direction, source, destination, atom: atom) {
            case .decided(let allowed, let line): return ExplainReason(allowed: allowed, endsInDefault: false, items: items + [.line(line)])
            case .passed(let line): items.append(.line(line))
            case .undecided(let peerMatched):
                adminMatchedOtherPorts = adminMatchedOtherPorts || peerMatched
                // An ordered tier ending in a drop (Calico) denies what it left open.
                if tier.defaultAction == .deny { return ExplainReason(allowed: false, endsInDefault: false, items: items) }
            }
        }
        return ExplainReason(allowed: local.kind == .pod, endsInDefault: true, items: items)
    }

    private enum TierOutcome {
        case decided(allowed: Bool, line: String)
        case passed(line: String)
        /// No rule covered the connections; `peerMatched`: some rule covers the pair on other connections.
        case undecided(peerMatched: Bool)
    }

    /// Admin-style tiers: the first rule (in policy order) covering the connections decides or passes.
    private func orderedTier(_ policies: [CompiledPolicy], _ direction: Direction, _ source: Endpoint, _ destination: Endpoint,
                             atom: ConnectionSet) -> TierOutcome {
        var peerMatched = false
        for policy in policies {
            for rule in policy.rules(direction) ?? [] {
                let covered = rule.condition.connections(from: source, to: destination, in: topology)
                if covered.isEmpty { continue }
                if covered.intersection(atom).isEmpty { peerMatched = true; continue }
                let id = rule.name ?? "#\(rule.index + 1)"
                let by = "connections by \(direction.rawValue) rule \(id)"
                switch rule.action {
                case .allow: return .decided(allowed: true, line: "\(policy.ref) allows \(by)")
                case .deny: return .decided(allowed: false, line: "\(policy.ref) denies \(by)")
                case .pass: return .passed(line: "\(policy.ref) passes \(by)")
                case .log: continue
                }
            }
        }
        return .undecided(peerMatched: peerMatched)
    }

    /// A NetworkPolicy-style tier: allowed when some policy's rule covers the
    /// connections, otherwise denied with each selecting policy's reason.
    private func unionTier(_ policies: [CompiledPolicy], _ direction: Direction, _ source: Endpoint, _ destination: Endpoint,
                           local: Endpoint, other: Endpoint, atom: ConnectionSet, before: [ExplainReason.Item]) -> ExplainReason {
        let sorted = policies.sorted { $0.ref.qualifiedName < $1.ref.qualifiedName }
        var allows: [String] = []
        for policy in sorted {
            let rule = (policy.rules(direction) ?? []).first {
                $0.action == .allow && !$0.condition.connections(from: source, to: destination, in: topology).intersection(atom).isEmpty
            }
            if let rule { allows.append("\(policy.ref) allows connections by \(direction.rawValue) rule #\(rule.index + 1)") }
        }
        if !allows.isEmpty { return ExplainReason(allowed: true, endsInDefault: false, items: before + [Self.item(allows)]) }
        let denials = sorted.map { denial($0, direction, local: local, other: other, destination: destination) }
        return ExplainReason(allowed: false, endsInDefault: false, items: before + [Self.item(denials)])
    }

    private static func item(_ entries: [String]) -> ExplainReason.Item {
        entries.count == 1 ? .line(entries[0]) : .list(kind: KubeNetworkPolicy.kind, entries: entries)
    }

    private func denial(_ policy: CompiledPolicy, _ direction: Direction, local: Endpoint, other: Endpoint, destination: Endpoint) -> String {
        let rules = policy.rules(direction) ?? []
        let head = "\(policy.ref) selects \(local.displayName)"
        if rules.isEmpty {
            return "\(head), but \(name(other)) is not allowed by any \(direction.rawValue) rule (no rules defined)"
        }
        for rule in rules {
            guard let condition = rule.condition as? any PeerScopedCondition, condition.matchesPeer(other, in: topology) else { continue }
            let selects = "\(head), and \(direction.rawValue) rule #\(rule.index + 1) selects \(name(other))"
            if condition.dependsOnDestination, condition.connections(toward: destination).isEmpty {
                return "\(selects), but named ports of the rule have no match in the configuration of the destination peer"
            }
            return "\(selects), but the protocols and ports do not match"
        }
        return "\(head), but \(name(other)) is not allowed by any \(direction.rawValue) rule"
    }
}
