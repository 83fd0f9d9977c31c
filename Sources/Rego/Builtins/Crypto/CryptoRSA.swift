import BigInt
import Crypto
import Foundation
import SwiftASN1
import _CryptoExtras

/// The hash functions used by signatures.
enum CryptoHash {
    case sha1, sha256, sha384, sha512

    var length: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha1: return Array(Insecure.SHA1.hash(data: bytes))
        case .sha256: return Array(SHA256.hash(data: bytes))
        case .sha384: return Array(SHA384.hash(data: bytes))
        case .sha512: return Array(SHA512.hash(data: bytes))
        }
    }
}

/// An RSA public key as its modulus and exponent (unsigned big-endian).
struct CryptoRSAPublicKey {
    var modulus: [UInt8]
    var exponent: [UInt8]

    /// PKCS #1 `RSAPublicKey` DER.
    var pkcs1DER: [UInt8] {
        (try? CryptoDER.serialize { coder in
            coder.appendConstructedNode(identifier: .sequence) { inner in
                CryptoDER.appendUnsigned(modulus, to: &inner)
                CryptoDER.appendUnsigned(exponent, to: &inner)
            }
        }) ?? []
    }

    /// RSASSA-PKCS1-v1_5 verification of `message` hashed with `hash`.
    func verifyPKCS1(signature: [UInt8], message: [UInt8], hash: CryptoHash) -> Bool {
        guard let key = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: pkcs1DER) else { return false }
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
        let padding = _RSA.Signing.Padding.insecurePKCS1v1_5
        switch hash {
        case .sha1: return key.isValidSignature(rsaSignature, for: Insecure.SHA1.hash(data: message), padding: padding)
        case .sha256: return key.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: padding)
        case .sha384: return key.isValidSignature(rsaSignature, for: SHA384.hash(data: message), padding: padding)
        case .sha512: return key.isValidSignature(rsaSignature, for: SHA512.hash(data: message), padding: padding)
        }
    }

    /// RSASSA-PSS verification with MGF1 and the salt length detected from
    /// the signature (Go's `PSSSaltLengthAuto`), which BoringSSL's fixed-salt
    /// API cannot express.
    func verifyPSS(signature: [UInt8], message: [UInt8], hash: CryptoHash) -> Bool {
        let n = BigUInt(Data(modulus))
        let e = BigUInt(Data(exponent))
        let k = (n.bitWidth + 7) / 8
        // Go refuses keys under 1024 bits; the upper bounds keep hostile keys cheap.
        guard n.bitWidth >= 1024, n.bitWidth <= 16384, e > 0, e.bitWidth <= 64, signature.count == k else { return false }
        let s = BigUInt(Data(signature))
        guard s < n else { return false }
        let emBits = n.bitWidth - 1
        let emLength = (emBits + 7) / 8
        let m = s.power(e, modulus: n)
        guard m.bitWidth <= emBits else { return false }
        let em = m.cryptoBytes.cryptoLeftPadded(to: emLength)
        let mHash = hash.digest(message)
        let hLen = hash.length
        guard emLength >= hLen + 2, em.last == 0xbc else { return false }
        let maskedDB = Array(em[0..<(emLength - hLen - 1)])
        let h = Array(em[(emLength - hLen - 1)..<(emLength - 1)])
        let unusedBits = 8 * emLength - emBits
        let topMask: UInt8 = unusedBits == 0 ? 0 : ~(0xff >> UInt8(unusedBits))
        guard maskedDB[0] & topMask == 0 else { return false }
        var db = zip(maskedDB, Self.mgf1(seed: h, length: maskedDB.count, hash: hash)).map { $0 ^ $1 }
        db[0] &= ~topMask
        guard let separator = db.firstIndex(where: { $0 != 0 }), db[separator] == 0x01 else { return false }
        let salt = db[(separator + 1)...]
        let mPrime = [UInt8](repeating: 0, count: 8) + mHash + salt
        return cryptoConstantTimeEquals(hash.digest(mPrime), h)
    }

    private static func mgf1(seed: [UInt8], length: Int, hash: CryptoHash) -> [UInt8] {
        var output: [UInt8] = []
        var counter: UInt32 = 0
        while output.count < length {
            let c = [UInt8(counter >> 24 & 0xff), UInt8(counter >> 16 & 0xff), UInt8(counter >> 8 & 0xff), UInt8(counter & 0xff)]
            output += hash.digest(seed + c)
            counter += 1
        }
        return Array(output.prefix(length))
    }
}

/// An RSA private key with its CRT parameters (unsigned big-endian).
struct CryptoRSAPrivateKey {
    var modulus: [UInt8]
    var publicExponent: [UInt8]
    var privateExponent: [UInt8]
    var prime1: [UInt8]
    var prime2: [UInt8]
    var exponent1: [UInt8]
    var exponent2: [UInt8]
    var coefficient: [UInt8]

    var publicKey: CryptoRSAPublicKey { CryptoRSAPublicKey(modulus: modulus, exponent: publicExponent) }

    /// Parses PKCS #1 `RSAPrivateKey` DER (two primes only, as Go requires for
    /// its JSON form to match).
    init(pkcs1 bytes: ArraySlice<UInt8>) throws {
        let failure = "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)"
        let node = try CryptoDER.parse(bytes, failure: failure)
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: failure)
        guard fields.count >= 9 else { throw CryptoFailure(failure) }
        guard try CryptoDER.smallInteger(fields[0], failure: failure) <= 1 else {
            throw CryptoFailure("x509: unsupported private key version")
        }
        let numbers = try fields[1...8].map { try CryptoDER.unsignedBytes($0, failure: failure) }
        modulus = numbers[0]
        publicExponent = numbers[1]
        privateExponent = numbers[2]
        prime1 = numbers[3]
        prime2 = numbers[4]
        exponent1 = numbers[5]
        exponent2 = numbers[6]
        coefficient = numbers[7]
        guard !modulus.isEmpty, !publicExponent.isEmpty, !prime1.isEmpty, !prime2.isEmpty else {
            throw CryptoFailure("x509: private key contains zero or negative value")
        }
    }

    /// Builds a key from JWK numbers, deriving missing CRT values.
    init(n: [UInt8], e: [UInt8], d: [UInt8], p: [UInt8], q: [UInt8], dp: [UInt8]?, dq: [UInt8]?, qi: [UInt8]?) throws {
        let bigD = BigUInt(Data(d)), bigP = BigUInt(Data(p)), bigQ = BigUInt(Data(q))
        guard bigP > 1, bigQ > 1 else { throw CryptoFailure("failed to create RSA private key: invalid primes") }
        modulus = n
        publicExponent = e
        privateExponent = d
        prime1 = p
        prime2 = q
        exponent1 = dp ?? (bigD % (bigP - 1)).cryptoBytes
        exponent2 = dq ?? (bigD % (bigQ - 1)).cryptoBytes
        guard let inverse = qi ?? bigQ.inverse(bigP)?.cryptoBytes else {
            throw CryptoFailure("failed to create RSA private key: invalid primes")
        }
        coefficient = inverse
    }

    var pkcs1DER: [UInt8] {
        (try? CryptoDER.serialize { coder in
            coder.appendConstructedNode(identifier: .sequence) { inner in
                CryptoDER.appendUnsigned([0], to: &inner)
                for number in [modulus, publicExponent, privateExponent, prime1, prime2, exponent1, exponent2, coefficient] {
                    CryptoDER.appendUnsigned(number, to: &inner)
                }
            }
        }) ?? []
    }

    /// Signs with RSASSA-PKCS1-v1_5 or RSASSA-PSS (salt length = hash length, as jwx does).
    func sign(message: [UInt8], hash: CryptoHash, pss: Bool) throws -> [UInt8] {
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(unsafeDERRepresentation: pkcs1DER)
        } catch {
            throw CryptoFailure("failed to sign payload: invalid RSA private key")
        }
        let padding: _RSA.Signing.Padding = pss ? .PSS : .insecurePKCS1v1_5
        let signature: _RSA.Signing.RSASignature
        switch hash {
        case .sha1: signature = try key.signature(for: Insecure.SHA1.hash(data: message), padding: padding)
        case .sha256: signature = try key.signature(for: SHA256.hash(data: message), padding: padding)
        case .sha384: signature = try key.signature(for: SHA384.hash(data: message), padding: padding)
        case .sha512: signature = try key.signature(for: SHA512.hash(data: message), padding: padding)
        }
        return Array(signature.rawRepresentation)
    }
}
