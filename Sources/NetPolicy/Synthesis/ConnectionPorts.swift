/// Port specifications of declared connections: `tcp/80`, `udp/53`,
/// `tcp/8000-8080`, `80` (TCP), `all`; and the analyzer's text
/// (`TCP 80,8080,UDP 53`, `All Connections`).
public enum ConnectionPorts {
    /// Parses one specification; nil when malformed.
    public static func parse(_ raw: String) -> ConnectionSet? {
        let text = raw.trimmingSpaces
        switch text.lowercased() {
        case "all", "*", "all connections", "any": return .allKubernetes
        case "no connections": return ConnectionSet.none
        default: break
        }
        if text.contains(" ") { return parseAnalyzerText(text) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return ports(Substring(text)).map { ConnectionSet(.tcp, ports: $0) }
        case 2:
            guard let proto = IPProtocol(name: String(parts[0])) else { return nil }
            if parts[1] == "*" || parts[1].lowercased() == "all" { return ConnectionSet(proto) }
            return ports(parts[1]).map { ConnectionSet(proto, ports: $0) }
        default: return nil
        }
    }

    /// `TCP 80,8080-8090,UDP 53`: protocols each followed by their ports.
    static func parseAnalyzerText(_ text: String) -> ConnectionSet? {
        var result = ConnectionSet.none
        var proto: IPProtocol?
        var ports = IntervalSet.empty
        func flush() { if let proto { result = result.union(ConnectionSet(proto, ports: ports)) } }
        for item in text.split(separator: ",") {
            var token = item
            if let space = item.firstIndex(of: " ") {
                flush()
                guard let p = IPProtocol(name: String(item[..<space])) else { return nil }
                proto = p
                ports = .empty
                token = item[item.index(after: space)...]
            }
            guard proto != nil, let range = Self.ports(token) else { return nil }
            ports = ports.union(range)
        }
        flush()
        return result.isEmpty ? nil : result
    }

    /// `80` or `8000-8080` within 1–65535.
    static func ports(_ text: Substring) -> IntervalSet? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count), let low = UInt32(bounds[0]), let high = UInt32(bounds[bounds.count - 1]),
              low >= 1, high <= 65535, low <= high else { return nil }
        return IntervalSet(low, high)
    }
}
