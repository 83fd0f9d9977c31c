/// The direction a rule governs, seen from the endpoint the policy selects.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case ingress = "Ingress"
    case egress = "Egress"
}

/// What a matching rule does with the connections it covers.
public enum RuleAction: String, Sendable, Hashable {
    /// Final: the connections are allowed.
    case allow = "Allow"
    /// Final: the connections are denied.
    case deny = "Deny"
    /// Skips the rest of the tier for these connections; the next tier decides.
    case pass = "Pass"
    /// Records and goes on (Calico `Log`).
    case log = "Log"
}

/// Which connections from `source` to `destination` a rule covers. The
/// policy's own endpoint is `destination` for ingress rules and `source`
/// for egress rules; the condition checks the other side (and ports on the
/// destination, where named ports resolve).
public protocol RuleCondition: Sendable {
    func connections(from source: Endpoint, to destination: Endpoint, in topology: Topology) -> ConnectionSet
}

/// Which endpoints a policy applies to.
public protocol EndpointSelector: Sendable {
    func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool
    /// When the policy can only select endpoints of one namespace, that
    /// namespace (the engine then skips it for other endpoints); nil otherwise.
    var namespaceScope: String? { get }
}

extension EndpointSelector {
    public var namespaceScope: String? { nil }
}

/// Identifies the policy a decision came from, for explanations and findings.
public struct PolicyRef: Sendable, Hashable, CustomStringConvertible {
    /// `NetworkPolicy`, `AdminNetworkPolicy`, `GlobalNetworkPolicy`, ...
    public var kind: String
    public var namespace: String?
    public var name: String
    /// `file:line` of the manifest, when known.
    public var origin: String?

    public init(kind: String, namespace: String? = nil, name: String, origin: String? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.origin = origin
    }

    /// `ns/name` or `name`.
    public var qualifiedName: String { namespace.map { "\($0)/\(name)" } ?? name }

    public var description: String { "\(kind) '\(qualifiedName)'" }
}

/// One rule of a policy in one direction.
public struct PolicyRule: Sendable {
    public var action: RuleAction
    public var condition: any RuleCondition
    /// Position in the policy's rule list for this direction (0-based).
    public var index: Int
    /// The rule's name where the API has one (ANP rules).
    public var name: String?

    public init(action: RuleAction, condition: any RuleCondition, index: Int, name: String? = nil) {
        self.action = action
        self.condition = condition
        self.index = index
        self.name = name
    }
}

/// A policy reduced to what evaluation needs: which endpoints it selects,
/// and per direction its ordered rules (nil: the policy leaves that direction alone).
public struct CompiledPolicy: Sendable {
    public var ref: PolicyRef
    public var selector: any EndpointSelector
    public var ingress: [PolicyRule]?
    public var egress: [PolicyRule]?
    /// Evaluation order within the tier (ascending); nil sorts last.
    public var order: Double?
    /// Address blocks the policy's rules name; they cut the external space into ranges.
    public var addressBlocks: [IntervalSet]

    public init(ref: PolicyRef, selector: any EndpointSelector, ingress: [PolicyRule]?, egress: [PolicyRule]?,
                order: Double? = nil, addressBlocks: [IntervalSet] = []) {
        self.ref = ref
        self.selector = selector
        self.ingress = ingress
        self.egress = egress
        self.order = order
        self.addressBlocks = addressBlocks
    }

    public func rules(_ direction: Direction) -> [PolicyRule]? {
        direction == .ingress ? ingress : egress
    }
}

/// An ordered group of policies with a default for connections that no rule
/// decided, applied only when some policy of the tier selects the endpoint.
public struct PolicyTier: Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// AdminNetworkPolicy / ClusterNetworkPolicy tier Admin.
        case admin
        /// Kubernetes NetworkPolicy (union of allows, implicit deny).
        case networkPolicy
        /// A Calico tier.
        case calico
        /// BaselineAdminNetworkPolicy / ClusterNetworkPolicy tier Baseline.
        case baseline
        /// Calico profiles.
        case profile
    }

    public var name: String
    public var kind: Kind
    /// `.deny` (end-of-tier drop) or `.pass` (on to the next tier).
    public var defaultAction: RuleAction
    /// In evaluation order.
    public var policies: [CompiledPolicy]

    public init(name: String, kind: Kind, defaultAction: RuleAction, policies: [CompiledPolicy]) {
        self.name = name
        self.kind = kind
        self.defaultAction = defaultAction
        self.policies = policies
    }

    /// Orders policies by `order` (nil last), then by name, as Calico does.
    public static func sortedByOrder(_ policies: [CompiledPolicy]) -> [CompiledPolicy] {
        policies.sorted { a, b in
            switch (a.order, b.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.ref.namespace ?? "", a.ref.name) < (b.ref.namespace ?? "", b.ref.name)
            }
        }
    }
}

/// Every policy of the input, as tiers in evaluation order, and the connection
/// universe the analysis speaks about.
public struct PolicyModel: Sendable {
    public var tiers: [PolicyTier]
    /// All connections: TCP/UDP/SCTP for Kubernetes APIs, every protocol once Calico policies take part.
    public var universe: ConnectionSet
    /// Policies that were read but left out because they are invalid, with the reason.
    public var rejected: [(ref: PolicyRef, reason: String)]

    public init(tiers: [PolicyTier], universe: ConnectionSet = .allKubernetes, rejected: [(ref: PolicyRef, reason: String)] = []) {
        self.tiers = tiers
        self.universe = universe
        self.rejected = rejected
    }

    public var policies: [CompiledPolicy] { tiers.flatMap(\.policies) }

    public var addressBlocks: [IntervalSet] { policies.flatMap(\.addressBlocks) }

    /// True when some policy of any tier selects `endpoint` for `direction`.
    public func isIsolated(_ endpoint: Endpoint, _ direction: Direction, in topology: Topology) -> Bool {
        policies.contains { $0.rules(direction) != nil && $0.selector.selects(endpoint, in: topology) }
    }
}
