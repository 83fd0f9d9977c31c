/// Warnings about a request and its input that do not stop the analysis:
/// options that have no effect in this combination, focus workloads that do
/// not exist, inputs without any policy.
extension ConnlistRequest {
    public func problems(in topology: Topology) -> [String] {
        var problems: [String] = []
        if focus.workloads.isEmpty {
            if !focus.peers.isEmpty { problems.append("--focusworkload-peer may be used only with focusworkload flag, will be ignored") }
            if focus.direction != nil { problems.append("--focus-direction may be used only with focusworkload flag, will be ignored") }
        }
        if explainOnly != nil && !explain {
            problems.append("--explain-only may be used only with explain flag, will be ignored")
        }
        if exposure && !focus.peers.isEmpty {
            problems.append("--exposure is ignored together with --focusworkload-peer (focusworkload and focusworkload-peer select pairs, exposure looks at every peer)")
        }
        if exposure && explain {
            problems.append("--exposure is ignored together with --explain and --explain-only (explain output has no exposure section)")
        }
        for name in focus.workloads where !topology.endpoints.contains(where: { AnalysisFocus.names([name], include: $0) })
            && !AnalysisFocus.names([name], include: .ingressController) {
            problems.append("focus workload \(name) does not exist in the input resources")
        }
        if topology.model.policies.isEmpty && topology.model.rejected.isEmpty {
            problems.append("no relevant Kubernetes network policy resources found; every connection is allowed")
        }
        return problems
    }
}
