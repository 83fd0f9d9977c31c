import Foundation
import PalisadeCore

/// The output formats of a connectivity list, as netpol-analyzer writes them.
public enum ConnlistFormat: String, Sendable, CaseIterable {
    case txt, csv, json, md, dot

    /// Renders `connections` (already filtered); `endpoints` are the nodes a graph shows.
    /// With `onlyConnection` (`UDP 52`, from `--focus-conn`) the tables leave
    /// the connection column out and the text list names it in a header.
    public func render(_ connections: [PeerConnection], endpoints: [Endpoint], onlyConnection: String? = nil) -> String {
        let rows = Self.rows(connections).sorted()
        if let onlyConnection, self != .dot { return pairsOnly(rows, connection: onlyConnection) }
        switch self {
        case .txt: return rows.map { "\($0.src) => \($0.dst) : \($0.conn)" }.joined(separator: "\n")
        case .csv: return Self.csv(header: ["src", "dst", "conn"], rows.map { [$0.src, $0.dst, $0.conn] })
        case .md: return (["| src | dst | conn |", "|-----|-----|------|"] + rows.map { "| \($0.src) | \($0.dst) | \($0.conn) |" }).joined(separator: "\n")
        case .json: return Self.json(rows)
        case .dot: return DotGraph(rows: rows, connections: connections, endpoints: endpoints).render()
        }
    }

    /// The pair lists of `--focus-conn`: which pairs allow the one connection.
    func pairsOnly(_ rows: [Row], connection: String) -> String {
        switch self {
        case .txt: return (["Permitted connections on \(connection):"] + rows.map { "\($0.src) => \($0.dst)" }).joined(separator: "\n")
        case .csv: return Self.csv(header: ["src", "dst"], rows.map { [$0.src, $0.dst] })
        case .md: return (["| src | dst |", "|-----|-----|"] + rows.map { "| \($0.src) | \($0.dst) |" }).joined(separator: "\n")
        case .json:
            if rows.isEmpty { return "[]" }
            let items = rows.map { "  {\n    \"src\": \(Self.jsonString($0.src)),\n    \"dst\": \(Self.jsonString($0.dst))\n  }" }
            return "[\n" + items.joined(separator: ",\n") + "\n]"
        case .dot: return render([], endpoints: [])
        }
    }

    struct Row: Comparable {
        let src: String
        let dst: String
        let conn: String
        /// `src => dst : conn`, built once: rows sort by it, byte-wise, as netpol-analyzer sorts its lines.
        let line: String

        init(src: String, dst: String, conn: String) {
            self.src = src
            self.dst = dst
            self.conn = conn
            line = "\(src) => \(dst) : \(conn)"
        }

        static func < (a: Row, b: Row) -> Bool { a.line.utf8.lexicographicallyPrecedes(b.line.utf8) }

        static func == (a: Row, b: Row) -> Bool { a.line == b.line }
    }

    /// One row per connection, each distinct connection set rendered once.
    static func rows(_ connections: [PeerConnection]) -> [Row] {
        var texts: [ConnectionSet: String] = [:]
        return connections.map { c in
            let text = texts[c.connections] ?? c.connections.analyzerText
            texts[c.connections] = text
            return Row(src: c.source.displayName, dst: c.destination.displayName, conn: text)
        }
    }

    /// CSV lines as Go's encoding/csv writes them: a field is quoted when it
    /// holds a comma, quote or line break or starts with a space.
    static func csv(header: [String], _ rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || text.hasPrefix(" ")
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func json(_ rows: [Row]) -> String {
        if rows.isEmpty { return "[]" }
        let items = rows.map { row in
            "  {\n    \"src\": \(jsonString(row.src)),\n    \"dst\": \(jsonString(row.dst)),\n    \"conn\": \(jsonString(row.conn))\n  }"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    /// A JSON string literal as Go's encoding/json writes it (`<`, `>`, `&` escaped).
    static func jsonString(_ text: String) -> String {
        var out = ""
        JSONWriter.writeString(text, into: &out, escapeHTML: true)
        return out
    }
}
