/// Go's `net.IPNet`: an address and a mask of 4 or 16 bytes each, with
/// Go's rules for mixing the IPv4 and IPv4-mapped IPv6 forms.
struct PatternsIPNetwork {
    var ip: [UInt8]
    var mask: [UInt8]

    /// Go's `net.CIDRMask(ones, bits)`.
    static func cidrMask(ones: Int, bits: Int) -> [UInt8] {
        (0..<(bits / 8)).map { k in
            let remaining = ones - 8 * k
            if remaining >= 8 { return 0xFF }
            if remaining <= 0 { return 0 }
            return UInt8(truncatingIfNeeded: 0xFF << (8 - remaining))
        }
    }

    /// Go's `net.ParseCIDR`: the address as written (16 bytes) and its network.
    static func parse(_ s: String) -> (ip: [UInt8], network: PatternsIPNetwork)? {
        guard let slash = s.firstIndex(of: "/"),
              let addr = PatternsIP.parseAddr(String(s[..<slash])), addr.zone.isEmpty else { return nil }
        let digits = s[s.index(after: slash)...].utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              digits.count <= 7, let ones = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        let bits = addr.isV4 ? 32 : 128
        guard ones <= bits else { return nil }
        let mask = cidrMask(ones: ones, bits: bits)
        guard let masked = applyMask(addr.bytes, mask) else { return nil }
        return (addr.bytes, PatternsIPNetwork(ip: masked, mask: mask))
    }

    /// Go's `IP.Mask`.
    static func applyMask(_ ip: [UInt8], _ mask: [UInt8]) -> [UInt8]? {
        var ip = ip, mask = mask
        if mask.count == 16 && ip.count == 4 && mask[0..<12].allSatisfy({ $0 == 0xFF }) { mask = Array(mask[12...]) }
        if mask.count == 4 && ip.count == 16 && Array(ip[0..<12]) == PatternsIP.v4InV6Prefix { ip = Array(ip[12...]) }
        guard ip.count == mask.count else { return nil }
        return zip(ip, mask).map { $0 & $1 }
    }

    /// Go's `networkNumberAndMask`.
    private var numberAndMask: (ip: [UInt8], mask: [UInt8])? {
        var number = ip
        if let v4 = PatternsIP.to4(ip) {
            number = v4
        } else if ip.count != 16 {
            return nil
        }
        switch mask.count {
        case 4:
            return number.count == 4 ? (number, mask) : nil
        case 16:
            return (number, number.count == 4 ? Array(mask[12...]) : mask)
        default:
            return nil
        }
    }

    /// Go's `IPNet.Contains`.
    func contains(_ address: [UInt8]) -> Bool {
        guard let (number, m) = numberAndMask else { return false }
        let candidate = PatternsIP.to4(address) ?? address
        guard candidate.count == number.count else { return false }
        for k in 0..<candidate.count where number[k] & m[k] != candidate[k] & m[k] { return false }
        return true
    }

    /// Leading one bits of a canonical mask and its total bits (Go's `IPMask.Size`).
    var prefixSize: (ones: Int, bits: Int)? {
        var ones = 0
        var seenZero = false
        for byte in mask {
            for bit in (0..<8).reversed() {
                if byte >> UInt8(bit) & 1 == 1 {
                    if seenZero { return nil }
                    ones += 1
                } else {
                    seenZero = true
                }
            }
        }
        return (ones, mask.count * 8)
    }

    /// Go's `IPNet.String`: "ip/ones" (or "ip/hexmask" for odd masks).
    var description: String {
        guard let (number, m) = numberAndMask else { return "<nil>" }
        let shown = PatternsIPNetwork(ip: number, mask: m)
        if let (ones, _) = shown.prefixSize { return PatternsIP.format(number) + "/" + String(ones) }
        return PatternsIP.format(number) + "/" + m.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The last address of the network, in the network address's length.
    var lastAddress: [UInt8] {
        zip(ip, Self.alignedMask(mask, to: ip.count)).map { $0 | ~$1 }
    }

    static func alignedMask(_ mask: [UInt8], to count: Int) -> [UInt8] {
        if mask.count == count { return mask }
        if mask.count == 16 && count == 4 { return Array(mask[12...]) }
        return [UInt8](repeating: 0xFF, count: count - mask.count) + mask
    }
}
