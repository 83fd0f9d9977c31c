import BigInt
import Crypto
import Foundation
import PalisadeCore
import SwiftASN1

/// A public key from a certificate, a `PUBLIC KEY` PEM block or a JWK.
enum CryptoPublicKey {
    case rsa(CryptoRSAPublicKey)
    case ecdsa(CryptoECPublicKey)
    case ed25519([UInt8])
    case dsa(p: BigInt, q: BigInt, g: BigInt, y: BigInt)
    /// A JWK `oct` key, usable for HMAC only.
    case symmetric([UInt8])

    /// Go's `x509.PublicKeyAlgorithm` number.
    var goAlgorithm: Int {
        switch self {
        case .rsa: return 1
        case .dsa: return 2
        case .ecdsa: return 3
        case .ed25519: return 4
        case .symmetric: return 0
        }
    }

    /// The key as Go's `encoding/json` renders the `crypto.PublicKey` value.
    var goJSON: Value {
        switch self {
        case .rsa(let key):
            return .object(fields: [
                "N": .number(Number(BigInt(BigUInt(Data(key.modulus))))),
                "E": .number(Number(BigInt(BigUInt(Data(key.exponent))))),
            ])
        case .ecdsa(let key):
            return .object(fields: [
                "Curve": .emptyObject,
                "X": .number(Number(BigInt(BigUInt(Data(key.x))))),
                "Y": .number(Number(BigInt(BigUInt(Data(key.y))))),
            ])
        case .ed25519(let bytes), .symmetric(let bytes):
            return .string(CryptoBase64.encode(bytes))
        case .dsa(let p, let q, let g, let y):
            return .object(fields: ["P": .number(Number(p)), "Q": .number(Number(q)), "G": .number(Number(g)), "Y": .number(Number(y))])
        }
    }

    // MARK: Parsing

    /// Go's `x509.ParsePKIXPublicKey`. X25519 keys parse but cannot verify
    /// signatures, so they come back as nil.
    static func parsePKIX(_ bytes: ArraySlice<UInt8>) throws -> CryptoPublicKey? {
        let node = try CryptoDER.parse(bytes, failure: "x509: malformed public key")
        if let parsed = try parseSPKI(node) { return parsed.key }
        let identifier = CryptoDER.children(node).first.flatMap { CryptoDER.children($0).first }
        if let identifier, (try? CryptoDER.objectIdentifier(identifier, failure: "")) == [1, 3, 101, 110] { return nil }
        throw CryptoFailure("x509: unknown public key algorithm")
    }

    /// Parses a `SubjectPublicKeyInfo`. Returns nil for algorithms Go does not
    /// know (their key stays `null`), and the algorithm OID otherwise.
    static func parseSPKI(_ node: ASN1Node) throws -> (algorithm: [UInt], key: CryptoPublicKey)? {
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: "x509: malformed spki")
        guard fields.count == 2 else { throw CryptoFailure("x509: malformed spki") }
        let identifier = try CryptoDER.children(
            fields[0], expecting: .sequence, failure: "x509: malformed public key algorithm identifier")
        guard let first = identifier.first else {
            throw CryptoFailure("x509: malformed public key algorithm identifier")
        }
        let algorithm = try CryptoDER.objectIdentifier(first, failure: "x509: malformed public key algorithm identifier")
        let parameters = identifier.dropFirst().first
        let bits = try CryptoDER.bitString(fields[1], failure: "x509: malformed subjectPublicKey")
        let keyBytes = bits.bytes
        switch algorithm {
        case [1, 2, 840, 113549, 1, 1, 1]:
            guard let parameters, parameters.identifier == .null else {
                throw CryptoFailure("x509: RSA key missing NULL parameters")
            }
            return (algorithm, .rsa(try parseRSAPublicKey(keyBytes)))
        case [1, 2, 840, 10045, 2, 1]:
            guard let parameters, let oid = try? CryptoDER.objectIdentifier(parameters, failure: "") else {
                throw CryptoFailure("x509: invalid ECDSA parameters")
            }
            guard let curve = CryptoCurve(oid: oid) else { throw CryptoFailure("x509: unsupported elliptic curve") }
            return (algorithm, .ecdsa(try CryptoECPublicKey(curve: curve, point: Array(keyBytes))))
        case [1, 3, 101, 112]:
            guard parameters == nil else { throw CryptoFailure("x509: Ed25519 key encoded with illegal parameters") }
            guard keyBytes.count == 32 else { throw CryptoFailure("x509: wrong Ed25519 public key size") }
            return (algorithm, .ed25519(Array(keyBytes)))
        case [1, 2, 840, 10040, 4, 1]:
            return (algorithm, try parseDSA(parameters: parameters, key: keyBytes))
        default:
            return nil
        }
    }

    /// PKCS #1 `RSAPublicKey`.
    static func parseRSAPublicKey(_ bytes: ArraySlice<UInt8>) throws -> CryptoRSAPublicKey {
        let node = try CryptoDER.parse(bytes, failure: "x509: invalid RSA public key")
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: "x509: invalid RSA public key")
        guard fields.count == 2 else { throw CryptoFailure("x509: invalid RSA public key") }
        let n = try CryptoDER.integer(fields[0], failure: "x509: invalid RSA modulus")
        let e = try CryptoDER.integer(fields[1], failure: "x509: invalid RSA public exponent")
        guard n.sign == .plus, !n.isZero else { throw CryptoFailure("x509: RSA modulus is not a positive number") }
        guard e.sign == .plus, !e.isZero, e.magnitude.bitWidth <= 31 else {
            throw CryptoFailure("x509: RSA public exponent is not a positive number")
        }
        return CryptoRSAPublicKey(modulus: n.magnitude.cryptoBytes, exponent: e.magnitude.cryptoBytes)
    }

    private static func parseDSA(parameters: ASN1Node?, key: ArraySlice<UInt8>) throws -> CryptoPublicKey {
        let failure = "x509: invalid DSA parameters"
        guard let parameters else { throw CryptoFailure(failure) }
        let values = try CryptoDER.children(parameters, expecting: .sequence, failure: failure)
        guard values.count == 3 else { throw CryptoFailure(failure) }
        let y = try CryptoDER.integer(try CryptoDER.parse(key, failure: "x509: invalid DSA public key"), failure: "x509: invalid DSA public key")
        return .dsa(
            p: try CryptoDER.integer(values[0], failure: failure),
            q: try CryptoDER.integer(values[1], failure: failure),
            g: try CryptoDER.integer(values[2], failure: failure),
            y: y)
    }
}
