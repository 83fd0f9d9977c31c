/// netpol-analyzer's `--exposure` output: the connectivity list, then what
/// each workload is exposed to, in each list format. With a focus connection
/// (`--focus-conn`) the titles name it and the rows leave the connections out.
struct ExposureReport {
    var format: ConnlistFormat
    var connections: [PeerConnection]
    /// The nodes a graph shows besides the peers of its edges.
    var endpoints: [Endpoint]
    var result: ExposureAnalysis.Result
    var focusConnection: ConnectionSet?

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

    private var resultTitle: String {
        focusConnection.map { "Exposure Analysis Result On \($0.analyzerText):" } ?? "Exposure Analysis Result:"
    }

    /// The connection column, or nothing under a focus connection.
    private func columns(_ first: String, _ second: String, _ conn: String) -> [String] {
        focusConnection == nil ? [first, second, conn] : [first, second]
    }

    private func text() -> String {
        var lines: [String]
        if let focusConnection {
            lines = ["Permitted connections on \(focusConnection.analyzerText):"] + rows.map { "\($0.src) => \($0.dst)" }
        } else {
            lines = rows.map { "\($0.src) => \($0.dst) : \($0.conn)" }
        }
        if !lines.isEmpty { lines.append("") }
        return (lines + exposureLines()).joined(separator: "\n")
    }

    /// The exposure part of the text form, from its title on.
    func exposureLines() -> [String] {
        var lines = [resultTitle]
        let width = result.lines.map(\.workload.displayName.count).max() ?? 0
        func line(_ l: ExposureAnalysis.Line, _ arrow: String) -> String {
            let name = l.workload.displayName
            let conn = focusConnection == nil ? " : \(l.connections.analyzerText)" : ""
            return name + String(repeating: " ", count: width - name.count) + " \t\(arrow) \t\(l.peer.displayName)\(conn)"
        }
        var sections: [[String]] = []
        if !egress.isEmpty { sections.append(["Egress Exposure:"] + egress.map { line($0, "=>") }) }
        if !ingress.isEmpty { sections.append(["Ingress Exposure:"] + ingress.map { line($0, "<=") }) }
        if !result.unprotected.isEmpty && focusConnection == nil {
            sections.append(["Workloads not protected by network policies:"]
                + result.unprotected.map { "\($0.workload.displayName) is not protected on \($0.direction.rawValue)" })
        }
        for (i, section) in sections.enumerated() {
            if i > 0 { lines.append("") }
            lines += section
        }
        return lines
    }

    private func csv() -> String {
        func row(_ fields: [String]) -> String { Self.csvRow(fields) }
        var lines = [columns("src", "dst", "conn").joined(separator: ",")]
        lines += rows.map { row(columns($0.src, $0.dst, $0.conn)) }
        lines.append("\(resultTitle),,")
        if !egress.isEmpty {
            lines += ["Egress Exposure:,,", columns("src", "dst", "conn").joined(separator: ",")]
            lines += egress.map { row(columns($0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText)) }
        }
        if !ingress.isEmpty {
            lines += ["Ingress Exposure:,,", columns("dst", "src", "conn").joined(separator: ",")]
            lines += ingress.map { row(columns($0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText)) }
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
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let rule = focusConnection == nil ? "|-----|-----|------|" : "|-----|-----|"
        func table(_ header: [String], _ lines: [ExposureAnalysis.Line]) -> [String] {
            [row(header), rule] + lines.map { row(columns($0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText)) }
        }
        var lines = [row(columns("src", "dst", "conn")), rule] + rows.map { row(columns($0.src, $0.dst, $0.conn)) }
        lines.append("## \(resultTitle)")
        if !egress.isEmpty { lines += ["### Egress Exposure:"] + table(columns("src", "dst", "conn"), egress) }
        lines.append("")
        if !ingress.isEmpty { lines += ["### Ingress Exposure:"] + table(columns("dst", "src", "conn"), ingress) }
        return lines.joined(separator: "\n")
    }

    private func json() -> String {
        func object(_ src: String, _ dst: String, _ conn: String, indent: String) -> String {
            var fields = ["\"src\": \(ConnlistFormat.jsonString(src))", "\"dst\": \(ConnlistFormat.jsonString(dst))"]
            if focusConnection == nil { fields.append("\"conn\": \(ConnlistFormat.jsonString(conn))") }
            return "\(indent){\n" + fields.map { "\(indent)  \($0)" }.joined(separator: ",\n") + "\n\(indent)}"
        }
        // Under a focus connection empty lists print as [], otherwise exposure lists print as null.
        let emptyExposure = focusConnection == nil ? "null" : "[]"
        func list(_ items: [String], indent: String, empty: String) -> String {
            items.isEmpty ? empty : "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
        }
        let connlist = list(rows.map { object($0.src, $0.dst, $0.conn, indent: "    ") }, indent: "  ", empty: "[]")
        let egressItems = egress.map { object($0.workload.displayName, $0.peer.displayName, $0.connections.analyzerText, indent: "      ") }
        let ingressItems = ingress.map { object($0.peer.displayName, $0.workload.displayName, $0.connections.analyzerText, indent: "      ") }
        let (connlistKey, exposureKey) = focusConnection == nil
            ? ("connlist_results", "exposure_results") : ("connlist_conn_focus_results", "exposure_conn_focus_results")
        return "{\n  \"\(connlistKey)\": \(connlist),\n  \"\(exposureKey)\": {\n"
            + "    \"egress_exposure\": \(list(egressItems, indent: "    ", empty: emptyExposure)),\n"
            + "    \"ingress_exposure\": \(list(ingressItems, indent: "    ", empty: emptyExposure))\n  }\n}"
    }
}
