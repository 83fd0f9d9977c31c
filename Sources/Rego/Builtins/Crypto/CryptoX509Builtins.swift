import PalisadeCore

/// `crypto.x509.parse_certificates`, `parse_and_verify_certificates` (with
/// and without options) and `parse_keypair`.
extension CryptoBuiltins {
    static var x509Builtins: [Builtin] {
        [
            Builtin("crypto.x509.parse_certificates", arity: 1) { args, _ in
                try args.cryptoRun {
                    let certificates = try certificatesFromString(try args.string(0))
                    return .array(certificates.map { $0.goJSON(withURIStrings: true) })
                }
            },
            Builtin("crypto.x509.parse_and_verify_certificates", arity: 1) { args, ctx in
                let input = try args.string(0)
                guard let certificates = try? certificatesFromString(input),
                    let chain = verifiedChain(certificates, options: CryptoVerifyOptions(), now: ctx.nowNanoseconds)
                else { return unverifiedChain }
                return .array([.true, .array(chain.map { $0.goJSON(withURIStrings: true) })])
            },
            Builtin("crypto.x509.parse_and_verify_certificates_with_options", arity: 2) { args, ctx in
                let input = try args.string(0)
                let options = try args.object(1)
                guard let certificates = try? certificatesFromString(input) else { return unverifiedChain }
                let parsedOptions = try args.cryptoRun { try verifyOptionsFrom(options) }
                guard let chain = verifiedChain(certificates, options: parsedOptions, now: ctx.nowNanoseconds) else {
                    return unverifiedChain
                }
                return .array([.true, .array(chain.map { $0.goJSON(withURIStrings: false) })])
            },
            Builtin("crypto.x509.parse_keypair", arity: 2) { args, _ in
                let certificate = try args.string(0)
                guard case .string(let key) = args[1] else { throw args.cryptoTypeError(1, expected: "string", reportedAs: 0) }
                return try args.cryptoRun { try keyPair(certificate: certificate, key: key) }
            },
        ]
    }

    private static let unverifiedChain = Value.array([.false, .emptyArray])

    /// OPA's `getX509CertsFromString`: PEM, base64 PEM, or base64 DER.
    static func certificatesFromString(_ text: String) throws -> [CryptoCertificate] {
        if CryptoPEM.hasBeginPrefix(text) { return try certificatesFromPEM(Array(text.utf8)) }
        let decoded = try CryptoBase64.decode(Array(text.utf8))
        if decoded.starts(with: Array("-----BEGIN".utf8)) { return try certificatesFromPEM(decoded) }
        return try CryptoCertificate.parseAll(decoded)
    }

    private static func certificatesFromPEM(_ bytes: [UInt8]) throws -> [CryptoCertificate] {
        var der: [UInt8] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            let (block, remaining) = CryptoPEM.decode(rest)
            guard let block else { break }
            guard block.type == "CERTIFICATE" else {
                throw CryptoFailure("PEM block type is '\(block.type)', expected CERTIFICATE")
            }
            der += block.bytes
            rest = remaining
        }
        return try CryptoCertificate.parseAll(der)
    }

    /// The first certificate is the trusted root, the last the leaf.
    private static func verifiedChain(_ certificates: [CryptoCertificate], options: CryptoVerifyOptions, now: Int64)
        -> [CryptoCertificate]?
    {
        guard certificates.count >= 2, let root = certificates.first, let leaf = certificates.last else { return nil }
        var verifier = CryptoChainVerifier(
            roots: [root], intermediates: Array(certificates.dropFirst().dropLast()), options: options, now: now)
        return verifier.verify(leaf)
    }

    /// OPA's `extractVerifyOpts`.
    private static func verifyOptionsFrom(_ options: [Value: Value]) throws -> CryptoVerifyOptions {
        var result = CryptoVerifyOptions()
        for key in options.keys.sorted() {
            guard case .string(let name) = key, let value = options[key] else { continue }
            switch name {
            case "DNSName":
                guard case .string(let dns) = value else { throw CryptoFailure("'DNSName' should be a string") }
                result.dnsName = dns.cryptoTrimmingQuotes
            case "CurrentTime":
                guard case .number(let number) = value else { throw CryptoFailure("'CurrentTime' should be a number") }
                guard let nanoseconds = number.intValue.flatMap(Int64.init(exactly:)) else {
                    throw CryptoFailure("'CurrentTime' should be a valid int64 number")
                }
                result.currentTime = nanoseconds
            case "MaxConstraintComparisons":
                guard case .number(let number) = value else {
                    throw CryptoFailure("'MaxConstraintComparisons' should be a number")
                }
                guard let count = number.intValue else {
                    throw CryptoFailure("'MaxConstraintComparisons' should be a valid number")
                }
                result.maxConstraintComparisons = count
            case "KeyUsages":
                guard let entries = value.elements, value.arrayValue != nil || value.setValue != nil else {
                    throw CryptoFailure("'KeyUsages' should be an Array or Set")
                }
                var invalid: [String] = []
                for case .string(let entry) in entries {
                    let usage = entry.cryptoTrimmingQuotes
                    if let known = CryptoExtKeyUsage.byName[usage] { result.keyUsages.append(known) } else { invalid.append(usage) }
                }
                if !invalid.isEmpty {
                    throw CryptoFailure("invalid entries for 'KeyUsages' found: [\(invalid.joined(separator: " "))]")
                }
            default:
                throw CryptoFailure("invalid key option")
            }
        }
        return result
    }

    /// OPA's `getTLSx509KeyPairFromString` and Go's `tls.X509KeyPair`.
    private static func keyPair(certificate: String, key: String) throws -> Value {
        var certificatePEM = Array(certificate.utf8)
        var keyPEM = Array(key.utf8)
        let begin = Array("-----BEGIN ".utf8)
        if !certificatePEM.starts(with: begin) { certificatePEM = try CryptoBase64.decode(certificatePEM) }
        if !keyPEM.starts(with: begin) { keyPEM = try CryptoBase64.decode(keyPEM) }
        if !certificatePEM.starts(with: begin) {
            certificatePEM = Array(CryptoPEM.encode(type: "CERTIFICATE", bytes: certificatePEM).utf8)
        }
        if !keyPEM.starts(with: Array("-----BEGIN".utf8)) {
            keyPEM = Array(CryptoPEM.encode(type: "PRIVATE KEY", bytes: keyPEM).utf8)
        }

        var chain: [[UInt8]] = []
        var skipped: [String] = []
        var rest = certificatePEM[...]
        while case (let block?, let remaining) = CryptoPEM.decode(rest) {
            if block.type == "CERTIFICATE" { chain.append(block.bytes) } else { skipped.append(block.type) }
            rest = remaining
        }
        guard let leafDER = chain.first else {
            if skipped.isEmpty { throw CryptoFailure("tls: failed to find any PEM data in certificate input") }
            if skipped.count == 1, skipped[0].hasSuffix("PRIVATE KEY") {
                throw CryptoFailure(
                    "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched")
            }
            throw CryptoFailure(
                "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: [\(skipped.joined(separator: " "))]")
        }

        skipped = []
        rest = keyPEM[...]
        var keyBlock: CryptoPEMBlock?
        while keyBlock == nil {
            let (block, remaining) = CryptoPEM.decode(rest)
            rest = remaining
            guard let block else {
                if skipped.isEmpty { throw CryptoFailure("tls: failed to find any PEM data in key input") }
                if skipped == ["CERTIFICATE"] {
                    throw CryptoFailure("tls: found a certificate rather than a key in the PEM for the private key")
                }
                throw CryptoFailure(
                    "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [\(skipped.joined(separator: " "))]")
            }
            if block.type == "PRIVATE KEY" || block.type.hasSuffix(" PRIVATE KEY") { keyBlock = block } else { skipped.append(block.type) }
        }

        let leaf = try CryptoCertificate(der: leafDER[...])
        let privateKey = try CryptoPrivateKey.parseAny(keyBlock?.bytes ?? [])
        try checkKeyPair(leaf.publicKey, privateKey)
        return .object(fields: [
            "Certificate": .array(chain.map { .string(CryptoBase64.encode($0)) }),
            "PrivateKey": privateKey.goJSON,
            "SupportedSignatureAlgorithms": .null,
            "OCSPStaple": .null,
            "SignedCertificateTimestamps": .null,
            "Leaf": leaf.goJSON(withURIStrings: false),
        ])
    }

    private static func checkKeyPair(_ publicKey: CryptoPublicKey?, _ privateKey: CryptoPrivateKey) throws {
        let mismatch = CryptoFailure("tls: private key does not match public key")
        let wrongType = CryptoFailure("tls: private key type does not match public key type")
        switch (publicKey, privateKey) {
        case (.rsa(let pub)?, .rsa(let priv)):
            guard pub.modulus == priv.modulus.cryptoTrimmedLeadingZeros else { throw mismatch }
        case (.ecdsa(let pub)?, .ecdsa(let priv)):
            guard pub.x == priv.publicKey.x, pub.y == priv.publicKey.y else { throw mismatch }
        case (.ed25519(let pub)?, .ed25519(_, let derived)):
            guard pub == derived else { throw mismatch }
        case (.rsa?, _), (.ecdsa?, _), (.ed25519?, _):
            throw wrongType
        default:
            throw CryptoFailure("tls: unknown public key algorithm")
        }
    }
}

extension BuiltinArgs {
    /// A type error naming operand `reportedAs` (OPA reports some operands
    /// with the wrong position; this keeps its messages).
    func cryptoTypeError(_ i: Int, expected: String, reportedAs position: Int) -> BuiltinError {
        BuiltinError(.type, "\(name): operand \(position + 1) must be \(expected) but got \(values[i].typeName)")
    }
}

extension String {
    /// Go's `strings.Trim(s, "\"")`.
    var cryptoTrimmingQuotes: String {
        var text = Substring(self)
        while text.hasPrefix("\"") { text = text.dropFirst() }
        while text.hasSuffix("\"") { text = text.dropLast() }
        return String(text)
    }
}
