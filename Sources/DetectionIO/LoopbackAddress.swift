/// Whether a listen address only accepts local connections (127.0.0.0/8,
/// `::1`, `localhost`): the only addresses where plain HTTP is allowed.
enum LoopbackAddress {
    static func isLoopback(_ host: String) -> Bool {
        let trimmed = host.trimmingBrackets.lowercased()
        if trimmed == "localhost" || trimmed == "::1" || trimmed == "0:0:0:0:0:0:0:1" { return true }
        let octets = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}

private extension String {
    var trimmingBrackets: String {
        guard hasPrefix("["), hasSuffix("]"), count >= 2 else { return self }
        return String(dropFirst().dropLast())
    }
}
