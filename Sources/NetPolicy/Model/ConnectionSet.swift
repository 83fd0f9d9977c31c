/// A set of connections: for each IP protocol, the destination ports (or, for
/// ICMP, the `type << 8 | code` values; for port-less protocols the single value 0).
///
/// Protocols with no member are never stored, so equal sets compare equal.
public struct ConnectionSet: Sendable, Hashable {
    public private(set) var byProtocol: [IPProtocol: IntervalSet]

    public init() { byProtocol = [:] }

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
        for proto in protocols { set.byProtocol[proto] = fullRange(of: proto) }
        return set
    }

    /// Every protocol number 1–255 with all its ports: Calico's universe.
    public static let allProtocols = ConnectionSet.all(of: (1...255).map { IPProtocol(number: UInt8($0)) })

    /// The whole value space of one protocol.
    public static func fullRange(of proto: IPProtocol) -> IntervalSet {
        if proto.hasPorts { return portRange }
        if proto == .icmp || proto == .icmpv6 { return icmpRange }
        return IntervalSet(0, 0)
    }

    /// `ports` of one protocol (clipped to the protocol's range).
    public init(_ proto: IPProtocol, ports: IntervalSet) {
        byProtocol = [:]
        let clipped = ports.intersection(Self.fullRange(of: proto))
        if !clipped.isEmpty { byProtocol[proto] = clipped }
    }

    /// Every connection of one protocol.
    public init(_ proto: IPProtocol) { self.init(proto, ports: Self.fullRange(of: proto)) }

    public var isEmpty: Bool { byProtocol.isEmpty }

    public var protocols: [IPProtocol] { byProtocol.keys.sorted() }

    public func ports(of proto: IPProtocol) -> IntervalSet { byProtocol[proto] ?? .empty }

    public func contains(_ proto: IPProtocol, port: UInt32) -> Bool { byProtocol[proto]?.contains(port) ?? false }

    public func union(_ other: ConnectionSet) -> ConnectionSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var result = self
        for (proto, ports) in other.byProtocol {
            result.byProtocol[proto] = result.byProtocol[proto].map { $0.union(ports) } ?? ports
        }
        return result
    }

    public func intersection(_ other: ConnectionSet) -> ConnectionSet {
        var result = ConnectionSet()
        for (proto, ports) in byProtocol {
            guard let theirs = other.byProtocol[proto] else { continue }
            let both = ports.intersection(theirs)
            if !both.isEmpty { result.byProtocol[proto] = both }
        }
        return result
    }

    public func subtracting(_ other: ConnectionSet) -> ConnectionSet {
        if other.isEmpty { return self }
        var result = ConnectionSet()
        for (proto, ports) in byProtocol {
            let left = other.byProtocol[proto].map { ports.subtracting($0) } ?? ports
            if !left.isEmpty { result.byProtocol[proto] = left }
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
        if self == .allKubernetes { return "All Connections" }
        return protocols.map { "\($0) \(byProtocol[$0]!)" }.joined(separator: ",")
    }
}
