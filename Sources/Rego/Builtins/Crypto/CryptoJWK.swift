import Crypto
import PalisadeCore

/// A private or secret key that can sign a JWS.
enum CryptoSigningKey {
    case rsa(CryptoRSAPrivateKey)
    case ecdsa(CryptoECPrivateKey)
    case ed25519(seed: [UInt8])
    case symmetric([UInt8])
}

/// One JSON Web Key (RFC 7517) as a JSON object.
struct CryptoJWK {
    var fields: [Value: Value]

    var keyType: String? { fields[.string("kty")]?.stringValue }
    var algorithm: String? { fields[.string("alg")]?.stringValue }
    var keyID: String? { fields[.string("kid")]?.stringValue }

    /// Parses a JWK or a JWK set (`{"keys": [...]}`) from JSON text.
    static func parseSet(_ text: String) throws -> [CryptoJWK] {
        guard let document = try? JSONReader.decode(text) else {
            throw CryptoFailure("failed to unmarshal JWK set: invalid JSON")
        }
        guard case .object(let object) = document else {
            throw CryptoFailure("failed to unmarshal JWK set: not a JSON object")
        }
        if let keys = object[.string("keys")] {
            guard case .array(let elements) = keys else { throw CryptoFailure("failed to parse JWK set: keys must be an array") }
            return try elements.map { element in
                guard case .object(let fields) = element else { throw CryptoFailure("failed to parse JWK set: invalid key") }
                let key = CryptoJWK(fields: fields)
                try key.validate()
                return key
            }
        }
        let key = CryptoJWK(fields: object)
        try key.validate()
        return [key]
    }

    private func validate() throws {
        guard let keyType else { throw CryptoFailure("failed to parse JWK: missing \"kty\" field") }
        guard ["RSA", "EC", "OKP", "oct"].contains(keyType) else {
            throw CryptoFailure("failed to parse JWK: invalid key type from JSON (\(keyType))")
        }
    }

    private func bytes(_ name: String) throws -> [UInt8] {
        guard let text = fields[.string(name)]?.stringValue else {
            throw CryptoFailure("failed to parse JWK: required field \(name) is missing")
        }
        if let decoded = try? CryptoBase64.decodeURLLenient(text) { return decoded }
        if let decoded = try? CryptoBase64.decode(Array(text.utf8)) { return decoded }
        throw CryptoFailure("failed to parse JWK: failed to decode field \(name)")
    }

    private func optionalBytes(_ name: String) throws -> [UInt8]? {
        fields[.string(name)] == nil ? nil : try bytes(name)
    }

    private func curve() throws -> CryptoCurve {
        guard let name = fields[.string("crv")]?.stringValue, let curve = CryptoCurve(rawValue: name) else {
            throw CryptoFailure("failed to parse JWK: invalid curve algorithm")
        }
        return curve
    }

    /// The key to verify signatures with (the public half of private keys).
    func verificationKey() throws -> CryptoPublicKey {
        switch keyType {
        case "RSA":
            return .rsa(CryptoRSAPublicKey(modulus: try bytes("n").cryptoTrimmedLeadingZeros, exponent: try bytes("e").cryptoTrimmedLeadingZeros))
        case "EC":
            return .ecdsa(try CryptoECPublicKey(curve: try curve(), x: try bytes("x"), y: try bytes("y")))
        case "OKP":
            guard fields[.string("crv")]?.stringValue == "Ed25519" else {
                throw CryptoFailure("failed to parse JWK: unsupported curve for OKP key")
            }
            let x = try bytes("x")
            guard x.count == 32 else { throw CryptoFailure("failed to parse JWK: invalid Ed25519 public key") }
            return .ed25519(x)
        default:
            return .symmetric(try bytes("k"))
        }
    }

    /// The key to sign with.
    func signingKey() throws -> CryptoSigningKey {
        switch keyType {
        case "RSA":
            return .rsa(
                try CryptoRSAPrivateKey(
                    n: try bytes("n"), e: try bytes("e"), d: try bytes("d"), p: try bytes("p"), q: try bytes("q"),
                    dp: try optionalBytes("dp"), dq: try optionalBytes("dq"), qi: try optionalBytes("qi")))
        case "EC":
            return .ecdsa(try CryptoECPrivateKey(curve: try curve(), scalar: try bytes("d")))
        case "OKP":
            let seed = try bytes("d")
            guard fields[.string("crv")]?.stringValue == "Ed25519", seed.count == 32 else {
                throw CryptoFailure("failed to parse JWK: invalid Ed25519 private key")
            }
            return .ed25519(seed: seed)
        default:
            return .symmetric(try bytes("k"))
        }
    }
}
