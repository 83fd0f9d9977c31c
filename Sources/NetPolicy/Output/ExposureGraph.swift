/// netpol-analyzer's graphviz form of an exposure report: real workloads in
/// one black cluster per namespace, abstract peers in red clusters named by
/// their namespace part, external ranges and `entire-cluster` at top level,
/// connectivity edges gold and exposure edges dashed orange.
struct ExposureGraph {
    var connections: [PeerConnection]
    var endpoints: [Endpoint]
    var result: ExposureAnalysis.Result

    func render() -> String {
        var lines = ["digraph {"]
        lines += realClusters()
        lines += abstractClusters()
        lines += topLevelNodes()
        lines += edges().sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func realClusters() -> [String] {
        var pods: [String: Endpoint] = [:]
        for e in endpoints where e.kind == .pod { pods[e.displayName] = e }
        for c in connections {
            for e in [c.source, c.destination] where e.kind == .pod { pods[e.displayName] = e }
        }
        for l in result.lines { pods[l.workload.displayName] = l.workload }
        let byNamespace = Dictionary(grouping: pods.values, by: { $0.namespace ?? "default" })
        var lines: [String] = []
        for namespace in byNamespace.keys.sorted() {
            lines += cluster(namespace, color: "black")
            for peer in byNamespace[namespace]!.sorted(by: { $0.displayName.utf8.lexicographicallyPrecedes($1.displayName.utf8) }) {
                lines.append("\t\t\"\(peer.displayName)\" [label=\"\(peer.name)[\(peer.workloadKind)]\" color=\"blue\" fontcolor=\"blue\"]")
            }
            lines += ["\t\tlabel=\"\(namespace)[namespace]\"", "\t}"]
        }
        return lines
    }

    private var abstractPeers: [ExposurePeer] {
        var seen: Set<String> = []
        var peers: [ExposurePeer] = []
        for l in result.lines {
            if case .abstract(let p) = l.peer, !p.isEntireCluster, seen.insert(Self.nodeID(p)).inserted { peers.append(p) }
        }
        return peers
    }

    private func abstractClusters() -> [String] {
        let byNamespace = Dictionary(grouping: abstractPeers, by: \.namespaceLabel)
        var lines: [String] = []
        for namespace in byNamespace.keys.sorted() {
            lines += cluster(namespace, color: "red2")
            for peer in byNamespace[namespace]!.sorted(by: { Self.nodeID($0) < Self.nodeID($1) }) {
                lines.append("\t\t\"\(Self.nodeID(peer))\" [label=\"\(peer.podText)\" color=\"red2\" fontcolor=\"red2\"]")
            }
            lines += ["\t\tlabel=\"\(namespace)[namespace]\"", "\t}"]
        }
        return lines
    }

    private func cluster(_ namespace: String, color: String) -> [String] {
        let id = namespace.replacingOccurrences(of: "-", with: "_")
        return ["\tsubgraph \"cluster_\(id)[namespace]\" {", "\t\tcolor=\"\(color)\"", "\t\tfontcolor=\"\(color)\""]
    }

    private func topLevelNodes() -> [String] {
        var others: [String: Endpoint] = [:]
        for c in connections {
            for e in [c.source, c.destination] where e.kind != .pod { others[e.displayName] = e }
        }
        var lines = others.values.map { e -> String in
            let color = e.kind == .external ? "red2" : "blue"
            return "\t\"\(e.displayName)\" [label=\"\(e.displayName)\" color=\"\(color)\" fontcolor=\"\(color)\"]"
        }
        if result.lines.contains(where: { $0.peer == .abstract(.entireCluster) }) {
            lines.append("\t\"entire-cluster\" [label=\"entire-cluster\" color=\"red2\" fontcolor=\"red2\" shape=diamond]")
        }
        return lines.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    private func edges() -> [String] {
        var lines = connections.map { c -> String in
            let src = c.source.displayName, dst = c.destination.displayName
            let weight = src.utf8.lexicographicallyPrecedes(dst.utf8) ? "0.5" : "1"
            return "\t\"\(src)\" -> \"\(dst)\" [label=\"\(c.connections.analyzerText)\" color=\"gold2\" fontcolor=\"darkgreen\" weight=\(weight)]"
        }
        for l in result.lines {
            guard case .abstract(let peer) = l.peer else { continue }
            let node = Self.nodeID(peer), workload = l.workload.displayName, conn = l.connections.analyzerText
            if l.direction == .egress {
                lines.append("\t\"\(workload)\" -> \"\(node)\" [label=\"\(conn)\" color=\"darkorange4\" fontcolor=\"darkgreen\" weight=0.5 style=dashed]")
            } else {
                lines.append("\t\"\(node)\" -> \"\(workload)\" [label=\"\(conn)\" color=\"darkorange2\" fontcolor=\"darkgreen\" weight=1 style=dashed]")
            }
        }
        return lines
    }

    /// `pod with {..}_in_<namespace part>`; `entire-cluster` for the whole cluster.
    static func nodeID(_ peer: ExposurePeer) -> String {
        peer.isEntireCluster ? "entire-cluster" : "\(peer.podText)_in_\(peer.namespaceLabel)"
    }
}
