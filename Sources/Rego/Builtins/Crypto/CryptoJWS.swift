import Crypto

/// JWS signature algorithms (RFC 7518) over the keys of this group.
enum CryptoJWS {
    static let algorithms: Set<String> = [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
        "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "EdDSA",
    ]

    static func hash(_ algorithm: String) -> CryptoHash? {
        switch algorithm.suffix(3) {
        case "256": return .sha256
        case "384": return .sha384
        case "512": return .sha512
        default: return nil
        }
    }

    /// Verifies `signature` over `message`. With `splitECDSA`, an ECDSA
    /// signature of any even length is split in halves (OPA's `io.jwt.verify_es*`);
    /// otherwise it must be exactly `r || s` at the curve size (jwx, used by
    /// `io.jwt.decode_verify`).
    static func verify(
        algorithm: String, key: CryptoPublicKey, message: [UInt8], signature: [UInt8], splitECDSA: Bool = false
    ) -> Bool {
        if algorithm == "EdDSA" {
            guard case .ed25519(let raw) = key, let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                return false
            }
            return publicKey.isValidSignature(signature, for: message)
        }
        guard let hash = hash(algorithm) else { return false }
        switch (algorithm.prefix(2), key) {
        case ("HS", .symmetric(let secret)):
            return cryptoConstantTimeEquals(hmac(hash, key: secret, message: message), signature)
        case ("RS", .rsa(let rsa)):
            return rsa.verifyPKCS1(signature: signature, message: message, hash: hash)
        case ("PS", .rsa(let rsa)):
            return rsa.verifyPSS(signature: signature, message: message, hash: hash)
        case ("ES", .ecdsa(let ec)):
            let half = signature.count / 2
            guard splitECDSA || signature.count == 2 * ec.curve.byteSize else { return false }
            guard half > 0 else { return false }
            return ec.verify(r: Array(signature[..<half]), s: Array(signature[half...]), message: message, hash: hash)
        default:
            return false
        }
    }

    static func sign(algorithm: String, key: CryptoSigningKey, message: [UInt8]) throws -> [UInt8] {
        if algorithm == "EdDSA" {
            guard case .ed25519(let seed) = key else { throw invalidKey(algorithm) }
            let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            return Array(try privateKey.signature(for: message))
        }
        guard let hash = hash(algorithm) else { throw CryptoFailure("unsupported signature algorithm \(algorithm)") }
        switch (algorithm.prefix(2), key) {
        case ("HS", .symmetric(let secret)):
            return hmac(hash, key: secret, message: message)
        case ("RS", .rsa(let rsa)):
            return try rsa.sign(message: message, hash: hash, pss: false)
        case ("PS", .rsa(let rsa)):
            return try rsa.sign(message: message, hash: hash, pss: true)
        case ("ES", .ecdsa(let ec)):
            return try ec.sign(message: message, hash: hash)
        default:
            throw invalidKey(algorithm)
        }
    }

    static func hmac(_ hash: CryptoHash, key: [UInt8], message: [UInt8]) -> [UInt8] {
        let symmetricKey = SymmetricKey(data: key)
        switch hash {
        case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: symmetricKey))
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetricKey))
        case .sha384: return Array(HMAC<SHA384>.authenticationCode(for: message, using: symmetricKey))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: symmetricKey))
        }
    }

    private static func invalidKey(_ algorithm: String) -> CryptoFailure {
        CryptoFailure("failed to sign payload: invalid key type for algorithm \(algorithm)")
    }
}
