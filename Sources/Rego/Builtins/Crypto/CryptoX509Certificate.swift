import BigInt
import PalisadeCore
import SwiftASN1

/// An X.509 certificate parsed the way Go's `x509.ParseCertificate` does,
/// keeping every field Go exposes in its `x509.Certificate` struct.
struct CryptoCertificate {
    var raw: [UInt8] = []
    var rawTBS: [UInt8] = []
    var rawSubjectPublicKeyInfo: [UInt8] = []
    var rawSubject: [UInt8] = []
    var rawIssuer: [UInt8] = []
    var signature: [UInt8] = []
    var signatureAlgorithm = CryptoSignatureAlgorithm.unknown
    var publicKeyAlgorithm = 0
    var publicKey: CryptoPublicKey?
    var version = 0
    var serialNumber = BigInt(0)
    var issuer: CryptoName
    var subject: CryptoName
    var notBefore = CryptoTime(seconds: 0)
    var notAfter = CryptoTime(seconds: 0)
    var extensions: [CryptoExtension] = []
    var details = CryptoExtensionDetails()

    /// Parses the certificate at the start of `der`; `raw` tells how many
    /// bytes it used.
    init(der: ArraySlice<UInt8>) throws {
        guard let length = CryptoDER.elementLength(der), der.first == 0x30 else {
            throw CryptoFailure("x509: malformed certificate")
        }
        let element = der.prefix(length)
        let root = try CryptoDER.parse(element, failure: "x509: malformed certificate")
        let outer = try CryptoDER.children(root, expecting: .sequence, failure: "x509: malformed certificate")
        guard outer.count == 3 else { throw CryptoFailure("x509: malformed certificate") }
        raw = Array(element)
        rawTBS = Array(outer[0].encodedBytes)
        var tbs = try CryptoDER.children(outer[0], expecting: .sequence, failure: "x509: malformed tbs certificate")[...]

        version = 0
        if let first = tbs.first, first.identifier == CryptoDER.contextTag(0) {
            guard let inner = CryptoDER.children(first).first else { throw CryptoFailure("x509: malformed version") }
            version = try CryptoDER.smallInteger(inner, failure: "x509: malformed version")
            guard version >= 0 else { throw CryptoFailure("x509: malformed version") }
            tbs = tbs.dropFirst()
        }
        version += 1
        guard version <= 3 else { throw CryptoFailure("x509: invalid version") }

        guard tbs.count >= 6 else { throw CryptoFailure("x509: malformed tbs certificate") }
        serialNumber = try CryptoDER.integer(tbs.removeFirst(), failure: "x509: malformed serial number")
        // Go 1.23 and later reject negative serial numbers by default.
        guard serialNumber.sign == .plus || serialNumber.isZero else { throw CryptoFailure("x509: negative serial number") }
        let innerAlgorithm = tbs.removeFirst()
        guard innerAlgorithm.identifier == .sequence else {
            throw CryptoFailure("x509: malformed signature algorithm identifier")
        }
        guard outer[1].identifier == .sequence else { throw CryptoFailure("x509: malformed algorithm identifier") }
        guard innerAlgorithm.encodedBytes.elementsEqual(outer[1].encodedBytes) else {
            throw CryptoFailure("x509: inner and outer signature algorithm identifiers don't match")
        }
        signatureAlgorithm = try CryptoSignatureAlgorithm(identifier: innerAlgorithm)

        let issuerNode = tbs.removeFirst()
        rawIssuer = Array(issuerNode.encodedBytes)
        issuer = try CryptoName(issuerNode)
        (notBefore, notAfter) = try Self.validity(tbs.removeFirst())
        let subjectNode = tbs.removeFirst()
        guard subjectNode.identifier == .sequence else { throw CryptoFailure("x509: malformed issuer") }
        rawSubject = Array(subjectNode.encodedBytes)
        subject = try CryptoName(subjectNode)

        let spki = tbs.removeFirst()
        rawSubjectPublicKeyInfo = Array(spki.encodedBytes)
        if let parsed = try CryptoPublicKey.parseSPKI(spki) {
            publicKey = parsed.key
            publicKeyAlgorithm = parsed.key.goAlgorithm
        }

        if version == 3, let extensionsNode = tbs.first(where: { $0.identifier == CryptoDER.contextTag(3) }) {
            guard let list = CryptoDER.children(extensionsNode).first else { throw CryptoFailure("x509: malformed extensions") }
            var seen = Set<[UInt]>()
            for node in try CryptoDER.children(list, expecting: .sequence, failure: "x509: malformed extensions") {
                let parsed = try CryptoExtension(node)
                guard seen.insert(parsed.id).inserted else {
                    let dotted = parsed.id.map(String.init).joined(separator: ".")
                    throw CryptoFailure("x509: certificate contains duplicate extension with OID \"\(dotted)\"")
                }
                extensions.append(parsed)
            }
            details = try CryptoExtensionDetails(extensions)
        }

        let signatureBits = try CryptoDER.bitString(outer[2], failure: "x509: malformed signature")
        signature = Array(signatureBits.bytes)
    }

    /// Go's `x509.ParseCertificates`: concatenated DER certificates.
    static func parseAll(_ der: [UInt8]) throws -> [CryptoCertificate] {
        var certificates: [CryptoCertificate] = []
        var rest = der[...]
        while !rest.isEmpty {
            let certificate = try CryptoCertificate(der: rest)
            certificates.append(certificate)
            rest = rest.dropFirst(certificate.raw.count)
        }
        return certificates
    }

    private static func validity(_ node: ASN1Node) throws -> (CryptoTime, CryptoTime) {
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: "x509: malformed validity")
        guard fields.count == 2 else { throw CryptoFailure("x509: malformed validity") }
        return (try CryptoTime(fields[0]), try CryptoTime(fields[1]))
    }

    // MARK: JSON

    /// Go's `x509.Certificate` as JSON; OPA adds `URIStrings` for some builtins.
    func goJSON(withURIStrings: Bool) -> Value {
        var fields: [String: Value] = [
            "Raw": CryptoX509JSON.bytes(raw),
            "RawTBSCertificate": CryptoX509JSON.bytes(rawTBS),
            "RawSubjectPublicKeyInfo": CryptoX509JSON.bytes(rawSubjectPublicKeyInfo),
            "RawSubject": CryptoX509JSON.bytes(rawSubject),
            "RawIssuer": CryptoX509JSON.bytes(rawIssuer),
            "Signature": CryptoX509JSON.bytes(signature),
            "SignatureAlgorithm": .int(signatureAlgorithm.rawValue),
            "PublicKeyAlgorithm": .int(publicKeyAlgorithm),
            "PublicKey": publicKey?.goJSON ?? .null,
            "Version": .int(version),
            "SerialNumber": .number(Number(serialNumber)),
            "Issuer": issuer.goJSON,
            "Subject": subject.goJSON,
            "NotBefore": .string(notBefore.rfc3339),
            "NotAfter": .string(notAfter.rfc3339),
            "Extensions": extensions.isEmpty ? .null : .array(extensions.map(\.goJSON)),
            "ExtraExtensions": .null,
        ]
        fields.merge(details.goJSON) { current, _ in current }
        if withURIStrings {
            fields["URIStrings"] = details.uris.map { uris in .array(uris.map { .string($0) }) } ?? .null
        }
        return .object(fields: fields)
    }
}

/// Go's `x509.SignatureAlgorithm`, with the hash and key kind it implies.
enum CryptoSignatureAlgorithm: Int {
    case unknown = 0, md2WithRSA, md5WithRSA, sha1WithRSA, sha256WithRSA, sha384WithRSA, sha512WithRSA
    case dsaWithSHA1, dsaWithSHA256, ecdsaWithSHA1, ecdsaWithSHA256, ecdsaWithSHA384, ecdsaWithSHA512
    case sha256WithRSAPSS, sha384WithRSAPSS, sha512WithRSAPSS, pureEd25519

    init(identifier node: ASN1Node) throws {
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: "x509: malformed algorithm identifier")
        guard let first = fields.first else { throw CryptoFailure("x509: malformed algorithm identifier") }
        let oid = try CryptoDER.objectIdentifier(first, failure: "x509: malformed algorithm identifier")
        switch oid {
        case [1, 2, 840, 113549, 1, 1, 2]: self = .md2WithRSA
        case [1, 2, 840, 113549, 1, 1, 4]: self = .md5WithRSA
        case [1, 2, 840, 113549, 1, 1, 5], [1, 3, 14, 3, 2, 29]: self = .sha1WithRSA
        case [1, 2, 840, 113549, 1, 1, 11]: self = .sha256WithRSA
        case [1, 2, 840, 113549, 1, 1, 12]: self = .sha384WithRSA
        case [1, 2, 840, 113549, 1, 1, 13]: self = .sha512WithRSA
        case [1, 2, 840, 10040, 4, 3]: self = .dsaWithSHA1
        case [2, 16, 840, 1, 101, 3, 4, 3, 2]: self = .dsaWithSHA256
        case [1, 2, 840, 10045, 4, 1]: self = .ecdsaWithSHA1
        case [1, 2, 840, 10045, 4, 3, 2]: self = .ecdsaWithSHA256
        case [1, 2, 840, 10045, 4, 3, 3]: self = .ecdsaWithSHA384
        case [1, 2, 840, 10045, 4, 3, 4]: self = .ecdsaWithSHA512
        case [1, 3, 101, 112]: self = .pureEd25519
        case [1, 2, 840, 113549, 1, 1, 10]: self = Self.pss(fields.dropFirst().first)
        default: self = .unknown
        }
    }

    /// RSASSA-PSS parameters: the hash named in `hashAlgorithm` (Go also
    /// requires matching MGF1 and salt parameters; only the hash is read here).
    private static func pss(_ parameters: ASN1Node?) -> CryptoSignatureAlgorithm {
        guard let parameters, let hashField = CryptoDER.children(parameters).first,
            hashField.identifier == CryptoDER.contextTag(0),
            let identifier = CryptoDER.children(hashField).first,
            let oidNode = CryptoDER.children(identifier).first,
            let oid = try? CryptoDER.objectIdentifier(oidNode, failure: "")
        else { return .unknown }
        switch oid {
        case [2, 16, 840, 1, 101, 3, 4, 2, 1]: return .sha256WithRSAPSS
        case [2, 16, 840, 1, 101, 3, 4, 2, 2]: return .sha384WithRSAPSS
        case [2, 16, 840, 1, 101, 3, 4, 2, 3]: return .sha512WithRSAPSS
        default: return .unknown
        }
    }

    /// Whether Go's chain verification accepts it (no MD2, MD5, SHA-1 or DSA).
    var isSecure: Bool {
        switch self {
        case .sha256WithRSA, .sha384WithRSA, .sha512WithRSA, .ecdsaWithSHA256, .ecdsaWithSHA384, .ecdsaWithSHA512,
            .sha256WithRSAPSS, .sha384WithRSAPSS, .sha512WithRSAPSS, .pureEd25519:
            return true
        default:
            return false
        }
    }

    /// Checks `signature` over `message` with `key`.
    func verify(signature: [UInt8], message: [UInt8], key: CryptoPublicKey) -> Bool {
        switch (self, key) {
        case (.sha1WithRSA, .rsa(let rsa)): return rsa.verifyPKCS1(signature: signature, message: message, hash: .sha1)
        case (.sha256WithRSA, .rsa(let rsa)): return rsa.verifyPKCS1(signature: signature, message: message, hash: .sha256)
        case (.sha384WithRSA, .rsa(let rsa)): return rsa.verifyPKCS1(signature: signature, message: message, hash: .sha384)
        case (.sha512WithRSA, .rsa(let rsa)): return rsa.verifyPKCS1(signature: signature, message: message, hash: .sha512)
        case (.sha256WithRSAPSS, .rsa(let rsa)): return rsa.verifyPSS(signature: signature, message: message, hash: .sha256)
        case (.sha384WithRSAPSS, .rsa(let rsa)): return rsa.verifyPSS(signature: signature, message: message, hash: .sha384)
        case (.sha512WithRSAPSS, .rsa(let rsa)): return rsa.verifyPSS(signature: signature, message: message, hash: .sha512)
        case (.ecdsaWithSHA1, .ecdsa(let ec)): return ec.verify(derSignature: signature, message: message, hash: .sha1)
        case (.ecdsaWithSHA256, .ecdsa(let ec)): return ec.verify(derSignature: signature, message: message, hash: .sha256)
        case (.ecdsaWithSHA384, .ecdsa(let ec)): return ec.verify(derSignature: signature, message: message, hash: .sha384)
        case (.ecdsaWithSHA512, .ecdsa(let ec)): return ec.verify(derSignature: signature, message: message, hash: .sha512)
        case (.pureEd25519, .ed25519):
            return CryptoJWS.verify(algorithm: "EdDSA", key: key, message: message, signature: signature)
        default:
            return false
        }
    }
}

/// A UTCTime or GeneralizedTime, kept as Unix seconds.
struct CryptoTime {
    var seconds: Int64

    init(seconds: Int64) {
        self.seconds = seconds
    }

    /// Parses `YYMMDDHHMMSSZ` (UTCTime) or `YYYYMMDDHHMMSSZ` (GeneralizedTime).
    init(_ node: ASN1Node) throws {
        guard node.identifier.tagClass == .universal, let bytes = CryptoDER.primitive(node) else {
            throw CryptoFailure("x509: unsupported time format")
        }
        let text = Array(bytes)
        let isUTC = node.identifier.tagNumber == 23
        guard isUTC || node.identifier.tagNumber == 24 else { throw CryptoFailure("x509: unsupported time format") }
        let failure = CryptoFailure(isUTC ? "x509: malformed UTCTime" : "x509: malformed GeneralizedTime")
        let yearDigits = isUTC ? 2 : 4
        guard text.count == yearDigits + 11, text.last == 90,
            text.dropLast().allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { throw failure }
        func number(_ start: Int, _ count: Int) -> Int {
            text[start..<(start + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        var year = number(0, yearDigits)
        if isUTC { year += year < 50 ? 2000 : 1900 }
        let month = number(yearDigits, 2), day = number(yearDigits + 2, 2)
        let hour = number(yearDigits + 4, 2), minute = number(yearDigits + 6, 2), second = number(yearDigits + 8, 2)
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { throw failure }
        let days = Timestamp.days(year: Int64(year), month: Int64(month), day: Int64(day))
        seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Go's `time.Time` JSON form (RFC 3339, UTC).
    var rfc3339: String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let date = Timestamp.civil(fromDays: Int64(days))
        let (year, month, day) = (Int(date.0), Int(date.1), Int(date.2))
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Helpers for Go's JSON encoding of certificate fields.
enum CryptoX509JSON {
    /// `[]byte` is base64; nil is `null`.
    static func bytes(_ bytes: [UInt8]?) -> Value {
        bytes.map { .string(CryptoBase64.encode($0)) } ?? .null
    }

    /// `asn1.ObjectIdentifier` is an array of integers.
    static func oid(_ components: [UInt]) -> Value {
        .array(components.map { .number(Number(BigInt($0))) })
    }

    /// `x509.OID` marshals as dotted text.
    static func dotted(_ components: [UInt]) -> String {
        components.map(String.init).joined(separator: ".")
    }

    static func strings(_ values: [String]?) -> Value {
        values.map { .array($0.map { .string($0) }) } ?? .null
    }
}
