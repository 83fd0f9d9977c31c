import PalisadeCore

/// A connection that should be allowed: from one peer to another, on some ports.
public struct DeclaredConnection: Sendable, Hashable {
    public var source: ConnectionPeer
    public var destination: ConnectionPeer
    public var connections: ConnectionSet
    /// Where it was declared (`file:line: connections[3]`).
    public var origin: String?

    public init(source: ConnectionPeer, destination: ConnectionPeer, connections: ConnectionSet, origin: String? = nil) {
        self.source = source
        self.destination = destination
        self.connections = connections
        self.origin = origin
    }
}

/// Reads connection lists: a YAML or JSON list (or `connections:` key) of
/// entries with `from`/`to` (or `src`/`dst`) and `port`/`ports`/`conn`, which
/// covers both hand-written declarations and `palisade netpol analyze -o json`;
/// also analyze's text form (`src => dst : conn` lines).
public enum ConnectionFile {
    public static func parse(_ text: String, file: String) throws -> [DeclaredConnection] {
        if looksLikeAnalyzerText(text) { return try parseAnalyzerLines(text, file: file) }
        var result: [DeclaredConnection] = []
        for document in try YAMLReader.documents(text, file: file) {
            result += try entries(of: document.value, at: document.location)
        }
        return result
    }

    static func entries(of value: Value, at location: SourceLocation) throws -> [DeclaredConnection] {
        let list: [Value]
        if let items = value.arrayValue {
            list = items
        } else if let items = value["connections"]?.arrayValue {
            list = items
        } else if value == .null {
            return []
        } else {
            throw InputError("expected a list of connections (or a `connections:` list), found \(value.typeName)", at: location)
        }
        return try list.enumerated().map { index, entry in try connection(entry, field: "connections[\(index)]", at: location) }
    }

    static func connection(_ entry: Value, field: String, at location: SourceLocation) throws -> DeclaredConnection {
        guard case .object = entry else { throw InputError("\(field) must be an object with from, to and port", at: location) }
        let source = try peer(entry["from"] ?? entry["src"], field: "\(field).from", at: location)
        let destination = try peer(entry["to"] ?? entry["dst"], field: "\(field).to", at: location)
        let connections = try ports(entry, field: field, at: location)
        return DeclaredConnection(source: source, destination: destination, connections: connections,
                                  origin: "\(location): \(field)")
    }

    private static func peer(_ value: Value?, field: String, at location: SourceLocation) throws -> ConnectionPeer {
        guard let text = value?.stringValue else { throw InputError("\(field) is required (ns/workload, an IP or a CIDR)", at: location) }
        guard let peer = ConnectionPeer(parsing: text) else {
            throw InputError("\(field): '\(text)' is not ns/workload, an IP address or a CIDR", at: location)
        }
        return peer
    }

    private static func ports(_ entry: Value, field: String, at location: SourceLocation) throws -> ConnectionSet {
        var specs: [(String, Value)] = []
        for key in ["port", "conn", "connections"] { if let v = entry[key], v != .null { specs.append((key, v)) } }
        if let list = entry["ports"]?.arrayValue { specs += list.enumerated().map { ("ports[\($0.offset)]", $0.element) } }
        if specs.isEmpty { return .allKubernetes }
        var result = ConnectionSet.none
        for (key, value) in specs {
            let text = value.stringValue ?? value.intValue.map(String.init)
            guard let text, let set = ConnectionPorts.parse(text) else {
                throw InputError("\(field).\(key): '\(value.stringValue ?? value.typeName)' is not a port (tcp/80, udp/53, tcp/8000-8080, 80 or all)", at: location)
            }
            result = result.union(set)
        }
        return result
    }

    static func looksLikeAnalyzerText(_ text: String) -> Bool {
        guard let first = text.split(separator: "\n").first(where: { !$0.allSatisfy { $0 == " " || $0 == "\r" } }) else { return false }
        return first.contains(" => ") && first.contains(" : ")
    }

    static func parseAnalyzerLines(_ text: String, file: String) throws -> [DeclaredConnection] {
        var result: [DeclaredConnection] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(file: file, line: index + 1, column: 1)
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let arrow = trimmed.range(of: " => "), let colon = trimmed.range(of: " : ", range: arrow.upperBound..<trimmed.endIndex) else {
                throw InputError("expected 'src => dst : connections'", at: location)
            }
            let src = String(trimmed[..<arrow.lowerBound]), dst = String(trimmed[arrow.upperBound..<colon.lowerBound])
            let conn = String(trimmed[colon.upperBound...])
            guard let source = ConnectionPeer(parsing: src) else { throw InputError("'\(src)' is not a workload or address range", at: location) }
            guard let destination = ConnectionPeer(parsing: dst) else { throw InputError("'\(dst)' is not a workload or address range", at: location) }
            guard let set = ConnectionPorts.parse(conn) else { throw InputError("'\(conn)' is not a connection set", at: location) }
            result.append(DeclaredConnection(source: source, destination: destination, connections: set, origin: location.description))
        }
        return result
    }
}
