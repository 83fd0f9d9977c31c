/// The output formats of a connectivity diff, as netpol-analyzer writes them.
/// An empty diff renders as empty output in every format.
public enum DiffFormat: String, Sendable, CaseIterable {
    case txt, csv, md, dot

    /// `names` label the two inputs (`ref1`/`ref2`, or `dir1`/`dir2` as the
    /// older command line called them).
    public func render(_ diff: ConnectivityDiff, names: (String, String) = ("ref1", "ref2")) -> String {
        let rows = diff.differences
        if rows.isEmpty { return "" }
        let columns = ["diff-type", "source", "destination", names.0, names.1, "workloads-diff-info"]
        switch self {
        case .txt:
            return (["Connectivity diff:"] + rows.map { Self.textLine($0, names: names) }).joined(separator: "\n")
        case .csv:
            return ConnlistFormat.csv(header: columns, rows.map(Self.fields))
        case .md:
            let header = "| " + columns.joined(separator: " | ") + " |"
            let rule = "|" + columns.map { String(repeating: "-", count: $0.count + 2) }.joined(separator: "|") + "|"
            return ([header, rule] + rows.map { "| " + Self.fields($0).joined(separator: " | ") + " |" }).joined(separator: "\n")
        case .dot:
            return DiffGraph(diff: diff, firstName: names.0).render()
        }
    }

    static func fields(_ entry: ConnectivityDiff.Entry) -> [String] {
        [entry.change.rawValue, entry.source.displayName, entry.destination.displayName,
         entry.ref1.analyzerText, entry.ref2.analyzerText, workloadsInfo(entry)]
    }

    static func textLine(_ entry: ConnectivityDiff.Entry, names: (String, String)) -> String {
        let info = workloadsInfo(entry)
        return "diff-type: \(entry.change.rawValue), source: \(entry.source.displayName), destination: \(entry.destination.displayName), "
            + "\(names.0): \(entry.ref1.analyzerText), \(names.1): \(entry.ref2.analyzerText)"
            + (info.isEmpty ? "" : ", workloads-diff-info: \(info)")
    }

    /// `workload a added`, `workload a and b removed`, or empty.
    static func workloadsInfo(_ entry: ConnectivityDiff.Entry) -> String {
        let names = entry.workloadsInOneInput.map(\.displayName)
        guard !names.isEmpty else { return "" }
        return "workload \(names.joined(separator: " and ")) \(entry.change.rawValue)"
    }
}

/// The diff as a graph: every pair of either input, coloured by its change;
/// workloads new in ref2 green, lost ones red; a legend at the end.
struct DiffGraph {
    var diff: ConnectivityDiff
    /// How a changed edge names the first input's connections (`ref1`).
    var firstName = "ref1"

    static let edgeColors: [ConnectivityDiff.Change: String] = [
        .added: "#008000", .removed: "red2", .changed: "magenta", .unchanged: "grey",
    ]

    func render() -> String {
        var nodes: [String: DotGraph.Node] = [:]
        for entry in diff.entries {
            for end in [entry.source, entry.destination] { nodes[end.displayName] = DotGraph.Node(endpoint: end, color: color(of: end)) }
        }
        let edges = diff.entries.sorted { a, b in
            if a.source.displayName != b.source.displayName { return a.source.displayName.utf8.lexicographicallyPrecedes(b.source.displayName.utf8) }
            return a.destination.displayName.utf8.lexicographicallyPrecedes(b.destination.displayName.utf8)
        }.map { entry -> DotGraph.Edge in
            let color = Self.edgeColors[entry.change] ?? "grey"
            return DotGraph.Edge(source: entry.source.displayName, destination: entry.destination.displayName,
                                 label: label(entry), color: color, fontColor: color)
        }
        return DotGraph(nodes: Array(nodes.values), edges: edges, trailer: Self.legend).render()
    }

    func color(of endpoint: Endpoint) -> String {
        guard endpoint.isPod else { return "blue" }
        let before = diff.ref1Workloads.contains(endpoint.displayName), after = diff.ref2Workloads.contains(endpoint.displayName)
        if before && !after { return "red" }
        if after && !before { return "#008000" }
        return "blue"
    }

    func label(_ entry: ConnectivityDiff.Entry) -> String {
        switch entry.change {
        case .removed: return entry.ref1.analyzerText
        case .changed: return "\(entry.ref2.analyzerText) (\(firstName): \(entry.ref1.analyzerText))"
        case .added, .unchanged: return entry.ref2.analyzerText
        }
    }

    static let legend: [String] = [
        "\tnodesep=0.5",
        "\tsubgraph cluster_legend {",
        "\t\tlabel=\"Legend\"",
        "\t\tfontsize = 10",
        "\t\tmargin=0",
    ] + ["a", "b", "c", "d", "e", "f", "g", "h"].map { "\t\t\($0) [style=invis height=0 width=0]" } + [
        "\t\t{rank=source a b c d}",
        "\t\t{rank=same e f g h}",
        "\t\ta -> b [label=\"added connection\", color=\"#008000\" fontcolor=\"#008000\" fontsize = 10 arrowsize=0.2]",
        "\t\tc -> d [label=\"removed connection\", color=\"red2\" fontcolor=\"red2\" fontsize = 10 arrowsize=0.2]",
        "\t\te -> f [label=\"changed connection\", color=\"magenta\" fontcolor=\"magenta\" fontsize = 10 arrowsize=0.2]",
        "\t\tg -> h [label=\"unchanged connection\", color=\"grey\" fontcolor=\"grey\" fontsize = 10 arrowsize=0.2]",
        "\t\tnp [label=\"new peer\" color=\"#008000\" fontcolor=\"#008000\" fontsize = 10]",
        "\t\tlp [label=\"lost peer\" color=\"red\" fontcolor=\"red\" fontsize = 10]",
        "\t\tpp [label=\"persistent peer\" color=\"blue\" fontcolor=\"blue\" fontsize = 10]",
        "\t\t{rank=sink np lp pp}",
        "\t\tnp->lp [style=invis]",
        "\t\tlp->pp [style=invis]",
        "\t}",
    ]
}
