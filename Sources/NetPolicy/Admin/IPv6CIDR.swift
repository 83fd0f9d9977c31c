/// Syntax check for IPv6 CIDRs, which the analysis does not model but must
/// still tell apart from malformed text.
enum IPv6CIDR {
    /// True for `addr/len` with a well-formed IPv6 address and 0 ≤ len ≤ 128.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), (0...128).contains(bits),
              parts[1].allSatisfy(\.isNumber) else { return false }
        return isValidAddress(parts[0])
    }

    static func isValidAddress(_ address: Substring) -> Bool {
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let fields = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, field) in fields.enumerated() {
                let isLast = index == halves.count - 1 && position == fields.count - 1
                if isLast && field.contains(".") {
                    guard IPv4.address(field) != nil else { return false }
                    groups += 2
                    continue
                }
                guard (1...4).contains(field.count), field.allSatisfy(\.isHexDigit) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }
}
