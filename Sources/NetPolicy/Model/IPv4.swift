/// IPv4 addresses, CIDRs and address ranges as 32-bit integers.
public enum IPv4 {
    /// The whole IPv4 space.
    public static let all = IntervalSet(0, UInt32.max)

    /// Parses a dotted quad (`10.0.0.1`); nil when malformed.
    public static func address(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255 else { return nil }
            if part.count > 1 && part.first == "0" { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// Parses `a.b.c.d/n` into the range it covers, as Go's `net.ParseCIDR`
    /// does: host bits may be set (they are masked off).
    public static func cidr(_ text: String) -> IntervalSet? {
        guard let slash = text.firstIndex(of: "/"),
              let base = address(text[..<slash]),
              let bits = Int(text[text.index(after: slash)...]), (0...32).contains(bits),
              text[text.index(after: slash)...].allSatisfy(\.isNumber) else { return nil }
        let mask: UInt32 = bits == 0 ? 0 : UInt32.max << (32 - UInt32(bits))
        let lower = base & mask
        return IntervalSet(lower, lower | ~mask)
    }

    /// True when `text` looks like an IPv6 CIDR or address (has a colon).
    public static func isIPv6(_ text: String) -> Bool { text.contains(":") }

    /// `10.0.0.1`.
    public static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xff).\(address >> 8 & 0xff).\(address & 0xff)"
    }

    /// `0.0.0.0-9.255.255.255`: netpol-analyzer's range form.
    public static func formatRange(_ interval: IntervalSet.Interval) -> String {
        "\(format(interval.lower))-\(format(interval.upper))"
    }

    /// The fewest CIDRs that cover exactly `interval`.
    public static func cidrs(covering interval: IntervalSet.Interval) -> [String] {
        var result: [String] = []
        var start = UInt64(interval.lower)
        let end = UInt64(interval.upper)
        while start <= end {
            var size: UInt64 = 1
            var bits = 32
            while bits > 0 {
                let bigger = size << 1
                if start % bigger != 0 || start + bigger - 1 > end { break }
                size = bigger
                bits -= 1
            }
            result.append("\(format(UInt32(start)))/\(bits)")
            start += size
        }
        return result
    }
}
