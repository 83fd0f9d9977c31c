import PalisadeCore

/// net.cidr_merge: the smallest list of CIDRs covering the given addresses
/// and networks, following OPA's port of the netaddr/cilium algorithm.
extension PatternBuiltins {
    static let cidrMerge = Builtin("net.cidr_merge", arity: 1) { args, _ in
        let items: [Value]
        switch args[0] {
        case .array(let array): items = array
        case .set(let set): items = set.sorted()
        default: throw args.failure("operand must be an array")
        }
        let networks = try items.map { try mergeNetwork($0, args) }
        let merged = PatternsCIDRMerger.merge(networks)
        return .set(Set(merged.map(Value.string)))
    }

    /// An address becomes a network with its classful default mask, as in OPA.
    static func mergeNetwork(_ item: Value, _ args: BuiltinArgs) throws -> PatternsIPNetwork {
        guard case .string(let text) = item else { throw args.failure("element must be string") }
        if let ip = PatternsIP.parseIP(text) {
            guard let v4 = PatternsIP.to4(ip) else { throw args.failure("IPv6 invalid: needs prefix length") }
            let ones = v4[0] < 0x80 ? 8 : v4[0] < 0xC0 ? 16 : 24
            return PatternsIPNetwork(ip: ip, mask: PatternsIPNetwork.cidrMask(ones: ones, bits: 32))
        }
        return try network(text, args)
    }
}

/// A 128-bit address value for range arithmetic.
struct PatternsAddressValue: Comparable {
    var hi: UInt64
    var lo: UInt64

    static let zero = PatternsAddressValue(hi: 0, lo: 0)
    /// ::ffff:0.0.0.0, the lowest IPv4-mapped address.
    static let v4Zero = PatternsAddressValue(hi: 0, lo: 0xFFFF_0000_0000)

    init(hi: UInt64, lo: UInt64) {
        self.hi = hi
        self.lo = lo
    }

    init(bytes: [UInt8]) {
        hi = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        lo = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: hi >> UInt64(56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: lo >> UInt64(56 - 8 * $0)) }
    }

    var isV4Mapped: Bool { hi == 0 && lo >> 32 == 0xFFFF }

    static func < (a: Self, b: Self) -> Bool { a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo }

    /// The low `k` bits set.
    static func lowBits(_ k: Int) -> Self {
        if k <= 0 { return zero }
        if k >= 128 { return Self(hi: .max, lo: .max) }
        if k >= 64 { return Self(hi: k == 64 ? 0 : UInt64.max >> UInt64(128 - k), lo: .max) }
        return Self(hi: 0, lo: UInt64.max >> UInt64(64 - k))
    }

    static func | (a: Self, b: Self) -> Self { Self(hi: a.hi | b.hi, lo: a.lo | b.lo) }
    static func & (a: Self, b: Self) -> Self { Self(hi: a.hi & b.hi, lo: a.lo & b.lo) }

    func adding(_ b: Self) -> (Self, overflow: Bool) {
        let (lo, carry) = self.lo.addingReportingOverflow(b.lo)
        let (hi1, o1) = self.hi.addingReportingOverflow(b.hi)
        let (hi2, o2) = hi1.addingReportingOverflow(carry ? 1 : 0)
        return (Self(hi: hi2, lo: lo), o1 || o2)
    }

    func decremented() -> Self {
        lo == 0 ? Self(hi: hi &- 1, lo: .max) : Self(hi: hi, lo: lo - 1)
    }

    var trailingZeros: Int {
        lo != 0 ? lo.trailingZeroBitCount : 64 + hi.trailingZeroBitCount
    }
}

enum PatternsCIDRMerger {
    struct Block {
        var first: PatternsAddressValue
        var last: PatternsAddressValue
        /// The input network, while the block has not been merged with another.
        var network: PatternsIPNetwork?
    }

    static func merge(_ networks: [PatternsIPNetwork]) -> [String] {
        var blocks = networks.compactMap(block)
        blocks.sort { $0.last != $1.last ? $0.last < $1.last : $0.first < $1.first }
        var i = blocks.count - 1
        while i > 0 {
            let previous = blocks[i].first == .zero || blocks[i].first == .v4Zero ? blocks[i].first : blocks[i].first.decremented()
            if previous <= blocks[i - 1].last {
                blocks[i - 1] = Block(first: min(blocks[i - 1].first, blocks[i].first), last: blocks[i].last, network: nil)
                blocks.remove(at: i)
            }
            i -= 1
        }
        return blocks.flatMap { block in
            block.network.map { [$0.description] } ?? rangeToCIDRs(block.first, block.last)
        }
    }

    /// The first and last address of a network as 16-byte values.
    static func block(_ network: PatternsIPNetwork) -> Block? {
        guard let masked = PatternsIPNetwork.applyMask(network.ip, network.mask) else { return nil }
        let first: [UInt8], mask: [UInt8]
        if masked.count == 4 {
            first = PatternsIP.v4InV6Prefix + masked
            mask = [UInt8](repeating: 0xFF, count: 12) + PatternsIPNetwork.alignedMask(network.mask, to: 4)
        } else {
            first = masked
            mask = PatternsIPNetwork.alignedMask(network.mask, to: 16)
        }
        let last = zip(first, mask).map { $0 | ~$1 }
        return Block(first: PatternsAddressValue(bytes: first), last: PatternsAddressValue(bytes: last), network: network)
    }

    /// The fewest aligned blocks covering first...last.
    static func rangeToCIDRs(_ first: PatternsAddressValue, _ last: PatternsAddressValue) -> [String] {
        let v4 = first.isV4Mapped && last.isV4Mapped
        let bits = v4 ? 32 : 128
        var result: [String] = []
        var current = first
        while current <= last {
            var size = min(current.trailingZeros, bits)
            while size > 0 {
                let (end, overflow) = current.adding(.lowBits(size))
                if !overflow && end <= last { break }
                size -= 1
            }
            let ones = bits - size
            let mask = PatternsIPNetwork.cidrMask(ones: ones, bits: bits)
            let ip = v4 ? Array(current.bytes[12...]) : current.bytes
            result.append(PatternsIPNetwork(ip: ip, mask: mask).description)
            let (next, overflow) = current.adding(.lowBits(size)).0.adding(PatternsAddressValue(hi: 0, lo: 1))
            if overflow || result.count > 256 { break }
            current = next
        }
        return result
    }
}
