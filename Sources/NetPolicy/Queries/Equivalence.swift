/// Semantic equivalence: do two configurations allow exactly the same connections?
public enum Equivalence {
    /// The pairs whose allowed connections differ (at most one when `firstOnly`).
    public static func differences(_ first: PolicyConfiguration, _ second: PolicyConfiguration,
                                   firstOnly: Bool = false) -> [ConnectionDifference] {
        differences(ConfigurationConnectivity(first), ConfigurationConnectivity(second), firstOnly: firstOnly)
    }

    /// With `touching`, only pairs with an end among those endpoints are
    /// compared (the caller knows the others cannot differ).
    public static func differences(_ first: ConfigurationConnectivity, _ second: ConfigurationConnectivity,
                                   firstOnly: Bool = false, touching: Set<String>? = nil) -> [ConnectionDifference] {
        if first.configuration.hasSameTopology(as: second.configuration)
            && first.configuration.hasSamePolicies(as: second.configuration) { return [] }
        var result: [ConnectionDifference] = []
        ComparedPairs(endpointsOf: first.configuration, first, second).forEach(touching: touching) { source, destination in
            let a = first.verdict(from: source, to: destination).allowed
            let b = second.verdict(from: source, to: destination).allowed
            if a != b { result.append(ConnectionDifference(source: source, destination: destination, first: a, second: b)) }
            return !(firstOnly && !result.isEmpty)
        }
        return result
    }

    public static func areEquivalent(_ first: ConfigurationConnectivity, _ second: ConfigurationConnectivity,
                                     touching: Set<String>? = nil) -> Bool {
        differences(first, second, firstOnly: true, touching: touching).isEmpty
    }

    public static func areEquivalent(_ first: PolicyConfiguration, _ second: PolicyConfiguration) -> Bool {
        differences(first, second, firstOnly: true).isEmpty
    }

    /// Policy-wise equivalence: the same policy names, and each policy alone
    /// allows the same in both. Returns the first policy that differs, or a
    /// policy present in only one of them; nil when strongly equivalent.
    public static func strongDifference(_ first: PolicyConfiguration, _ second: PolicyConfiguration) -> PolicyRef? {
        let names1 = Dictionary(first.policies.map { (PolicyConfiguration.identity($0.ref), $0.ref) }) { a, _ in a }
        let names2 = Dictionary(second.policies.map { (PolicyConfiguration.identity($0.ref), $0.ref) }) { a, _ in a }
        if let only = names1.keys.sorted().first(where: { names2[$0] == nil }) { return names1[only] }
        if let only = names2.keys.sorted().first(where: { names1[$0] == nil }) { return names2[only] }
        for position in first.positions {
            let ref = first.policy(at: position).ref
            guard let other = second.positions.first(where: { PolicyConfiguration.identity(second.policy(at: $0).ref) == PolicyConfiguration.identity(ref) })
            else { return ref }
            if !areEquivalent(first.keepingOnly(position), second.keepingOnly(other)) { return ref }
        }
        return nil
    }
}
