/// netpol-analyzer's `--exposure` output: the connectivity list, then what
/// each workload is exposed to, in each list format.
struct ExposureReport {
    var format: ConnlistFormat
    var connections: [PeerConnection]
    /// The nodes a graph shows besides the peers of its edges.
    var endpoints: [Endpoint]
    var result: ExposureAnalysis.Result

    func render() -> String {
        switch format {
        case .txt: return text()
        case .csv: return csv()
        case .md: return markdown()
        case .json: return json()
        case .dot: return ExposureGraph(connections: connections, endpoints: endpoints, result: result).render()
        }
    }

    private var rows: [ConnlistFormat.Row] {
        connections.map { ConnlistFormat.Row(src: $0.source.displayName, dst: $0.destination.displayName, conn: $0.connections.analyzerText) }
            .sorted()
    }

    private var egress: [ExposureAnalysis.Line] { result.lines(.egress) }
    private var ingress: [ExposureAnalysis.Line] { result.lines(.ingress) }

    private func text() -> String {
        var lines = rows.map { "\($0.src) => \($0.dst) : \($0.conn)" }
        if !lines.isEmpty { lines.append("") }
        lines.append("Exposure Analysis Result:")
        let width = result.lines.map(\.workload.displayName.count).max() ?? 0
        func line(_ l: ExposureAnalysis.Line, _ arrow: String) -> String {
            let name = l.workload.displayName
            return name + String(repeating: " ", count: width - name.count) + " \t\(arrow) \t\(l.peer.displayName) : \(l.connections.analyzerText)"
        }
        var sections: [[String]] = []
        if !egress.isEmpty { sections.append(["Egress Exposure:"] + egress.map { line($0, "=>") }) }
        if !ingress.isEmpty { sections.append(["Ingress Exposure:"] + ingress.map { line($0, "<=") }) }
        if !result.unprotected.isEmpty {
            sections.append(["Workloads not protected by network policies:"]
                + result.unprotected.map { "\($0.workload.displayName) is not protected on \($0.direction.rawValue)" })
        }
        for (i, section) in sections.enumerated() {
            if i > 0 { lines.append("") }
            lines += section
        }
        return lines.joined(separator: "\n")
    }

    private func csv() -> String {
        var lines = ["src,dst,conn"] + rows.map { Self.csvRow([$0.src, $0.dst, $0.conn]) }
        lines.append("Exposure Analysis Result:,,")
        if !egress.isEmpty {
            lines += ["Egress Exposure:,,", "src,dst,conn"]
            lines += egress.map { Self.csvRow([$0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText]) }
        }
        if !ingress.isEmpty {
            lines += ["Ingress Exposure:,,", "dst,src,conn"]
            lines += ingress.map { Self.csvRow([$0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText]) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV record, quoting fields the way encoding/csv does.
    static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            let needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n") || field.hasPrefix(" ")
            return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    private func markdown() -> String {
        func table(_ header: String, _ lines: [ExposureAnalysis.Line]) -> [String] {
            [header, "|-----|-----|------|"]
                + lines.map { "| \($0.workload.displayName) | \($0.peer.displayName) | \($0.connections.analyzerText) |" }
        }
        var lines = ["| src | dst | conn |", "|-----|-----|------|"] + rows.map { "| \($0.src) | \($0.dst) | \($0.conn) |" }
        lines.append("## Exposure Analysis Result:")
        if !egress.isEmpty { lines += ["### Egress Exposure:"] + table("| src | dst | conn |", egress) }
        lines.append("")
        if !ingress.isEmpty { lines += ["### Ingress Exposure:"] + table("| dst | src | conn |", ingress) }
        return lines.joined(separator: "\n")
    }

    private func json() -> String {
        func object(_ src: String, _ dst: String, _ conn: String, indent: String) -> String {
            "\(indent){\n\(indent)  \"src\": \(ConnlistFormat.jsonString(src)),\n\(indent)  \"dst\": \(ConnlistFormat.jsonString(dst)),\n\(indent)  \"conn\": \(ConnlistFormat.jsonString(conn))\n\(indent)}"
        }
        func list(_ items: [String], indent: String, empty: String) -> String {
            items.isEmpty ? empty : "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
        }
        let connlist = list(rows.map { object($0.src, $0.dst, $0.conn, indent: "    ") }, indent: "  ", empty: "[]")
        let egressItems = egress.map { object($0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText, indent: "      ") }
        let ingressItems = ingress.map { object($0.peer.displayName, $0.workload.displayName, $0.connections.analyzerText, indent: "      ") }
        return "{\n  \"connlist_results\": \(connlist),\n  \"exposure_results\": {\n"
            + "    \"egress_exposure\": \(list(egressItems, indent: "    ", empty: "null")),\n"
            + "    \"ingress_exposure\": \(list(ingressItems, indent: "    ", empty: "null"))\n  }\n}"
    }
}
