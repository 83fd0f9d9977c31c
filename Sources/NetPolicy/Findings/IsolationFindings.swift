import PalisadeCore

/// Workloads that no policy isolates, per direction (NP-001, NP-002).
struct IsolationFindings {
    var topology: Topology
    var options: NetworkFindingOptions

    func findings() -> [Finding] {
        var findings: [Finding] = []
        for endpoint in topology.endpoints where endpoint.kind == .pod {
            if options.runs(.noIngressIsolation) && !topology.model.isIsolated(endpoint, .ingress, in: topology) {
                findings.append(NetworkFindingRule.noIngressIsolation.finding(
                    resource: FindingResources.workload(endpoint),
                    message: "No policy selects \(endpoint.displayName) for ingress: every pod and every address can connect to it."))
            }
            if options.runs(.noEgressIsolation) && !topology.model.isIsolated(endpoint, .egress, in: topology) {
                findings.append(NetworkFindingRule.noEgressIsolation.finding(
                    resource: FindingResources.workload(endpoint),
                    message: "No policy selects \(endpoint.displayName) for egress: it can connect to every pod and every address."))
            }
        }
        return findings
    }
}
