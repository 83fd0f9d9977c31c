/// netpol-analyzer's graphviz form: one cluster per namespace holding its
/// workloads, the other peers at top level, then the edges labelled with
/// their connections.
struct DotGraph {
    var rows: [ConnlistFormat.Row]
    var connections: [PeerConnection]
    var endpoints: [Endpoint]

    func render() -> String {
        var peers: [String: Endpoint] = [:]
        for c in connections {
            peers[c.source.displayName] = c.source
            peers[c.destination.displayName] = c.destination
        }
        for e in endpoints { peers[e.displayName] = e }
        var lines = ["digraph {"]
        let byNamespace = Dictionary(grouping: peers.values.filter { $0.kind == .pod }, by: { $0.namespace ?? "default" })
        for namespace in byNamespace.keys.sorted() {
            lines.append("\tsubgraph \"cluster_\(namespace)[namespace]\" {")
            lines.append("\t\tcolor=\"black\"")
            lines.append("\t\tfontcolor=\"black\"")
            for peer in byNamespace[namespace]!.sorted(by: { $0.displayName.utf8.lexicographicallyPrecedes($1.displayName.utf8) }) {
                lines.append("\t\t\"\(peer.displayName)\" [label=\"\(peer.name)[\(peer.workloadKind)]\" color=\"blue\" fontcolor=\"blue\"]")
            }
            lines.append("\t\tlabel=\"\(namespace)[namespace]\"")
            lines.append("\t}")
        }
        for peer in peers.values.filter({ $0.kind != .pod }).sorted(by: { $0.displayName.utf8.lexicographicallyPrecedes($1.displayName.utf8) }) {
            let color = peer.kind == .external ? "red2" : "blue"
            lines.append("\t\"\(peer.displayName)\" [label=\"\(peer.displayName)\" color=\"\(color)\" fontcolor=\"\(color)\"]")
        }
        for row in rows {
            let weight = row.src.utf8.lexicographicallyPrecedes(row.dst.utf8) ? "0.5" : "1"
            lines.append("\t\"\(row.src)\" -> \"\(row.dst)\" [label=\"\(row.conn)\" color=\"gold2\" fontcolor=\"darkgreen\" weight=\(weight)]")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
