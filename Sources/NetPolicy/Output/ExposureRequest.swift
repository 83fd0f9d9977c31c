extension ConnlistRequest {
    /// The `--exposure` / `--explain` forms of the output, given the analysis and its (filtered) connectivity list.
    func renderExposureOrExplain(_ analysis: ConnectivityAnalysis, connections: [PeerConnection], nodes: [Endpoint]) -> String {
        let only = focusConnection.map { ConnectionSet($0.proto, ports: IntervalSet($0.port, $0.port)) }
        let exposed = exposure
            ? ExposureAnalysis(topology: analysis.topology).result(focus: focus, connections: connections, only: only) : nil
        if explain {
            return ExplainReport(analysis: analysis, focus: focus, only: explainOnly, focusConnection: focusConnection).render(exposure: exposed)
        }
        guard let exposed else { return format.render(connections, endpoints: nodes) }
        return ExposureReport(format: format, connections: connections, endpoints: nodes, result: exposed, focusConnection: only).render()
    }
}
