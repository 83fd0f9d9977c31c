/// Pairs of policies that select some endpoint in common.
public enum Disjointness {
    public struct Overlap: Sendable {
        public var first: PolicyRef
        public var second: PolicyRef
        public var common: [String]
    }

    /// Each pair once, the later policy (in evaluation order) first; policies selecting nothing are skipped.
    public static func overlaps(in configuration: PolicyConfiguration) -> [Overlap] {
        let topology = configuration.topology
        let policies = configuration.policies
        let selected = policies.map { Set(PolicyEmptiness.selectedEndpoints($0, in: topology).map(\.displayName)) }
        var result: [Overlap] = []
        for i in policies.indices where !selected[i].isEmpty {
            for j in 0..<i {
                let common = selected[i].intersection(selected[j])
                if !common.isEmpty { result.append(Overlap(first: policies[i].ref, second: policies[j].ref, common: common.sorted())) }
            }
        }
        return result
    }
}
