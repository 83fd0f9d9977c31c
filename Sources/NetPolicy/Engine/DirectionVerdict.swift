/// How one direction (egress at the source, or ingress at the destination)
/// treats the connections between two endpoints, and why.
public struct DirectionVerdict: Sendable {
    /// One decision over a set of connections.
    public struct Step: Sendable {
        public enum Cause: Sendable {
            /// A rule matched.
            case rule(policy: PolicyRef, tier: String, direction: Direction, rule: PolicyRule)
            /// The tier's default for connections no rule of it decided.
            case tierDefault(tier: String, kind: PolicyTier.Kind, policies: [PolicyRef])
            /// No policy decided: the endpoint's default (allow for pods).
            case systemDefault
        }

        public var action: RuleAction
        public var connections: ConnectionSet
        public var cause: Cause
    }

    public var allowed: ConnectionSet
    /// Decisions in evaluation order; together with `allowed` they cover the universe.
    public var steps: [Step]

    /// Allowed without any policy taking part.
    public static func allowAll(_ universe: ConnectionSet) -> DirectionVerdict {
        DirectionVerdict(allowed: universe, steps: [Step(action: .allow, connections: universe, cause: .systemDefault)])
    }
}
