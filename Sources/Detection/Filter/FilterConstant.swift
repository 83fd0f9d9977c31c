import Foundation

/// A right-side constant converted once, at compile time, to the type of the
/// field it is compared with.
public enum FilterConstant: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case bytes([UInt8])
    case ipAddress([UInt8])
    case ipNetwork(IPNetwork)

    /// Converts `text` for a field of `type` and operator `op`; nil when it
    /// does not parse as that type.
    static func parse(_ text: String, type: FieldType, op: FilterOperator) -> FilterConstant? {
        if op == .bcontains || op == .bstartswith { return parseHex(text).map(FilterConstant.bytes) }
        switch type {
        case .string: return .string(text)
        case .bytes: return .bytes(Array(text.utf8))
        case .integer, .absTime, .relTime: return parseInteger(text).map(FilterConstant.integer)
        case .double: return Double(text).map(FilterConstant.double)
        case .bool:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .ipAddress: return IPNetwork.parseAddress(text).map(FilterConstant.ipAddress)
        case .ipNetwork:
            if let network = IPNetwork(text) { return .ipNetwork(network) }
            return IPNetwork.parseAddress(text).map(FilterConstant.ipAddress)
        }
    }

    static func parseInteger(_ text: String) -> Int64? {
        if let value = Int64(text) { return value }
        if let value = UInt64(text) { return Int64(bitPattern: value) }
        let lower = text.lowercased()
        if lower.hasPrefix("0x"), let value = UInt64(lower.dropFirst(2), radix: 16) { return Int64(bitPattern: value) }
        return nil
    }

    /// An even-length run of hex digits.
    static func parseHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = ASCIIHex.value(digits[index]), let low = ASCIIHex.value(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}

/// An IPv4 or IPv6 network in CIDR notation.
public struct IPNetwork: Sendable, Hashable {
    public var address: [UInt8]
    public var prefixLength: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = Self.parseAddress(String(parts[0])),
              let length = Int(parts[1]), length >= 0, length <= address.count * 8 else { return nil }
        self.address = address
        self.prefixLength = length
    }

    /// Whether `ip` lies in this network.
    public func contains(_ ip: [UInt8]) -> Bool {
        guard ip.count == address.count else { return false }
        var remaining = prefixLength
        for index in 0..<ip.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if ip[index] & mask != address[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Parses a dotted IPv4 or a textual IPv6 address.
    public static func parseAddress(_ text: String) -> [UInt8]? {
        if text.contains(":") { return parseIPv6(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, let value = UInt8(part) else { return nil }
            out.append(value)
        }
        return out
    }

    static func parseIPv6(_ text: String) -> [UInt8]? {
        var addr = in6_addr()
        guard inet_pton(AF_INET6, text, &addr) == 1 else { return nil }
        return withUnsafeBytes(of: &addr) { Array($0) }
    }
}
