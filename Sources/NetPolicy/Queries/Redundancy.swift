/// Policies and rules that can be removed without changing what the
/// configuration allows.
public enum Redundancy {
    public struct Rules: Sendable {
        public var policy: PolicyRef
        /// 0-based indexes.
        public var ingress: [Int]
        public var egress: [Int]
        public var count: Int { ingress.count + egress.count }
    }

    public struct Report: Sendable {
        public var policies: [PolicyRef]
        public var rules: [Rules]
        public var count: Int { policies.count + rules.reduce(0) { $0 + $1.count } }
    }

    /// Redundant policies: leaving one out keeps the configuration equivalent
    /// (only asked when there is more than one policy).
    public static func policies(_ base: ConfigurationConnectivity) -> [PolicyConfiguration.PolicyPosition] {
        let configuration = base.configuration
        let positions = configuration.positions
        guard positions.count > 1 else { return [] }
        return positions.filter { position in
            Equivalence.areEquivalent(base, ConfigurationConnectivity(configuration.without(position)),
                                      touching: selected(position, configuration))
        }
    }

    /// Redundant rules of one policy, per direction.
    public static func rules(of position: PolicyConfiguration.PolicyPosition,
                             _ base: ConfigurationConnectivity) -> (ingress: [Int], egress: [Int]) {
        let policy = base.configuration.policy(at: position)
        let selected = self.selected(position, base.configuration)
        func redundant(_ direction: Direction) -> [Int] {
            (policy.rules(direction) ?? []).indices.filter { index in
                let without = base.configuration.without(rule: index, direction, of: position)
                return Equivalence.areEquivalent(base, ConfigurationConnectivity(without), touching: selected)
            }
        }
        return (redundant(.ingress), redundant(.egress))
    }

    /// A policy only takes part in the verdicts of the endpoints it selects:
    /// changing it changes no other pair.
    static func selected(_ position: PolicyConfiguration.PolicyPosition, _ configuration: PolicyConfiguration) -> Set<String> {
        Set(PolicyEmptiness.selectedEndpoints(configuration.policy(at: position), in: configuration.topology).map(\.displayName))
    }

    public static func report(_ configuration: PolicyConfiguration) -> Report {
        report(ConfigurationConnectivity(configuration))
    }

    public static func report(_ base: ConfigurationConnectivity) -> Report {
        let configuration = base.configuration
        let redundantPolicies = policies(base)
        var rules: [Rules] = []
        for position in configuration.positions where !redundantPolicies.contains(position) {
            let found = self.rules(of: position, base)
            if !found.ingress.isEmpty || !found.egress.isEmpty {
                rules.append(Rules(policy: configuration.policy(at: position).ref, ingress: found.ingress, egress: found.egress))
            }
        }
        return Report(policies: redundantPolicies.map { configuration.policy(at: $0).ref }, rules: rules)
    }
}
