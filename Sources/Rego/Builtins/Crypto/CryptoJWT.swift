import PalisadeCore

/// The three base64url sections of a compact JWS, as OPA splits them.
struct CryptoJWT {
    /// Bounds nested (`cty: JWT`) tokens.
    static let maxNesting = 32

    var header: String
    var payload: String
    var signature: String

    /// OPA's `decodeJWT`.
    init(_ token: String) throws {
        // Split on code points, as Go does, not on grapheme clusters.
        let scalars = token.unicodeScalars
        guard scalars.contains(".") else { throw CryptoFailure("encoded JWT had no period separators") }
        let parts = scalars.split(separator: ".", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        guard parts.count == 3 else { throw CryptoFailure("encoded JWT must have 3 sections, found \(parts.count)") }
        header = parts[0]
        payload = parts[1]
        signature = parts[2]
    }

    /// `header.payload`, the signed bytes.
    var signingInput: [UInt8] { Array((header + "." + payload).utf8) }

    /// The decoded header object; JWE headers (with `enc`) are rejected.
    func decodedHeader() throws -> [Value: Value] {
        let bytes: [UInt8]
        do {
            bytes = try CryptoBase64.decodeURLLenient(header)
        } catch let error as CryptoFailure {
            throw CryptoFailure("JWT header had invalid encoding: \(error.message)")
        }
        let object: [Value: Value]
        do {
            object = try Self.jsonObject(bytes)
        } catch let error as CryptoFailure {
            throw CryptoFailure("bad JWT header: \(error.message)")
        }
        if object[.string("enc")] != nil { throw CryptoFailure("JWT is a JWE object, which is not supported") }
        return object
    }

    func decodedPayload() throws -> [UInt8] {
        do {
            return try CryptoBase64.decodeURLLenient(payload)
        } catch let error as CryptoFailure {
            throw CryptoFailure("JWT payload had invalid encoding: \(error.message)")
        }
    }

    /// The signature bytes; errors carry no prefix, as in OPA.
    func decodedSignature() throws -> [UInt8] {
        try CryptoBase64.decodeURLLenient(signature)
    }

    /// OPA's `extractJSONObject` (duplicate keys: the last one wins).
    static func jsonObject(_ bytes: [UInt8]) throws -> [Value: Value] {
        let value: Value
        do {
            value = try JSONReader.decode(bytes: bytes)
        } catch {
            throw CryptoFailure("invalid JSON: \(error)")
        }
        guard case .object(let object) = value else { throw CryptoFailure("decoded JSON type was not an Object") }
        return object
    }
}

/// The registered JOSE header parameters OPA checks (`parseTokenHeader`).
struct CryptoJWTHeader {
    var algorithm = ""
    var keyID = ""
    var type = ""
    var contentType = ""
    var critical: Set<String> = []
    var unknown: [String] = []

    init(_ object: [Value: Value]) throws {
        for key in object.keys.sorted() {
            guard let value = object[key] else { continue }
            let name = key.stringValue ?? JSONWriter.keyText(key)
            switch name {
            case "alg": algorithm = try Self.string(name, value)
            case "kid": keyID = try Self.string(name, value)
            case "typ": type = try Self.string(name, value)
            case "cty": contentType = try Self.string(name, value)
            case "crit":
                guard case .array(let entries) = value else { throw CryptoFailure("crit: must be a list") }
                critical = Set(entries.compactMap(\.stringValue))
                if critical.isEmpty { throw CryptoFailure("crit: must be a nonempty list") }
            default:
                unknown.append(name)
            }
        }
    }

    /// RFC 7515: `alg` is required and every critical parameter must be understood.
    var isValid: Bool {
        !algorithm.isEmpty && !unknown.contains { critical.contains($0) }
    }

    private static func string(_ name: String, _ value: Value) throws -> String {
        guard case .string(let text) = value else { throw CryptoFailure("\(name): must be a string") }
        return text
    }
}

/// A verification key with the JWK metadata OPA uses to pick keys.
struct CryptoVerificationKey {
    var key: CryptoPublicKey?
    var algorithm = ""
    var keyID = ""

    /// OPA's `getKeysFromCertOrJWK`: a PEM certificate, a PEM public key, or
    /// a JWK / JWK set.
    static func parse(_ text: String) throws -> [CryptoVerificationKey] {
        let (block, rest) = CryptoPEM.decode(Array(text.utf8)[...])
        if let block {
            guard rest.isEmpty else { throw CryptoFailure("extra data after a PEM certificate block") }
            switch block.type {
            case "CERTIFICATE":
                do {
                    return [CryptoVerificationKey(key: try CryptoCertificate(der: block.bytes[...]).publicKey)]
                } catch let error as CryptoFailure {
                    throw CryptoFailure("failed to parse a PEM certificate: \(error.message)")
                }
            case "PUBLIC KEY":
                do {
                    return [CryptoVerificationKey(key: try CryptoPublicKey.parsePKIX(block.bytes[...]))]
                } catch let error as CryptoFailure {
                    throw CryptoFailure("failed to parse a PEM public key: \(error.message)")
                }
            default:
                throw CryptoFailure("failed to extract a Key from the PEM certificate")
            }
        }
        do {
            return try CryptoJWK.parseSet(text).compactMap { jwk in
                let algorithm = jwk.algorithm ?? ""
                if !algorithm.isEmpty, !CryptoJWS.algorithms.contains(algorithm) { return nil }
                return CryptoVerificationKey(key: try jwk.verificationKey(), algorithm: algorithm, keyID: jwk.keyID ?? "")
            }
        } catch let error as CryptoFailure {
            throw CryptoFailure("failed to parse a JWK key (set): \(error.message)")
        }
    }

    /// Verifies with the key whose `kid` matches the token's, else with every
    /// key whose algorithm is unset or equal to the token's.
    static func verify(
        _ keys: [CryptoVerificationKey], header: CryptoJWTHeader, _ check: (CryptoPublicKey) -> Bool
    ) -> Bool {
        if !header.keyID.isEmpty, let match = keys.first(where: { $0.keyID == header.keyID }) {
            return match.key.map(check) ?? false
        }
        for candidate in keys where candidate.algorithm.isEmpty || candidate.algorithm == header.algorithm {
            if let key = candidate.key, check(key) { return true }
        }
        return false
    }
}
