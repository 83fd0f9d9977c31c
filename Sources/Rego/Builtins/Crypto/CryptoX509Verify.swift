/// Go's `x509.VerifyOptions` as OPA exposes them.
struct CryptoVerifyOptions {
    var dnsName = ""
    /// Nanoseconds since the epoch; nil means "now".
    var currentTime: Int64?
    var keyUsages: [Int] = []
    /// Limit on name constraint comparisons per CA; 0 means Go's default.
    var maxConstraintComparisons = 0
}

/// Certificate chain verification following Go's `Certificate.Verify` with
/// a root pool holding the first certificate, an intermediate pool holding
/// the middle ones, and the last certificate as the leaf.
struct CryptoChainVerifier {
    private static let maxSignatureChecks = 100

    let roots: [CryptoCertificate]
    let intermediates: [CryptoCertificate]
    let options: CryptoVerifyOptions
    let now: Int64
    private var signatureChecks = 0

    init(roots: [CryptoCertificate], intermediates: [CryptoCertificate], options: CryptoVerifyOptions, now: Int64) {
        self.roots = roots
        self.intermediates = intermediates
        self.options = options
        self.now = options.currentTime ?? now
    }

    /// The first valid chain, leaf first; nil when the leaf does not verify.
    mutating func verify(_ leaf: CryptoCertificate) -> [CryptoCertificate]? {
        guard isValid(leaf, kind: .leaf, chain: []) else { return nil }
        if !options.dnsName.isEmpty, !Self.matchesHostname(leaf, options.dnsName) { return nil }
        let candidates: [[CryptoCertificate]]
        if roots.contains(where: { $0.raw == leaf.raw }) {
            candidates = [[leaf]]
        } else {
            candidates = buildChains([leaf])
        }
        if options.keyUsages.contains(0) { return candidates.first }
        let usages = options.keyUsages.isEmpty ? [1] : options.keyUsages
        return candidates.first { Self.chainPermits($0, usages: usages) }
    }

    private enum Kind { case leaf, intermediate, root }

    private mutating func buildChains(_ chain: [CryptoCertificate]) -> [[CryptoCertificate]] {
        guard let current = chain.last else { return [] }
        var chains: [[CryptoCertificate]] = []
        let candidates = Self.potentialParents(of: current, in: roots).map { ($0, Kind.root) }
            + Self.potentialParents(of: current, in: intermediates).map { ($0, Kind.intermediate) }
        for (candidate, kind) in candidates {
            guard candidate.publicKey != nil, !chain.contains(where: { $0.raw == candidate.raw }) else { continue }
            signatureChecks += 1
            guard signatureChecks <= Self.maxSignatureChecks else { return chains }
            guard Self.isSigned(current, by: candidate), isValid(candidate, kind: kind, chain: chain) else { continue }
            switch kind {
            case .root: chains.append(chain + [candidate])
            case .intermediate: chains += buildChains(chain + [candidate])
            case .leaf: break
            }
        }
        return chains
    }

    /// Pool candidates whose subject is the child's issuer, the ones whose
    /// key identifier matches the child's authority key identifier first.
    private static func potentialParents(of child: CryptoCertificate, in pool: [CryptoCertificate]) -> [CryptoCertificate] {
        let matching = pool.filter { $0.rawSubject == child.rawIssuer }
        func rank(_ parent: CryptoCertificate) -> Int {
            guard let authority = child.details.authorityKeyId, let subject = parent.details.subjectKeyId else { return 1 }
            return authority == subject ? 0 : 2
        }
        return matching.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// Go's `CheckSignatureFrom` without SHA-1.
    private static func isSigned(_ child: CryptoCertificate, by parent: CryptoCertificate) -> Bool {
        if parent.version == 3 && !parent.details.basicConstraintsValid
            || parent.details.basicConstraintsValid && !parent.details.isCA
        {
            return false
        }
        if parent.details.keyUsage != 0 && parent.details.keyUsage & 32 == 0 { return false }
        guard let key = parent.publicKey, child.signatureAlgorithm.isSecure else { return false }
        return child.signatureAlgorithm.verify(signature: child.signature, message: child.rawTBS, key: key)
    }

    private func isValid(_ certificate: CryptoCertificate, kind: Kind, chain: [CryptoCertificate]) -> Bool {
        if certificate.details.unhandledCriticalExtensions != nil { return false }
        if let child = chain.last, child.rawIssuer != certificate.rawSubject { return false }
        let notBefore = certificate.notBefore.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let notAfter = certificate.notAfter.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if !notBefore.overflow, now < notBefore.partialValue { return false }
        if !notAfter.overflow, now > notAfter.partialValue { return false }
        if notBefore.overflow, certificate.notBefore.seconds > 0 { return false }
        if notAfter.overflow, certificate.notAfter.seconds < 0 { return false }
        if kind != .leaf {
            var names = CryptoNameConstraintCheck(authority: certificate.details, maxComparisons: options.maxConstraintComparisons)
            if names.applies, !chain.allSatisfy({ names.accepts($0.details) }) { return false }
        }
        if kind == .intermediate, !certificate.details.basicConstraintsValid || !certificate.details.isCA { return false }
        if certificate.details.basicConstraintsValid, certificate.details.maxPathLen >= 0,
            chain.count - 1 > certificate.details.maxPathLen
        {
            return false
        }
        return true
    }

    /// Go's `checkChainForKeyUsage`.
    private static func chainPermits(_ chain: [CryptoCertificate], usages requested: [Int]) -> Bool {
        var usages = requested.map { Optional($0) }
        var remaining = usages.count
        for certificate in chain.reversed() {
            let ext = certificate.details.extKeyUsage ?? []
            if ext.isEmpty && certificate.details.unknownExtKeyUsage == nil { continue }
            if ext.contains(0) { continue }
            for (i, usage) in usages.enumerated() {
                guard let usage, !ext.contains(usage) else { continue }
                usages[i] = nil
                remaining -= 1
                if remaining == 0 { return false }
            }
        }
        return true
    }

    /// Go's `VerifyHostname`: IP SANs for IP addresses, DNS SANs (with
    /// single-label wildcards) otherwise.
    static func matchesHostname(_ certificate: CryptoCertificate, _ host: String) -> Bool {
        var candidate = host
        if candidate.count >= 3, candidate.hasPrefix("["), candidate.hasSuffix("]") {
            candidate = String(candidate.dropFirst().dropLast())
        }
        if let ip = CryptoIP.parse(candidate) {
            return (certificate.details.ipAddresses ?? []).contains { Self.sameIP($0, ip) }
        }
        let name = host.lowercased()
        let trimmedName = name.hasSuffix(".") ? String(name.dropLast()) : name
        for pattern in certificate.details.dnsNames ?? [] {
            var lowered = pattern.lowercased()
            if lowered.hasSuffix(".") { lowered.removeLast() }
            if lowered == trimmedName { return true }
            let patternLabels = lowered.split(separator: ".", omittingEmptySubsequences: false)
            let hostLabels = trimmedName.split(separator: ".", omittingEmptySubsequences: false)
            guard patternLabels.count == hostLabels.count, patternLabels.count > 1, patternLabels[0] == "*" else { continue }
            if zip(patternLabels.dropFirst(), hostLabels.dropFirst()).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }

    private static func sameIP(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        func normalized(_ ip: [UInt8]) -> [UInt8] {
            ip.count == 4 ? [UInt8](repeating: 0, count: 10) + [0xff, 0xff] + ip : ip
        }
        return normalized(a) == normalized(b)
    }
}
