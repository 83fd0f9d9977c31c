import Foundation

/// The csv, md and json forms: one row per connection of every network,
/// sorted by source, destination and network. csv and md add a `network`
/// column; json has none. With a focus connection the `conn` column is left out.
struct MultiNetworkTable {
    struct Row {
        var src: String
        var dst: String
        var conn: String
        var network: String

        static func precedes(_ a: Row, _ b: Row) -> Bool {
            for (x, y) in [(a.src, b.src), (a.dst, b.dst), (a.network, b.network)] where x != y {
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return false
        }
    }

    var rows: [Row]
    var showsConnections: Bool

    init(results: [NetworkConnectivity], showsConnections: Bool) {
        rows = results.flatMap { result in
            result.connections.map { c in
                Row(src: result.network.peerName(c.source), dst: result.network.peerName(c.destination),
                    conn: c.connections.analyzerText, network: result.network.columnName)
            }
        }.sorted(by: Row.precedes)
        self.showsConnections = showsConnections
    }

    func render(_ format: ConnlistFormat) -> String {
        switch format {
        case .csv: return csv()
        case .md: return markdown()
        default: return json()
        }
    }

    private func csv() -> String {
        let header = showsConnections ? "src,dst,conn,network" : "src,dst,network"
        let lines = rows.map { row in
            (showsConnections ? [row.src, row.dst, row.conn, row.network] : [row.src, row.dst, row.network])
                .map(Self.csvField).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    /// A csv field, quoted as Go's encoding/csv does when it holds a separator,
    /// a quote, a line break, or starts with a space.
    static func csvField(_ field: String) -> String {
        let needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.hasPrefix(" ") || field.hasPrefix("\t")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Rows with connections end in `| ` (a cell separator and a space); rows without do not.
    private func markdown() -> String {
        if showsConnections {
            let lines = rows.map { "| \($0.src) | \($0.dst) | \($0.conn) | \($0.network) | " }
            return (["| src | dst | conn | network | ", "|-----|-----|------|------|"] + lines).joined(separator: "\n")
        }
        let lines = rows.map { "| \($0.src) | \($0.dst) | \($0.network) |" }
        return (["| src | dst | network |", "|-----|-----|------|"] + lines).joined(separator: "\n")
    }

    private func json() -> String {
        if rows.isEmpty { return "[]" }
        let items = rows.map { row in
            var fields = ["    \"src\": \(ConnlistFormat.jsonString(row.src))", "    \"dst\": \(ConnlistFormat.jsonString(row.dst))"]
            if showsConnections { fields.append("    \"conn\": \(ConnlistFormat.jsonString(row.conn))") }
            return "  {\n" + fields.joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }
}
