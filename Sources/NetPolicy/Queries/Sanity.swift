/// A configuration's sanity issues: it is vacuous, or policies select
/// nothing, or rules match nothing, or policies and rules are redundant.
public enum Sanity {
    public enum Issue: Sendable, CustomStringConvertible {
        case vacuous
        case emptyPolicy(PolicyRef)
        case emptyRule(PolicyRef, Direction, Int)
        case redundantPolicy(PolicyRef)
        case redundantRule(PolicyRef, Direction, Int)

        public var description: String {
            switch self {
            case .vacuous: return "the configuration is vacuous - it allows all default connections"
            case .emptyPolicy(let p): return "\(p) is empty - it does not select any pods"
            case .emptyRule(let p, let d, let i): return "\(d) rule no. \(i + 1) in \(p) is empty - it matches no peer"
            case .redundantPolicy(let p): return "\(p) is redundant"
            case .redundantRule(let p, let d, let i): return "\(d) rule no. \(i + 1) in \(p) is redundant"
            }
        }
    }

    public static func issues(_ configuration: PolicyConfiguration) -> [Issue] {
        issues(ConfigurationConnectivity(configuration))
    }

    public static func issues(_ base: ConfigurationConnectivity) -> [Issue] {
        let configuration = base.configuration
        guard configuration.hasPolicies else { return [] }
        var issues: [Issue] = []
        let vacuous = Vacuity.isVacuous(base)
        if vacuous { issues.append(.vacuous) }
        let redundantPolicies = vacuous ? [] : Redundancy.policies(base)
        let topology = configuration.topology
        for position in configuration.positions {
            let policy = configuration.policy(at: position)
            let empty = PolicyEmptiness.finding(for: policy, in: topology)
            if empty.selectsNothing { issues.append(.emptyPolicy(policy.ref)); continue }
            issues += empty.emptyIngressRules.map { .emptyRule(policy.ref, .ingress, $0) }
            issues += empty.emptyEgressRules.map { .emptyRule(policy.ref, .egress, $0) }
            if vacuous { continue }
            if redundantPolicies.contains(position) { issues.append(.redundantPolicy(policy.ref)); continue }
            let redundant = Redundancy.rules(of: position, base)
            issues += redundant.ingress.filter { !empty.emptyIngressRules.contains($0) }.map { .redundantRule(policy.ref, .ingress, $0) }
            issues += redundant.egress.filter { !empty.emptyEgressRules.contains($0) }.map { .redundantRule(policy.ref, .egress, $0) }
        }
        return issues
    }
}
