import PalisadeCore

/// The cluster-scoped policy kinds of `policy.networking.k8s.io`: which tier
/// each lands in, which rule actions it accepts and what it calls them.
public enum AdminPolicyAPI: Sendable, Hashable {
    /// v1alpha1 AdminNetworkPolicy: tier Admin, actions Allow|Deny|Pass, priority 0–1000.
    case adminNetworkPolicy
    /// v1alpha1 BaselineAdminNetworkPolicy: tier Baseline, actions Allow|Deny, singleton `default`.
    case baselineAdminNetworkPolicy
    /// v1alpha2 ClusterNetworkPolicy: `spec.tier` Admin|Baseline, actions Accept|Deny|Pass.
    case clusterNetworkPolicy

    public static let group = "policy.networking.k8s.io"
    /// At most this many rules per direction (the CRDs' maxItems).
    public static let maxRulesPerDirection = 25
    public static let priorityRange = 0...1000

    public init?(kind: String, group: String) {
        guard group == Self.group else { return nil }
        switch kind {
        case "AdminNetworkPolicy": self = .adminNetworkPolicy
        case "BaselineAdminNetworkPolicy": self = .baselineAdminNetworkPolicy
        case "ClusterNetworkPolicy": self = .clusterNetworkPolicy
        default: return nil
        }
    }

    public var kind: String {
        switch self {
        case .adminNetworkPolicy: return "AdminNetworkPolicy"
        case .baselineAdminNetworkPolicy: return "BaselineAdminNetworkPolicy"
        case .clusterNetworkPolicy: return "ClusterNetworkPolicy"
        }
    }

    /// The engine action for an action word of this API; nil when the API does not define it.
    func action(_ word: String) -> RuleAction? {
        switch (self, word) {
        case (.adminNetworkPolicy, "Allow"), (.baselineAdminNetworkPolicy, "Allow"), (.clusterNetworkPolicy, "Accept"):
            return .allow
        case (_, "Deny"): return .deny
        case (.adminNetworkPolicy, "Pass"), (.clusterNetworkPolicy, "Pass"): return .pass
        default: return nil
        }
    }

    var actionWords: String {
        switch self {
        case .adminNetworkPolicy: return "Allow, Deny, Pass"
        case .baselineAdminNetworkPolicy: return "Allow, Deny"
        case .clusterNetworkPolicy: return "Accept, Deny, Pass"
        }
    }
}

/// The two admin tiers around the NetworkPolicy tier.
public enum AdminTier: String, Sendable, Hashable {
    case admin = "Admin"
    case baseline = "Baseline"
}
