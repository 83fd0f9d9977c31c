/// The dot form: a graphviz digraph with the workloads of each network in
/// their own cluster (the pod network's namespaces inside `cluster_pod_network`,
/// a namespace-scoped UDN as one `ns[udn]` cluster, a CUDN or NAD as a cluster
/// of namespace clusters), external peers at top level, then every edge.
/// Nodes of a secondary network carry the network name in their id, since the
/// same workload also has a node on its primary network. With only the pod
/// network, the namespaces are top-level clusters.
struct MultiNetworkDot {
    var results: [NetworkConnectivity]
    var focus: AnalysisFocus

    func render() -> String {
        var lines = ["digraph {"]
        let plain = results.count == 1
        for result in results {
            let nodes = self.nodes(of: result)
            guard !nodes.isEmpty else { continue }
            lines += plain ? namespaceClusters(nodes, network: result.network) : cluster(result.network, nodes)
        }
        lines += peerNodes()
        lines += edges()
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// The workloads a network's cluster shows: every member (or, with a focus,
    /// the focused workloads and peers among them) and every workload with a connection.
    private func nodes(of result: NetworkConnectivity) -> [Endpoint] {
        var shown = result.members.filter { focus.isEmpty || AnalysisFocus.names(focus.workloads + focus.peers, include: $0) }
        for c in result.connections {
            for e in [c.source, c.destination] where e.kind == .pod && !shown.contains(where: { $0.displayName == e.displayName }) {
                shown.append(e)
            }
        }
        return shown
    }

    private func cluster(_ network: ClusterNetwork, _ nodes: [Endpoint]) -> [String] {
        switch network.kind {
        case .podNetwork:
            return ["\tsubgraph \"cluster_pod_network\" {", "\tlabel=\"pod network\""]
                + namespaceClusters(nodes, network: network) + ["\t}"]
        case .primaryUDN:
            return namespaceClusters(nodes, network: network, mark: "udn")
        case .primaryCUDN, .secondaryNAD:
            let mark = network.kind == .primaryCUDN ? "cluster-udn" : "nad"
            return ["\tsubgraph \"cluster_\(network.name)\" {", "\tlabel=\"\(network.name)[\(mark)]\""]
                + namespaceClusters(nodes, network: network) + ["\t}"]
        }
    }

    private func namespaceClusters(_ nodes: [Endpoint], network: ClusterNetwork, mark: String = "namespace") -> [String] {
        let byNamespace = Dictionary(grouping: nodes) { $0.namespace ?? "default" }
        // Sorting by `ns/` orders namespaces as their workloads' names order.
        let namespaces = byNamespace.keys.sorted { "\($0)/".utf8.lexicographicallyPrecedes("\($1)/".utf8) }
        var lines: [String] = []
        for namespace in namespaces {
            let id = namespace.replacingAll("-", with: "_")
            lines += ["\tsubgraph \"cluster_\(id)[\(mark)]\" {", "\t\tcolor=\"black\"", "\t\tfontcolor=\"black\""]
            let members = (byNamespace[namespace] ?? []).sorted { nodeID($0, network).utf8.lexicographicallyPrecedes(nodeID($1, network).utf8) }
            for e in members {
                lines.append("\t\t\"\(nodeID(e, network))\" [label=\"\(e.name)[\(e.workloadKind)]\" color=\"blue\" fontcolor=\"blue\"]")
            }
            lines += ["\t\tlabel=\"\(namespace)[\(mark)]\"", "\t}"]
        }
        return lines
    }

    /// External ranges and the ingress controller that take part in a connection.
    private func peerNodes() -> [String] {
        var peers: [String: Endpoint] = [:]
        for result in results {
            for c in result.connections {
                for e in [c.source, c.destination] where e.kind != .pod { peers[e.displayName] = e }
            }
        }
        return Array(peers.keys).byteSorted().compactMap { id in
            guard let peer = peers[id] else { return nil }
            let color = peer.kind == .external ? "red2" : "blue"
            return "\t\"\(id)\" [label=\"\(id)\" color=\"\(color)\" fontcolor=\"\(color)\"]"
        }
    }

    private func edges() -> [String] {
        results.flatMap { result in
            result.connections.map { c in
                let src = nodeID(c.source, result.network), dst = nodeID(c.destination, result.network)
                let weight = src.utf8.lexicographicallyPrecedes(dst.utf8) ? "0.5" : "1"
                return "\t\"\(src)\" -> \"\(dst)\" [label=\"\(c.connections.analyzerText)\" color=\"gold2\" fontcolor=\"darkgreen\" weight=\(weight)]"
            }
        }.byteSorted()
    }

    private func nodeID(_ endpoint: Endpoint, _ network: ClusterNetwork) -> String {
        guard network.kind == .secondaryNAD, endpoint.kind == .pod else { return endpoint.displayName }
        return endpoint.displayName + network.name
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
