import PalisadeCore

/// Policies whose selector matches none of the input's endpoints (NP-003).
/// Skipped when the input has no workloads at all (policies read alone).
struct UnusedPolicyFindings {
    var topology: Topology

    func findings() -> [Finding] {
        guard !topology.endpoints.isEmpty else { return [] }
        var findings: [Finding] = []
        for tier in topology.model.tiers {
            for policy in tier.policies where !topology.endpoints.contains(where: { policy.selector.selects($0, in: topology) }) {
                findings.append(NetworkFindingRule.policySelectsNothing.finding(
                    resource: FindingResources.policy(policy, tierKind: tier.kind), path: "spec",
                    message: "\(policy.ref) selects none of the \(topology.endpoints.count) workloads in the input, so it has no effect."))
            }
        }
        return findings
    }
}
