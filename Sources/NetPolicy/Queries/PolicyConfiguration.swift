/// A named network configuration to reason about: a topology with its
/// policies. Queries compare configurations or vary one (a policy or a rule
/// left out) to find what each part of a policy set contributes.
public struct PolicyConfiguration: Sendable {
    /// Where a policy sits in the model: tier and position in the tier.
    public struct PolicyPosition: Sendable, Hashable {
        public var tier: Int
        public var index: Int

        public init(tier: Int, index: Int) {
            self.tier = tier
            self.index = index
        }
    }

    public var name: String
    public var topology: Topology
    /// Identity (`Kind ns/name`) → a digest of the policy's source, so that
    /// "the same policies" can be told apart from "equivalent policies".
    public var policyDigests: [String: Int]

    public init(name: String, topology: Topology, policyDigests: [String: Int] = [:]) {
        self.name = name
        self.topology = topology
        self.policyDigests = policyDigests
    }

    /// The identity of a policy across configurations.
    public static func identity(_ ref: PolicyRef) -> String { "\(ref.kind) \(ref.qualifiedName)" }

    public var model: PolicyModel { topology.model }

    public var hasPolicies: Bool { !positions.isEmpty }

    /// Every policy position, tiers in order. Calico profiles (explicit, or
    /// the implicit `kns.<namespace>` ones) are the endpoints' defaults: they
    /// stay in the model but are not part of the policy set that queries
    /// vary and report on.
    public var positions: [PolicyPosition] {
        model.tiers.indices.filter { model.tiers[$0].kind != .profile }.flatMap { t in
            model.tiers[t].policies.indices.map { PolicyPosition(tier: t, index: $0) }
        }
    }

    static func isImplicit(_ policy: CompiledPolicy) -> Bool { policy.ref.kind == "Profile" }

    public func policy(at position: PolicyPosition) -> CompiledPolicy {
        model.tiers[position.tier].policies[position.index]
    }

    /// The position of the policy `identity` names (`Kind ns/name`), or of the
    /// first policy whose `ns/name` (or name) is `name` when `kind` is nil.
    public func position(named name: String, kind: String? = nil) -> PolicyPosition? {
        positions.first { position in
            let ref = policy(at: position).ref
            guard kind == nil || ref.kind == kind else { return false }
            return ref.qualifiedName == name || ref.name == name
        }
    }

    /// This configuration without any policy (the cluster's default behaviour).
    public func withoutPolicies(name: String? = nil) -> PolicyConfiguration {
        var model = self.model
        for t in model.tiers.indices { model.tiers[t].policies.removeAll { !Self.isImplicit($0) } }
        return replacing(model, name: name, digests: [:])
    }

    /// This configuration without one policy.
    /// The policies of the set (implicit ones left out), in evaluation order.
    public var policies: [CompiledPolicy] { positions.map(policy(at:)) }

    public func without(_ position: PolicyPosition) -> PolicyConfiguration {
        var model = self.model
        let removed = model.tiers[position.tier].policies.remove(at: position.index)
        var digests = policyDigests
        digests[Self.identity(removed.ref)] = nil
        return replacing(model, name: nil, digests: digests)
    }

    /// This configuration with only one policy.
    public func keepingOnly(_ position: PolicyPosition, name: String? = nil) -> PolicyConfiguration {
        var model = self.model
        let kept = model.tiers[position.tier].policies[position.index]
        for t in model.tiers.indices {
            model.tiers[t].policies = model.tiers[t].policies.enumerated()
                .filter { (t == position.tier && $0.offset == position.index) || Self.isImplicit($0.element) }.map(\.element)
        }
        let identity = Self.identity(kept.ref)
        return replacing(model, name: name, digests: policyDigests.filter { $0.key == identity })
    }

    /// This configuration with one rule of one policy left out.
    public func without(rule index: Int, _ direction: Direction, of position: PolicyPosition) -> PolicyConfiguration {
        var model = self.model
        var policy = model.tiers[position.tier].policies[position.index]
        switch direction {
        case .ingress: policy.ingress?.remove(at: index)
        case .egress: policy.egress?.remove(at: index)
        }
        model.tiers[position.tier].policies[position.index] = policy
        var digests = policyDigests
        digests[Self.identity(policy.ref)] = nil
        return replacing(model, name: nil, digests: digests)
    }

    private func replacing(_ model: PolicyModel, name: String?, digests: [String: Int]) -> PolicyConfiguration {
        let topology = Topology(namespaces: self.topology.namespaces, endpoints: self.topology.endpoints, model: model,
                                warnings: self.topology.warnings)
        return PolicyConfiguration(name: name ?? self.name, topology: topology, policyDigests: digests)
    }

    /// True when both have the same endpoints (by name) and namespaces.
    public func hasSameTopology(as other: PolicyConfiguration) -> Bool {
        Set(topology.endpoints.map(\.displayName)) == Set(other.topology.endpoints.map(\.displayName))
    }

    /// True when both hold the same policies with the same sources.
    public func hasSamePolicies(as other: PolicyConfiguration) -> Bool {
        let mine = positions.map { Self.identity(policy(at: $0).ref) }, theirs = other.positions.map { Self.identity(other.policy(at: $0).ref) }
        guard Set(mine) == Set(theirs), mine.count == theirs.count else { return false }
        return mine.allSatisfy { policyDigests[$0] != nil && policyDigests[$0] == other.policyDigests[$0] }
    }
}
