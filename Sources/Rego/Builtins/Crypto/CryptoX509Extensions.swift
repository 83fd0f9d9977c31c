import PalisadeCore
import SwiftASN1

/// One certificate extension (Go's `pkix.Extension`).
struct CryptoExtension {
    var id: [UInt]
    var critical: Bool
    var value: [UInt8]

    init(_ node: ASN1Node) throws {
        let failure = "x509: malformed extension"
        let fields = try CryptoDER.children(node, expecting: .sequence, failure: failure)
        guard fields.count == 2 || fields.count == 3 else { throw CryptoFailure(failure) }
        id = try CryptoDER.objectIdentifier(fields[0], failure: "x509: malformed extension OID field")
        critical = fields.count == 3 ? try CryptoDER.boolean(fields[1], failure: "x509: malformed extension critical field") : false
        value = try CryptoDER.octetString(fields[fields.count - 1], failure: "x509: malformed extension value field")
    }

    var goJSON: Value {
        .object(fields: ["Id": CryptoX509JSON.oid(id), "Critical": .bool(critical), "Value": CryptoX509JSON.bytes(value)])
    }
}

/// The certificate fields Go fills in from extensions (`processExtensions`).
struct CryptoExtensionDetails {
    var keyUsage = 0
    var extKeyUsage: [Int]?
    var unknownExtKeyUsage: [[UInt]]?
    var basicConstraintsValid = false
    var isCA = false
    var maxPathLen = 0
    var maxPathLenZero = false
    var subjectKeyId: [UInt8]?
    var authorityKeyId: [UInt8]?
    var ocspServer: [String]?
    var issuingCertificateURL: [String]?
    var dnsNames: [String]?
    var emailAddresses: [String]?
    var ipAddresses: [[UInt8]]?
    var uris: [String]?
    var permittedDNSDomainsCritical = false
    var permitted = CryptoNameConstraints()
    var excluded = CryptoNameConstraints()
    var crlDistributionPoints: [String]?
    var policies: [[UInt]]?
    var policyMappings: [(issuer: [UInt], subject: [UInt])]?
    var inhibitAnyPolicy: Int?
    var requireExplicitPolicy: Int?
    var inhibitPolicyMapping: Int?
    var unhandledCriticalExtensions: [[UInt]]?

    init() {}

    init(_ extensions: [CryptoExtension]) throws {
        for ext in extensions {
            var unhandled = false
            if ext.id.count == 4, ext.id.starts(with: [2, 5, 29]) {
                unhandled = try apply(ext, kind: ext.id[3])
            } else if ext.id == [1, 3, 6, 1, 5, 5, 7, 1, 1] {
                try applyAuthorityInfoAccess(ext)
            } else {
                unhandled = true
            }
            if ext.critical && unhandled {
                unhandledCriticalExtensions = (unhandledCriticalExtensions ?? []) + [ext.id]
            }
        }
    }

    /// Applies a `2.5.29.kind` extension; returns true when Go leaves it unhandled.
    private mutating func apply(_ ext: CryptoExtension, kind: UInt) throws -> Bool {
        let value = ext.value[...]
        switch kind {
        case 15:
            let bits = try CryptoDER.bitString(try CryptoDER.parse(value, failure: "x509: invalid key usage"), failure: "x509: invalid key usage")
            keyUsage = 0
            for i in 0..<9 where i / 8 < bits.bytes.count {
                if bits.bytes[bits.bytes.startIndex + i / 8] & (0x80 >> UInt8(i % 8)) != 0 { keyUsage |= 1 << i }
            }
        case 19:
            let failure = "x509: invalid basic constraints"
            let fields = try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure)
            var rest = fields[...]
            isCA = false
            if let first = rest.first, first.identifier == .boolean {
                isCA = try CryptoDER.boolean(first, failure: failure)
                rest = rest.dropFirst()
            }
            maxPathLen = -1
            if let first = rest.first { maxPathLen = try CryptoDER.smallInteger(first, failure: failure) }
            basicConstraintsValid = true
            maxPathLenZero = maxPathLen == 0
        case 17:
            try applySubjectAltNames(value)
            return dnsNames == nil && emailAddresses == nil && ipAddresses == nil && uris == nil
        case 30:
            permittedDNSDomainsCritical = ext.critical
            return try applyNameConstraints(value)
        case 31:
            try applyCRLDistributionPoints(value)
        case 35:
            let failure = "x509: invalid authority key identifier"
            let fields = try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure)
            if let first = fields.first, first.identifier == CryptoDER.contextTag(0) {
                guard let bytes = CryptoDER.primitive(first) else { throw CryptoFailure(failure) }
                authorityKeyId = Array(bytes)
            }
        case 37:
            try applyExtendedKeyUsage(value)
        case 14:
            guard !ext.critical else { throw CryptoFailure("x509: subject key identifier incorrectly marked critical") }
            let failure = "x509: invalid subject key identifier"
            subjectKeyId = try CryptoDER.octetString(try CryptoDER.parse(value, failure: failure), failure: failure)
        case 32:
            let failure = "x509: invalid certificate policies"
            var oids: [[UInt]] = []
            for policy in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
                guard let first = try CryptoDER.children(policy, expecting: .sequence, failure: failure).first else {
                    throw CryptoFailure(failure)
                }
                let oid = try CryptoDER.objectIdentifier(first, failure: failure)
                guard !oids.contains(oid) else { throw CryptoFailure(failure) }
                oids.append(oid)
            }
            policies = oids
        case 33:
            let failure = "x509: invalid policy mappings extension"
            var mappings: [(issuer: [UInt], subject: [UInt])] = []
            for mapping in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
                let pair = try CryptoDER.children(mapping, expecting: .sequence, failure: failure)
                guard pair.count == 2 else { throw CryptoFailure(failure) }
                mappings.append(
                    (try CryptoDER.objectIdentifier(pair[0], failure: failure), try CryptoDER.objectIdentifier(pair[1], failure: failure)))
            }
            policyMappings = mappings
        case 36:
            let failure = "x509: invalid policy constraints extension"
            for field in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
                guard field.identifier.tagClass == .contextSpecific, let bytes = CryptoDER.primitive(field), !bytes.isEmpty,
                    let number = Int(exactly: CryptoDER.signedInteger(bytes))
                else { throw CryptoFailure(failure) }
                switch field.identifier.tagNumber {
                case 0: requireExplicitPolicy = number
                case 1: inhibitPolicyMapping = number
                default: throw CryptoFailure(failure)
                }
            }
        case 54:
            let failure = "x509: invalid inhibit any policy extension"
            inhibitAnyPolicy = try CryptoDER.smallInteger(try CryptoDER.parse(value, failure: failure), failure: failure)
        default:
            return true
        }
        return false
    }

    private mutating func applySubjectAltNames(_ value: ArraySlice<UInt8>) throws {
        let failure = "x509: invalid subject alternative names"
        for name in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
            guard name.identifier.tagClass == .contextSpecific, let bytes = CryptoDER.primitive(name) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            switch name.identifier.tagNumber {
            case 1:
                guard bytes.allSatisfy({ $0 < 0x80 }) else { throw CryptoFailure("x509: SAN rfc822Name is malformed") }
                emailAddresses = (emailAddresses ?? []) + [text]
            case 2:
                guard bytes.allSatisfy({ $0 < 0x80 }) else { throw CryptoFailure("x509: SAN dNSName is malformed") }
                dnsNames = (dnsNames ?? []) + [text]
            case 6:
                guard bytes.allSatisfy({ $0 < 0x80 }) else {
                    throw CryptoFailure("x509: SAN uniformResourceIdentifier is malformed")
                }
                uris = (uris ?? []) + [text]
            case 7:
                guard bytes.count == 4 || bytes.count == 16 else {
                    throw CryptoFailure("x509: cannot parse IP address of length \(bytes.count)")
                }
                ipAddresses = (ipAddresses ?? []) + [Array(bytes)]
            default:
                continue
            }
        }
    }

    private mutating func applyNameConstraints(_ value: ArraySlice<UInt8>) throws -> Bool {
        let failure = "x509: invalid NameConstraints extension"
        var unhandled = false
        for subtrees in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
            guard subtrees.identifier.tagClass == .contextSpecific, subtrees.identifier.tagNumber <= 1 else {
                throw CryptoFailure(failure)
            }
            var constraints = CryptoNameConstraints()
            for subtree in CryptoDER.children(subtrees) {
                guard let base = try CryptoDER.children(subtree, expecting: .sequence, failure: failure).first else {
                    throw CryptoFailure(failure)
                }
                if !constraints.add(base) { unhandled = true }
            }
            if subtrees.identifier.tagNumber == 0 { permitted = constraints } else { excluded = constraints }
        }
        return unhandled
    }

    private mutating func applyCRLDistributionPoints(_ value: ArraySlice<UInt8>) throws {
        let failure = "x509: invalid CRL distribution points"
        for point in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
            let fields = try CryptoDER.children(point, expecting: .sequence, failure: "x509: invalid CRL distribution point")
            guard let name = fields.first, name.identifier == CryptoDER.contextTag(0),
                let fullName = CryptoDER.children(name).first, fullName.identifier == CryptoDER.contextTag(0)
            else { continue }
            for general in CryptoDER.children(fullName) {
                guard general.identifier == CryptoDER.contextTag(6), let bytes = CryptoDER.primitive(general) else { break }
                crlDistributionPoints = (crlDistributionPoints ?? []) + [String(decoding: bytes, as: UTF8.self)]
            }
        }
    }

    private mutating func applyExtendedKeyUsage(_ value: ArraySlice<UInt8>) throws {
        let failure = "x509: invalid extended key usages"
        for node in try CryptoDER.children(try CryptoDER.parse(value, failure: failure), expecting: .sequence, failure: failure) {
            let oid = try CryptoDER.objectIdentifier(node, failure: failure)
            if let usage = CryptoExtKeyUsage.byOID[oid] {
                extKeyUsage = (extKeyUsage ?? []) + [usage]
            } else {
                unknownExtKeyUsage = (unknownExtKeyUsage ?? []) + [oid]
            }
        }
    }

    private mutating func applyAuthorityInfoAccess(_ ext: CryptoExtension) throws {
        guard !ext.critical else { throw CryptoFailure("x509: authority info access incorrectly marked critical") }
        let failure = "x509: invalid authority info access"
        for access in try CryptoDER.children(try CryptoDER.parse(ext.value[...], failure: failure), expecting: .sequence, failure: failure) {
            let fields = try CryptoDER.children(access, expecting: .sequence, failure: failure)
            guard fields.count == 2 else { throw CryptoFailure(failure) }
            let method = try CryptoDER.objectIdentifier(fields[0], failure: failure)
            guard fields[1].identifier == CryptoDER.contextTag(6), let bytes = CryptoDER.primitive(fields[1]) else { continue }
            let location = String(decoding: bytes, as: UTF8.self)
            if method == [1, 3, 6, 1, 5, 5, 7, 48, 1] {
                ocspServer = (ocspServer ?? []) + [location]
            } else if method == [1, 3, 6, 1, 5, 5, 7, 48, 2] {
                issuingCertificateURL = (issuingCertificateURL ?? []) + [location]
            }
        }
    }

    var goJSON: [String: Value] {
        [
            "KeyUsage": .int(keyUsage),
            "UnhandledCriticalExtensions": unhandledCriticalExtensions.map { .array($0.map(CryptoX509JSON.oid)) } ?? .null,
            "ExtKeyUsage": extKeyUsage.map { .array($0.map { .int($0) }) } ?? .null,
            "UnknownExtKeyUsage": unknownExtKeyUsage.map { .array($0.map(CryptoX509JSON.oid)) } ?? .null,
            "BasicConstraintsValid": .bool(basicConstraintsValid),
            "IsCA": .bool(isCA),
            "MaxPathLen": .int(maxPathLen),
            "MaxPathLenZero": .bool(maxPathLenZero),
            "SubjectKeyId": CryptoX509JSON.bytes(subjectKeyId),
            "AuthorityKeyId": CryptoX509JSON.bytes(authorityKeyId),
            "OCSPServer": CryptoX509JSON.strings(ocspServer),
            "IssuingCertificateURL": CryptoX509JSON.strings(issuingCertificateURL),
            "DNSNames": CryptoX509JSON.strings(dnsNames),
            "EmailAddresses": CryptoX509JSON.strings(emailAddresses),
            "IPAddresses": ipAddresses.map { .array($0.map { .string(CryptoIP.format($0)) }) } ?? .null,
            "URIs": uris.map { .array($0.map(CryptoURL.goJSON)) } ?? .null,
            "PermittedDNSDomainsCritical": .bool(permittedDNSDomainsCritical),
            "PermittedDNSDomains": CryptoX509JSON.strings(permitted.dnsDomains),
            "ExcludedDNSDomains": CryptoX509JSON.strings(excluded.dnsDomains),
            "PermittedIPRanges": permitted.ipRangesJSON,
            "ExcludedIPRanges": excluded.ipRangesJSON,
            "PermittedEmailAddresses": CryptoX509JSON.strings(permitted.emailAddresses),
            "ExcludedEmailAddresses": CryptoX509JSON.strings(excluded.emailAddresses),
            "PermittedURIDomains": CryptoX509JSON.strings(permitted.uriDomains),
            "ExcludedURIDomains": CryptoX509JSON.strings(excluded.uriDomains),
            "CRLDistributionPoints": CryptoX509JSON.strings(crlDistributionPoints),
            "PolicyIdentifiers": policies.map { .array($0.map(CryptoX509JSON.oid)) } ?? .null,
            "Policies": policies.map { .array($0.map { .string(CryptoX509JSON.dotted($0)) }) } ?? .null,
            "InhibitAnyPolicy": .int(inhibitAnyPolicy ?? 0),
            "InhibitAnyPolicyZero": .bool(inhibitAnyPolicy == 0),
            "InhibitPolicyMapping": .int(inhibitPolicyMapping ?? 0),
            "InhibitPolicyMappingZero": .bool(inhibitPolicyMapping == 0),
            "RequireExplicitPolicy": .int(requireExplicitPolicy ?? 0),
            "RequireExplicitPolicyZero": .bool(requireExplicitPolicy == 0),
            "PolicyMappings": policyMappings.map { mappings in
                .array(
                    mappings.map {
                        .object(fields: [
                            "IssuerDomainPolicy": .string(CryptoX509JSON.dotted($0.issuer)),
                            "SubjectDomainPolicy": .string(CryptoX509JSON.dotted($0.subject)),
                        ])
                    })
            } ?? .null,
        ]
    }
}

/// Permitted or excluded subtrees of a name constraints extension.
struct CryptoNameConstraints {
    var dnsDomains: [String]?
    var ipRanges: [(ip: [UInt8], mask: [UInt8])]?
    var emailAddresses: [String]?
    var uriDomains: [String]?

    /// Adds one GeneralName; returns false for name types Go does not handle.
    mutating func add(_ base: ASN1Node) -> Bool {
        guard base.identifier.tagClass == .contextSpecific, let bytes = CryptoDER.primitive(base) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        switch base.identifier.tagNumber {
        case 1: emailAddresses = (emailAddresses ?? []) + [text]
        case 2: dnsDomains = (dnsDomains ?? []) + [text]
        case 6: uriDomains = (uriDomains ?? []) + [text]
        case 7:
            guard bytes.count == 8 || bytes.count == 32 else { return false }
            let half = bytes.count / 2
            ipRanges = (ipRanges ?? []) + [(Array(bytes.prefix(half)), Array(bytes.suffix(half)))]
        default: return false
        }
        return true
    }

    var ipRangesJSON: Value {
        guard let ipRanges else { return .null }
        return .array(ipRanges.map { .object(fields: ["IP": .string(CryptoIP.format($0.ip)), "Mask": CryptoX509JSON.bytes($0.mask)]) })
    }
}

/// Go's `x509.ExtKeyUsage` numbers.
enum CryptoExtKeyUsage {
    static let byOID: [[UInt]: Int] = [
        [2, 5, 29, 37, 0]: 0,
        [1, 3, 6, 1, 5, 5, 7, 3, 1]: 1,
        [1, 3, 6, 1, 5, 5, 7, 3, 2]: 2,
        [1, 3, 6, 1, 5, 5, 7, 3, 3]: 3,
        [1, 3, 6, 1, 5, 5, 7, 3, 4]: 4,
        [1, 3, 6, 1, 5, 5, 7, 3, 5]: 5,
        [1, 3, 6, 1, 5, 5, 7, 3, 6]: 6,
        [1, 3, 6, 1, 5, 5, 7, 3, 7]: 7,
        [1, 3, 6, 1, 5, 5, 7, 3, 8]: 8,
        [1, 3, 6, 1, 5, 5, 7, 3, 9]: 9,
        [1, 3, 6, 1, 4, 1, 311, 10, 3, 3]: 10,
        [2, 16, 840, 1, 113730, 4, 1]: 11,
        [1, 3, 6, 1, 4, 1, 311, 2, 1, 22]: 12,
        [1, 3, 6, 1, 4, 1, 311, 61, 1, 1]: 13,
    ]

    /// The names OPA accepts in `KeyUsages` verification options.
    static let byName: [String: Int] = [
        "KeyUsageAny": 0, "KeyUsageServerAuth": 1, "KeyUsageClientAuth": 2, "KeyUsageCodeSigning": 3,
        "KeyUsageEmailProtection": 4, "KeyUsageIPSECEndSystem": 5, "KeyUsageIPSECTunnel": 6,
        "KeyUsageIPSECUser": 7, "KeyUsageTimeStamping": 8, "KeyUsageOCSPSigning": 9,
        "KeyUsageMicrosoftServerGatedCrypto": 10, "KeyUsageNetscapeServerGatedCrypto": 11,
        "KeyUsageMicrosoftCommercialCodeSigning": 12, "KeyUsageMicrosoftKernelCodeSigning": 13,
    ]
}
