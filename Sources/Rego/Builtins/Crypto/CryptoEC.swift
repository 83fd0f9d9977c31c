import BigInt
import Crypto
import Foundation
import SwiftASN1

/// The NIST curves Go's `crypto/x509` and JOSE support.
enum CryptoCurve: String {
    case p256 = "P-256"
    case p384 = "P-384"
    case p521 = "P-521"

    init?(oid: [UInt]) {
        switch oid {
        case [1, 2, 840, 10045, 3, 1, 7]: self = .p256
        case [1, 3, 132, 0, 34]: self = .p384
        case [1, 3, 132, 0, 35]: self = .p521
        default: return nil
        }
    }

    /// Bytes in a coordinate or scalar.
    var byteSize: Int {
        switch self {
        case .p256: return 32
        case .p384: return 48
        case .p521: return 66
        }
    }
}

/// An ECDSA public key with coordinates padded to the curve size.
struct CryptoECPublicKey {
    var curve: CryptoCurve
    var x: [UInt8]
    var y: [UInt8]

    /// From an uncompressed SEC 1 point (`04 || X || Y`), checked to be on the curve.
    init(curve: CryptoCurve, point: [UInt8]) throws {
        let size = curve.byteSize
        guard point.count == 1 + 2 * size, point[0] == 4 else {
            throw CryptoFailure("x509: failed to unmarshal elliptic curve point")
        }
        do {
            switch curve {
            case .p256: _ = try P256.Signing.PublicKey(x963Representation: point)
            case .p384: _ = try P384.Signing.PublicKey(x963Representation: point)
            case .p521: _ = try P521.Signing.PublicKey(x963Representation: point)
            }
        } catch {
            throw CryptoFailure("x509: failed to unmarshal elliptic curve point")
        }
        self.curve = curve
        x = Array(point[1...size])
        y = Array(point[(size + 1)...])
    }

    init(curve: CryptoCurve, x: [UInt8], y: [UInt8]) throws {
        let size = curve.byteSize
        guard x.cryptoTrimmedLeadingZeros.count <= size, y.cryptoTrimmedLeadingZeros.count <= size else {
            throw CryptoFailure("invalid EC public key coordinates")
        }
        try self.init(
            curve: curve,
            point: [4] + x.cryptoTrimmedLeadingZeros.cryptoLeftPadded(to: size) + y.cryptoTrimmedLeadingZeros.cryptoLeftPadded(to: size)
        )
    }

    var point: [UInt8] { [4] + x + y }

    /// Verifies the signature `(r, s)` over `message` hashed with `hash`.
    func verify(r: [UInt8], s: [UInt8], message: [UInt8], hash: CryptoHash) -> Bool {
        guard let der = try? CryptoDER.serialize({ coder in
            coder.appendConstructedNode(identifier: .sequence) { inner in
                CryptoDER.appendUnsigned(r, to: &inner)
                CryptoDER.appendUnsigned(s, to: &inner)
            }
        }) else { return false }
        return verify(derSignature: der, message: message, hash: hash)
    }

    /// Verifies an ASN.1 `ECDSA-Sig-Value` over `message` hashed with `hash`.
    func verify(derSignature: [UInt8], message: [UInt8], hash: CryptoHash) -> Bool {
        switch curve {
        case .p256:
            guard let key = try? P256.Signing.PublicKey(x963Representation: point),
                let signature = try? P256.Signing.ECDSASignature(derRepresentation: derSignature)
            else { return false }
            return Self.check(hash, message) { key.isValidSignature(signature, for: $0) }
        case .p384:
            guard let key = try? P384.Signing.PublicKey(x963Representation: point),
                let signature = try? P384.Signing.ECDSASignature(derRepresentation: derSignature)
            else { return false }
            return Self.check(hash, message) { key.isValidSignature(signature, for: $0) }
        case .p521:
            guard let key = try? P521.Signing.PublicKey(x963Representation: point),
                let signature = try? P521.Signing.ECDSASignature(derRepresentation: derSignature)
            else { return false }
            return Self.check(hash, message) { key.isValidSignature(signature, for: $0) }
        }
    }

    private static func check(_ hash: CryptoHash, _ message: [UInt8], _ verify: (any Digest) -> Bool) -> Bool {
        switch hash {
        case .sha1: return verify(Insecure.SHA1.hash(data: message))
        case .sha256: return verify(SHA256.hash(data: message))
        case .sha384: return verify(SHA384.hash(data: message))
        case .sha512: return verify(SHA512.hash(data: message))
        }
    }
}

/// An ECDSA private key: the scalar padded to the curve size, and its public point.
struct CryptoECPrivateKey {
    var curve: CryptoCurve
    var scalar: [UInt8]
    var publicKey: CryptoECPublicKey

    init(curve: CryptoCurve, scalar: [UInt8]) throws {
        let trimmed = scalar.cryptoTrimmedLeadingZeros
        guard trimmed.count <= curve.byteSize else { throw CryptoFailure("x509: invalid private key length") }
        let raw = trimmed.cryptoLeftPadded(to: curve.byteSize)
        let point: [UInt8]
        do {
            switch curve {
            case .p256: point = Array(try P256.Signing.PrivateKey(rawRepresentation: raw).publicKey.x963Representation)
            case .p384: point = Array(try P384.Signing.PrivateKey(rawRepresentation: raw).publicKey.x963Representation)
            case .p521: point = Array(try P521.Signing.PrivateKey(rawRepresentation: raw).publicKey.x963Representation)
            }
        } catch {
            throw CryptoFailure("x509: invalid elliptic curve private key value")
        }
        self.curve = curve
        self.scalar = raw
        self.publicKey = try CryptoECPublicKey(curve: curve, point: point)
    }

    /// Parses SEC 1 `ECPrivateKey` DER; `curve` comes from PKCS #8 when wrapped.
    init(sec1 bytes: ArraySlice<UInt8>, curve knownCurve: CryptoCurve?) throws {
        let failure = "x509: failed to parse EC private key"
        let node = try CryptoDER.parse(bytes, failure: failure)
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: failure)
        guard fields.count >= 2 else { throw CryptoFailure(failure) }
        let version = try CryptoDER.smallInteger(fields[0], failure: failure)
        guard version == 1 else { throw CryptoFailure("x509: unknown EC private key version \(version)") }
        let scalar = try CryptoDER.octetString(fields[1], failure: failure)
        var curve = knownCurve
        if curve == nil {
            let tagged = fields.dropFirst(2).first { $0.identifier == CryptoDER.contextTag(0) }
            if let inner = tagged.flatMap({ CryptoDER.children($0).first }),
                let oid = try? CryptoDER.objectIdentifier(inner, failure: failure)
            {
                curve = CryptoCurve(oid: oid)
            }
        }
        guard let curve else { throw CryptoFailure("x509: unknown elliptic curve") }
        try self.init(curve: curve, scalar: scalar)
    }

    /// Signs `message`, returning the JOSE form `r || s` padded to the curve size.
    func sign(message: [UInt8], hash: CryptoHash) throws -> [UInt8] {
        switch curve {
        case .p256:
            let key = try P256.Signing.PrivateKey(rawRepresentation: scalar)
            return try Self.sign(hash, message) { Array(try key.signature(for: $0).rawRepresentation) }
        case .p384:
            let key = try P384.Signing.PrivateKey(rawRepresentation: scalar)
            return try Self.sign(hash, message) { Array(try key.signature(for: $0).rawRepresentation) }
        case .p521:
            let key = try P521.Signing.PrivateKey(rawRepresentation: scalar)
            return try Self.sign(hash, message) { Array(try key.signature(for: $0).rawRepresentation) }
        }
    }

    private static func sign(_ hash: CryptoHash, _ message: [UInt8], _ body: (any Digest) throws -> [UInt8]) throws -> [UInt8] {
        switch hash {
        case .sha1: return try body(Insecure.SHA1.hash(data: message))
        case .sha256: return try body(SHA256.hash(data: message))
        case .sha384: return try body(SHA384.hash(data: message))
        case .sha512: return try body(SHA512.hash(data: message))
        }
    }
}
