/// The txt form: one section per network (`Permitted connectivity analyzed in
/// primary UDN blue:`), then the workload-to-networks mapping. With only the
/// pod network, the lines come without a heading. With a focus connection the
/// list starts `Permitted connections on TCP 80:`, lines omit the connection
/// set, networks without connections are left out and the mapping is not shown.
struct MultiNetworkText {
    var results: [NetworkConnectivity]
    var layout: NetworkLayout
    var endpoints: [Endpoint]
    var focusConnection: String?

    static let noWorkloadsOnPodNetwork = "all input workloads are configured with (C)UDN as their primary network interface"
    static let nothingAllowedOnPodNetwork = "All connections are not allowed for the workloads in the pod-network"

    func render() -> String {
        var lines: [String] = []
        if let focusConnection { lines.append("Permitted connections on \(focusConnection):") }
        if results.count == 1, let only = results.first {
            lines += connectionLines(only)
        } else {
            // Sections after the pod network's are set apart by a blank line.
            for (network, block) in sections() {
                if network != .podNetwork { lines.append("") }
                lines += block
            }
        }
        if focusConnection == nil {
            lines.append("")
            lines += mapping()
        }
        return lines.joined(separator: "\n")
    }

    /// Heading and lines of each network shown, pod network first.
    private func sections() -> [(ClusterNetwork, [String])] {
        results.compactMap { result -> (ClusterNetwork, [String])? in
            let heading = "Permitted connectivity analyzed in \(result.network.heading):"
            let lines = connectionLines(result)
            if !lines.isEmpty { return (result.network, [heading] + lines) }
            guard result.network == .podNetwork, focusConnection == nil else { return nil }
            return (result.network, [heading, result.members.isEmpty ? Self.noWorkloadsOnPodNetwork : Self.nothingAllowedOnPodNetwork])
        }
    }

    private func connectionLines(_ result: NetworkConnectivity) -> [String] {
        result.connections.map { c in
            let pair = "\(result.network.peerName(c.source)) => \(result.network.peerName(c.destination))"
            return focusConnection == nil ? "\(pair) : \(c.connections.analyzerText)" : pair
        }.byteSorted()
    }

    private func mapping() -> [String] {
        var lines = ["Workload-to-Networks Mapping:"]
        let workloads = endpoints.filter { $0.kind == .pod }.sorted { $0.displayName.utf8.lexicographicallyPrecedes($1.displayName.utf8) }
        for workload in workloads {
            lines.append("\(workload.displayName): ")
            lines.append("\tPrimary Network: \(layout.primaryNetwork(of: workload).mappingName)")
            let secondary = layout.secondaryNetworks(of: workload)
            if !secondary.isEmpty {
                lines.append("\tSecondary Networks: \(secondary.map(\.mappingName).joined(separator: ", "))")
            }
        }
        return lines
    }
}
