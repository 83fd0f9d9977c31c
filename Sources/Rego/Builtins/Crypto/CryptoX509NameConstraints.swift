/// Name constraint checks of Go's `Certificate.isValid` for CA certificates:
/// every SAN of the chain below the CA must be permitted and not excluded.
struct CryptoNameConstraintCheck {
    let authority: CryptoExtensionDetails
    let maxComparisons: Int
    private var comparisons = 0

    init(authority: CryptoExtensionDetails, maxComparisons: Int) {
        self.authority = authority
        self.maxComparisons = maxComparisons > 0 ? maxComparisons : 250_000
    }

    var applies: Bool {
        [authority.permitted, authority.excluded].contains { constraints in
            !(constraints.dnsDomains ?? []).isEmpty || !(constraints.ipRanges ?? []).isEmpty
                || !(constraints.emailAddresses ?? []).isEmpty || !(constraints.uriDomains ?? []).isEmpty
        }
    }

    /// True when every name of `certificate` passes.
    mutating func accepts(_ certificate: CryptoExtensionDetails) -> Bool {
        for name in certificate.dnsNames ?? [] {
            guard check(permitted: authority.permitted.dnsDomains, excluded: authority.excluded.dnsDomains, { Self.matchesDomain(name, $0) })
            else { return false }
        }
        for address in certificate.emailAddresses ?? [] {
            guard let at = address.lastIndex(of: "@") else { return false }
            let local = address[..<at], domain = String(address[address.index(after: at)...])
            let matches: (String) -> Bool? = { constraint in
                guard let constraintAt = constraint.lastIndex(of: "@") else { return Self.matchesDomain(domain, constraint) }
                return constraint[..<constraintAt] == local
                    && constraint[constraint.index(after: constraintAt)...].lowercased() == domain.lowercased()
            }
            guard check(permitted: authority.permitted.emailAddresses, excluded: authority.excluded.emailAddresses, matches) else {
                return false
            }
        }
        for ip in certificate.ipAddresses ?? [] {
            let matches: ((ip: [UInt8], mask: [UInt8])) -> Bool? = { range in
                guard ip.count == range.ip.count, range.mask.count == ip.count else { return false }
                return (0..<ip.count).allSatisfy { ip[$0] & range.mask[$0] == range.ip[$0] & range.mask[$0] }
            }
            guard check(permitted: authority.permitted.ipRanges, excluded: authority.excluded.ipRanges, matches) else { return false }
        }
        for uri in certificate.uris ?? [] {
            let host = CryptoURL.goJSON(uri)["Host"]?.stringValue ?? ""
            let matches: (String) -> Bool? = { constraint in
                var name = host
                if name.contains(":"), !name.hasSuffix("]"), let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
                guard !name.isEmpty, !name.hasPrefix("["), CryptoIP.parse(name) == nil else { return nil }
                return Self.matchesDomain(name, constraint)
            }
            guard check(permitted: authority.permitted.uriDomains, excluded: authority.excluded.uriDomains, matches) else {
                return false
            }
        }
        return true
    }

    /// Go's `checkNameConstraints`; a nil match result is an error.
    private mutating func check<Constraint>(
        permitted: [Constraint]?, excluded: [Constraint]?, _ matches: (Constraint) -> Bool?
    ) -> Bool {
        let excluded = excluded ?? [], permitted = permitted ?? []
        comparisons += excluded.count
        guard comparisons <= maxComparisons else { return false }
        for constraint in excluded {
            guard let match = matches(constraint), !match else { return false }
        }
        comparisons += permitted.count
        guard comparisons <= maxComparisons else { return false }
        if permitted.isEmpty { return true }
        for constraint in permitted {
            guard let match = matches(constraint) else { return false }
            if match { return true }
        }
        return false
    }

    /// Go's `matchDomainConstraint`: a leading dot requires a proper subdomain.
    static func matchesDomain(_ domain: String, _ constraint: String) -> Bool? {
        if constraint.isEmpty { return true }
        var constraint = Substring(constraint)
        let mustHaveSubdomains = constraint.hasPrefix(".")
        if mustHaveSubdomains { constraint = constraint.dropFirst() }
        guard let domainLabels = reversedLabels(domain), let constraintLabels = reversedLabels(String(constraint)) else {
            return nil
        }
        if domainLabels.count < constraintLabels.count || mustHaveSubdomains && domainLabels.count == constraintLabels.count {
            return false
        }
        return zip(constraintLabels, domainLabels).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    private static func reversedLabels(_ domain: String) -> [Substring]? {
        if domain.isEmpty { return [] }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { (33...126).contains($0.value) } }) else {
            return nil
        }
        return labels.reversed()
    }
}
