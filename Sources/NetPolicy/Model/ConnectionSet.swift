/// A set of connections: for each IP protocol, the destination ports (or, for
/// ICMP, the `type << 8 | code` values). Protocols without either are held
/// whole or not at all, in a bit mask, so Calico's universe of every protocol
/// costs a few words rather than 255 interval sets.
///
/// Protocols with no member are never stored, so equal sets compare equal.
public struct ConnectionSet: Sendable, Hashable {
    /// Protocols with ports or ICMP type/code values.
    private var ranged: [IPProtocol: IntervalSet]
    /// Every other protocol, whole.
    private var whole: ProtocolMask

    public init() {
        ranged = [:]
        whole = .empty
    }

    public static let none = ConnectionSet()

    /// Every port of TCP, UDP and SCTP: what "all connections" means for Kubernetes.
    public static let allKubernetes = ConnectionSet.all(of: IPProtocol.kubernetes)

    /// Port range of port protocols.
    public static let portRange = IntervalSet(1, 65535)
    /// Values of ICMP type/code pairs.
    public static let icmpRange = IntervalSet(0, 65535)

    /// Every connection of each protocol.
    public static func all(of protocols: [IPProtocol]) -> ConnectionSet {
        var set = ConnectionSet()
        for proto in protocols { set = set.union(ConnectionSet(proto)) }
        return set
    }

    /// Every protocol number 1–255 with all its ports: Calico's universe.
    public static let allProtocols = ConnectionSet.all(of: (1...255).map { IPProtocol(number: UInt8($0)) })

    /// The whole value space of one protocol.
    public static func fullRange(of proto: IPProtocol) -> IntervalSet {
        if proto.hasPorts { return portRange }
        if isICMP(proto) { return icmpRange }
        return IntervalSet(0, 0)
    }

    private static func isICMP(_ proto: IPProtocol) -> Bool { proto == .icmp || proto == .icmpv6 }

    /// True for protocols whose members are ports or ICMP values (kept as interval sets).
    private static func isRanged(_ proto: IPProtocol) -> Bool { proto.hasPorts || isICMP(proto) }

    /// `ports` of one protocol (clipped to the protocol's range).
    public init(_ proto: IPProtocol, ports: IntervalSet) {
        self.init()
        let clipped = ports.intersection(Self.fullRange(of: proto))
        guard !clipped.isEmpty else { return }
        if Self.isRanged(proto) { ranged[proto] = clipped } else { whole.insert(proto.number) }
    }

    /// Every connection of one protocol.
    public init(_ proto: IPProtocol) { self.init(proto, ports: Self.fullRange(of: proto)) }

    public var isEmpty: Bool { ranged.isEmpty && whole.isEmpty }

    public var protocols: [IPProtocol] { (Array(ranged.keys) + whole.members.map(IPProtocol.init(number:))).sorted() }

    public func ports(of proto: IPProtocol) -> IntervalSet {
        if Self.isRanged(proto) { return ranged[proto] ?? .empty }
        return whole.contains(proto.number) ? IntervalSet(0, 0) : .empty
    }

    public func contains(_ proto: IPProtocol, port: UInt32) -> Bool { ports(of: proto).contains(port) }

    public func union(_ other: ConnectionSet) -> ConnectionSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var result = self
        result.whole = whole.union(other.whole)
        for (proto, ports) in other.ranged {
            result.ranged[proto] = result.ranged[proto].map { $0.union(ports) } ?? ports
        }
        return result
    }

    public func intersection(_ other: ConnectionSet) -> ConnectionSet {
        var result = ConnectionSet()
        result.whole = whole.intersection(other.whole)
        for (proto, ports) in ranged {
            guard let theirs = other.ranged[proto] else { continue }
            let both = ports.intersection(theirs)
            if !both.isEmpty { result.ranged[proto] = both }
        }
        return result
    }

    public func subtracting(_ other: ConnectionSet) -> ConnectionSet {
        if other.isEmpty { return self }
        var result = ConnectionSet()
        result.whole = whole.subtracting(other.whole)
        for (proto, ports) in ranged {
            let left = other.ranged[proto].map { ports.subtracting($0) } ?? ports
            if !left.isEmpty { result.ranged[proto] = left }
        }
        return result
    }

    public func isSuperset(of other: ConnectionSet) -> Bool { other.subtracting(self).isEmpty }

    public static func | (a: ConnectionSet, b: ConnectionSet) -> ConnectionSet { a.union(b) }
    public static func & (a: ConnectionSet, b: ConnectionSet) -> ConnectionSet { a.intersection(b) }
    public static func - (a: ConnectionSet, b: ConnectionSet) -> ConnectionSet { a.subtracting(b) }
}

extension ConnectionSet {
    /// netpol-analyzer's text: `All Connections`, `No Connections`, or
    /// `SCTP 1-65535,TCP 1-79,81-65535` (protocols sorted by name).
    public var analyzerText: String {
        if isEmpty { return "No Connections" }
        if self == .allKubernetes || self == .allProtocols { return "All Connections" }
        var parts = ranged.keys.sorted().map { "\($0) \(ranged[$0]!)" }
        if !whole.isEmpty { parts.append("protocols \(Self.numberRanges(whole.members))") }
        return parts.joined(separator: ",")
    }

    /// `2-5,7,9-16`: protocol numbers with runs joined.
    private static func numberRanges(_ numbers: [UInt8]) -> String {
        IntervalSet(intervals: numbers.map { IntervalSet.Interval(UInt32($0), UInt32($0)) }).description
    }
}
