import BigInt
import Crypto
import Foundation
import PalisadeCore

/// A private key from a PEM block, as Go's `crypto/x509` parses it.
enum CryptoPrivateKey {
    case rsa(CryptoRSAPrivateKey)
    case ecdsa(CryptoECPrivateKey)
    case ed25519(seed: [UInt8], publicKey: [UInt8])

    /// Go's `x509.ParsePKCS8PrivateKey`.
    static func parsePKCS8(_ bytes: ArraySlice<UInt8>) throws -> CryptoPrivateKey {
        let failure = "x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)"
        let node = try CryptoDER.parse(bytes, failure: "asn1: structure error: tags don't match")
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: failure)
        guard fields.count >= 3, fields[0].identifier == .integer, fields[1].identifier == .sequence else {
            if fields.count >= 2, fields[1].identifier == .octetString {
                throw CryptoFailure("x509: failed to parse private key (use ParseECPrivateKey instead for this key format)")
            }
            throw CryptoFailure(failure)
        }
        let algorithm = try CryptoDER.children(fields[1], expecting: .sequence, failure: failure)
        guard let oidNode = algorithm.first else { throw CryptoFailure(failure) }
        let oid = try CryptoDER.objectIdentifier(oidNode, failure: failure)
        let keyBytes = try CryptoDER.octetString(fields[2], failure: failure)[...]
        switch oid {
        case [1, 2, 840, 113549, 1, 1, 1]:
            do {
                return .rsa(try CryptoRSAPrivateKey(pkcs1: keyBytes))
            } catch let error as CryptoFailure {
                throw CryptoFailure("x509: failed to parse RSA private key embedded in PKCS#8: " + error.message)
            }
        case [1, 2, 840, 10045, 2, 1]:
            let curve = algorithm.dropFirst().first
                .flatMap { try? CryptoDER.objectIdentifier($0, failure: "") }
                .flatMap(CryptoCurve.init(oid:))
            do {
                return .ecdsa(try CryptoECPrivateKey(sec1: keyBytes, curve: curve))
            } catch let error as CryptoFailure {
                throw CryptoFailure("x509: failed to parse EC private key embedded in PKCS#8: " + error.message)
            }
        case [1, 3, 101, 112]:
            guard algorithm.count == 1 else { throw CryptoFailure("x509: invalid Ed25519 private key parameters") }
            let seedNode = try CryptoDER.parse(keyBytes, failure: "x509: invalid Ed25519 private key")
            let seed = try CryptoDER.octetString(seedNode, failure: "x509: invalid Ed25519 private key")
            guard seed.count == 32 else { throw CryptoFailure("x509: invalid Ed25519 private key length: \(seed.count)") }
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            return .ed25519(seed: seed, publicKey: Array(key.publicKey.rawRepresentation))
        default:
            let dotted = oid.map(String.init).joined(separator: ".")
            throw CryptoFailure("x509: PKCS#8 wrapping contained private key with unknown algorithm: \(dotted)")
        }
    }

    /// The private keys in PEM text (`RSA PRIVATE KEY`, `PRIVATE KEY` and
    /// `EC PRIVATE KEY` blocks), as OPA's `getPrivateKeysFromPEMData`.
    static func parseAll(pemData: String) throws -> [CryptoPrivateKey] {
        var data = Array(pemData.utf8)[...]
        if let decoded = try? CryptoBase64.decode(data) { data = decoded[...] }
        var keys: [CryptoPrivateKey] = []
        while !data.isEmpty {
            let before = data.count
            let (block, rest) = CryptoPEM.decode(data)
            data = rest
            if block == nil && data.isEmpty { break }
            if before == data.count { break }
            guard let block else { continue }
            switch block.type {
            case "RSA PRIVATE KEY": keys.append(.rsa(try CryptoRSAPrivateKey(pkcs1: block.bytes[...])))
            case "PRIVATE KEY": keys.append(try parsePKCS8(block.bytes[...]))
            case "EC PRIVATE KEY": keys.append(.ecdsa(try CryptoECPrivateKey(sec1: block.bytes[...], curve: nil)))
            default: continue
            }
        }
        return keys
    }

    /// Go's `tls` private key parsing: PKCS #1, then PKCS #8, then SEC 1.
    static func parseAny(_ der: [UInt8]) throws -> CryptoPrivateKey {
        if let key = try? CryptoRSAPrivateKey(pkcs1: der[...]) { return .rsa(key) }
        if let key = try? parsePKCS8(der[...]) { return key }
        if let key = try? CryptoECPrivateKey(sec1: der[...], curve: nil) { return .ecdsa(key) }
        throw CryptoFailure("tls: failed to parse private key")
    }

    /// The key as Go's `encoding/json` renders `*rsa.PrivateKey`,
    /// `*ecdsa.PrivateKey` or `ed25519.PrivateKey`.
    var goJSON: Value {
        func number(_ bytes: [UInt8]) -> Value { .number(Number(BigInt(BigUInt(Data(bytes))))) }
        switch self {
        case .rsa(let key):
            return .object(fields: [
                "N": number(key.modulus),
                "E": number(key.publicExponent),
                "D": number(key.privateExponent),
                "Primes": .array([number(key.prime1), number(key.prime2)]),
                "Precomputed": .object(fields: [
                    "Dp": number(key.exponent1),
                    "Dq": number(key.exponent2),
                    "Qinv": number(key.coefficient),
                    "CRTValues": .emptyArray,
                ]),
            ])
        case .ecdsa(let key):
            return .object(fields: [
                "Curve": .emptyObject, "X": number(key.publicKey.x), "Y": number(key.publicKey.y), "D": number(key.scalar),
            ])
        case .ed25519(let seed, let publicKey):
            return .string(CryptoBase64.encode(seed + publicKey))
        }
    }

    /// The key as a JWK, as OPA's `jwk.New` marshals it.
    func jwk() throws -> Value {
        func field(_ bytes: [UInt8]) -> Value {
            .string(CryptoBase64.encode(bytes.cryptoTrimmedLeadingZeros, alphabet: .url, padded: false))
        }
        switch self {
        case .rsa(let key):
            return .object(fields: [
                "kty": .string("RSA"), "n": field(key.modulus), "e": field(key.publicExponent),
                "d": field(key.privateExponent), "p": field(key.prime1), "q": field(key.prime2),
                "dp": field(key.exponent1), "dq": field(key.exponent2), "qi": field(key.coefficient),
            ])
        case .ecdsa(let key):
            return .object(fields: [
                "kty": .string("EC"), "crv": .string(key.curve.rawValue),
                "x": field(key.publicKey.x), "y": field(key.publicKey.y), "d": field(key.scalar),
            ])
        case .ed25519:
            throw CryptoFailure("invalid key type ed25519.PrivateKey")
        }
    }
}
