/// nftables expressions for the analyzer's sets: addresses, protocols, ports
/// and ICMP type/code values, and safe comment text.
enum NftablesSyntax {
    /// The match expressions that together cover `connections`, one per nft
    /// rule. An empty string matches every protocol.
    static func matches(_ connections: ConnectionSet) -> [String] {
        let whole = connections.protocols.filter { connections.ports(of: $0) == ConnectionSet.fullRange(of: $0) }
        if whole.count == 255 { return [""] }
        var result: [String] = []
        if !whole.isEmpty {
            result.append("meta l4proto \(set(whole.sorted { $0.number < $1.number }.map(protocolName)))")
        }
        for proto in connections.protocols.sorted(by: { $0.number < $1.number }) where !whole.contains(proto) {
            result.append("meta l4proto \(protocolName(proto)) \(valueField(proto)) \(valueSet(connections.ports(of: proto)))")
        }
        return result
    }

    /// `10.0.0.1`, `10.0.0.0-10.0.0.255` or `{ 10.0.0.1, 10.0.1.0-10.0.1.9 }`.
    static func addressSet(_ addresses: IntervalSet) -> String {
        set(addresses.intervals.map { interval in
            interval.lower == interval.upper ? IPv4.format(interval.lower) : IPv4.formatRange(interval)
        })
    }

    /// `80`, `8080-8090` or `{ 53, 80-81 }`.
    static func valueSet(_ values: IntervalSet) -> String {
        set(values.intervals.map { $0.lower == $0.upper ? "\($0.lower)" : "\($0.lower)-\($0.upper)" })
    }

    /// The protocol's name in nft syntax, or its number.
    static func protocolName(_ proto: IPProtocol) -> String {
        switch proto {
        case .tcp: return "tcp"
        case .udp: return "udp"
        case .sctp: return "sctp"
        case .icmp: return "icmp"
        case .icmpv6: return "ipv6-icmp"
        case .udplite: return "udplite"
        default: return "\(proto.number)"
        }
    }

    /// A double-quoted string for `comment`: printable ASCII without quotes or
    /// backslashes, at most 127 bytes, as nft accepts.
    static func quoted(_ text: String) -> String {
        let kept = commentLine(text).unicodeScalars.filter { $0 != "\"" && $0 != "\\" }
        return "\"\(String(String.UnicodeScalarView(kept.prefix(127))))\""
    }

    /// One line of printable ASCII (`?` for anything else).
    static func commentLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII && $0.value >= 32 && $0.value < 127 ? $0 : "?" }))
    }

    /// Ports sit in the transport header's destination port; ICMP's type and
    /// code are its first two bytes, the analyzer's `type << 8 | code`.
    private static func valueField(_ proto: IPProtocol) -> String {
        proto.hasPorts ? "th dport" : "@th,0,16"
    }

    private static func set(_ elements: [String]) -> String {
        elements.count == 1 ? elements[0] : "{ \(elements.joined(separator: ", ")) }"
    }
}
