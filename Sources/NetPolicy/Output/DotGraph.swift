import Foundation

/// netpol-analyzer's graphviz form: one cluster per namespace holding its
/// workloads, the other peers at top level, then the edges, sorted, each
/// labelled with its connections.
struct DotGraph {
    struct Node {
        var endpoint: Endpoint
        var color: String
    }

    struct Edge {
        var source: String
        var destination: String
        var label: String
        var color: String
        var fontColor: String
    }

    var nodes: [Node]
    var edges: [Edge]
    /// Lines after the edges, before the closing brace (a legend).
    var trailer: [String] = []

    /// The connectivity-list graph: workloads blue, external ranges red, edges gold.
    init(rows: [ConnlistFormat.Row], connections: [PeerConnection], endpoints: [Endpoint]) {
        var peers: [String: Endpoint] = [:]
        for c in connections {
            peers[c.source.displayName] = c.source
            peers[c.destination.displayName] = c.destination
        }
        for e in endpoints { peers[e.displayName] = e }
        nodes = peers.values.map { Node(endpoint: $0, color: $0.kind == .external ? "red2" : "blue") }
        edges = rows.map { Edge(source: $0.src, destination: $0.dst, label: $0.conn, color: "gold2", fontColor: "darkgreen") }
    }

    init(nodes: [Node], edges: [Edge], trailer: [String]) {
        self.nodes = nodes
        self.edges = edges
        self.trailer = trailer
    }

    func render() -> String {
        func byName(_ a: Node, _ b: Node) -> Bool {
            a.endpoint.displayName.utf8.lexicographicallyPrecedes(b.endpoint.displayName.utf8)
        }
        var lines = ["digraph {"]
        let byNamespace = Dictionary(grouping: nodes.filter { $0.endpoint.kind == .pod }, by: { $0.endpoint.namespace ?? "default" })
        for namespace in byNamespace.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            // Graphviz cluster ids: dashes become underscores (the label keeps the name).
            lines.append("\tsubgraph \"cluster_\(namespace.replacingOccurrences(of: "-", with: "_"))[namespace]\" {")
            lines.append("\t\tcolor=\"black\"")
            lines.append("\t\tfontcolor=\"black\"")
            for node in (byNamespace[namespace] ?? []).sorted(by: byName) {
                let e = node.endpoint
                lines.append("\t\t\"\(e.displayName)\" [label=\"\(e.name)[\(e.workloadKind)]\" color=\"\(node.color)\" fontcolor=\"\(node.color)\"]")
            }
            lines.append("\t\tlabel=\"\(namespace)[namespace]\"")
            lines.append("\t}")
        }
        for node in nodes.filter({ $0.endpoint.kind != .pod }).sorted(by: byName) {
            let name = node.endpoint.displayName
            lines.append("\t\"\(name)\" [label=\"\(name)\" color=\"\(node.color)\" fontcolor=\"\(node.color)\"]")
        }
        for edge in edges {
            let weight = edge.source.utf8.lexicographicallyPrecedes(edge.destination.utf8) ? "0.5" : "1"
            lines.append("\t\"\(edge.source)\" -> \"\(edge.destination)\" [label=\"\(edge.label)\" color=\"\(edge.color)\" fontcolor=\"\(edge.fontColor)\" weight=\(weight)]")
        }
        lines += trailer
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
