/// An IP protocol by number, with the names Kubernetes and Calico use.
public struct IPProtocol: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: UInt8

    public init(number: UInt8) { self.number = number }

    public static let icmp = IPProtocol(number: 1)
    public static let tcp = IPProtocol(number: 6)
    public static let udp = IPProtocol(number: 17)
    public static let icmpv6 = IPProtocol(number: 58)
    public static let sctp = IPProtocol(number: 132)
    public static let udplite = IPProtocol(number: 136)

    /// The protocols a Kubernetes NetworkPolicy can name.
    public static let kubernetes: [IPProtocol] = [.tcp, .udp, .sctp]

    /// True for protocols whose connections have destination ports.
    public var hasPorts: Bool { self == .tcp || self == .udp || self == .sctp || self == .udplite }

    /// Parses `TCP`, `udp`, `ICMPv6`, or a number 1–255 (Calico's forms).
    public init?(name: String) {
        switch name.uppercased() {
        case "TCP": self = .tcp
        case "UDP": self = .udp
        case "SCTP": self = .sctp
        case "ICMP": self = .icmp
        case "ICMPV6": self = .icmpv6
        case "UDPLITE": self = .udplite
        default:
            guard let n = UInt8(name), n >= 1 else { return nil }
            self.init(number: n)
        }
    }

    public var description: String {
        switch self {
        case .tcp: return "TCP"
        case .udp: return "UDP"
        case .sctp: return "SCTP"
        case .icmp: return "ICMP"
        case .icmpv6: return "ICMPv6"
        case .udplite: return "UDPLite"
        default: return "\(number)"
        }
    }

    public static func < (a: IPProtocol, b: IPProtocol) -> Bool { a.description < b.description }
}
