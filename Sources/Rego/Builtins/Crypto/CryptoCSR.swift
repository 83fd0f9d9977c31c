import BigInt
import PalisadeCore
import SwiftASN1

/// A PKCS #10 certificate signing request, shaped as Go's `x509.CertificateRequest`.
struct CryptoCertificateRequest {
    private var fields: [String: Value] = [:]

    init(der: [UInt8]) throws {
        try Self.checkTopLevel(der)
        let structure = CryptoFailure("asn1: structure error: malformed certificate request")
        let root = try CryptoDER.parse(der[...], failure: structure.message)
        let outer = try CryptoDER.children(root, expecting: .sequence, failure: structure.message)
        guard outer.count == 3 else { throw structure }
        let info = try CryptoDER.children(outer[0], expecting: .sequence, failure: structure.message)
        guard info.count >= 3 else { throw structure }
        let version = try CryptoDER.smallInteger(info[0], failure: structure.message)
        let subject = try CryptoName(info[1])
        let parsedKey = try CryptoPublicKey.parseSPKI(info[2])
        let signature = try CryptoDER.bitString(outer[2], failure: structure.message)
        let attributeNodes = info.count > 3 && info[3].identifier == CryptoDER.contextTag(0) ? CryptoDER.children(info[3]) : []
        let extensions = try Self.extensions(attributeNodes)
        let details = try CryptoExtensionDetails(extensions.filter { $0.id == [2, 5, 29, 17] })
        let attributes = attributeNodes.compactMap(Self.attribute)

        fields = [
            "Raw": CryptoX509JSON.bytes(der),
            "RawTBSCertificateRequest": CryptoX509JSON.bytes(Array(outer[0].encodedBytes)),
            "RawSubjectPublicKeyInfo": CryptoX509JSON.bytes(Array(info[2].encodedBytes)),
            "RawSubject": CryptoX509JSON.bytes(Array(info[1].encodedBytes)),
            "Version": .int(version),
            "Signature": CryptoX509JSON.bytes(Array(signature.bytes)),
            "SignatureAlgorithm": .int(try CryptoSignatureAlgorithm(identifier: outer[1]).rawValue),
            "PublicKeyAlgorithm": .int(parsedKey?.key.goAlgorithm ?? 0),
            "PublicKey": parsedKey?.key.goJSON ?? .null,
            "Subject": subject.goJSON,
            "Attributes": attributes.isEmpty ? .null : .array(attributes),
            "Extensions": extensions.isEmpty ? .null : .array(extensions.map(\.goJSON)),
            "ExtraExtensions": .null,
        ]
        let names = details.goJSON
        for name in ["DNSNames", "EmailAddresses", "IPAddresses", "URIs"] { fields[name] = names[name] }
    }

    var goJSON: Value { .object(fields: fields) }

    /// Go's `encoding/asn1` reports a wrong outer tag with this exact text.
    private static func checkTopLevel(_ der: [UInt8]) throws {
        guard der.count >= 2 else { throw CryptoFailure("asn1: syntax error: truncated tag or length") }
        let first = der[0]
        guard first != 0x30 else {
            if CryptoDER.elementLength(der[...]) == nil { throw CryptoFailure("asn1: syntax error: data truncated") }
            if CryptoDER.elementLength(der[...]) != der.count { throw CryptoFailure("asn1: syntax error: trailing data") }
            return
        }
        guard first & 0x1f != 0x1f else { throw CryptoFailure("asn1: structure error: tags don't match") }
        var offset = 2
        var length = Int(der[1])
        if der[1] & 0x80 != 0 {
            let count = Int(der[1] & 0x7f)
            guard count > 0, count <= 4, der.count >= 2 + count else {
                throw CryptoFailure("asn1: syntax error: truncated tag or length")
            }
            length = der[2..<(2 + count)].reduce(0) { $0 << 8 | Int($1) }
            offset += count
        }
        let tag = "{class:\(first >> 6) tag:\(first & 0x1f) length:\(length) isCompound:\(first & 0x20 != 0)}"
        let parameters =
            "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}"
        throw CryptoFailure("asn1: structure error: tags don't match (16 vs \(tag)) \(parameters) certificateRequest @\(offset)")
    }

    /// The extensions requested in `extensionRequest` attributes.
    private static func extensions(_ attributes: [ASN1Node]) throws -> [CryptoExtension] {
        var result: [CryptoExtension] = []
        for attribute in attributes {
            let parts = CryptoDER.children(attribute)
            guard parts.count == 2, (try? CryptoDER.objectIdentifier(parts[0], failure: "")) == [1, 2, 840, 113549, 1, 9, 14],
                let list = CryptoDER.children(parts[1]).first
            else { continue }
            for node in try CryptoDER.children(list, expecting: .sequence, failure: "x509: malformed extensions") {
                result.append(try CryptoExtension(node))
            }
        }
        return result
    }

    /// One attribute as Go's `pkix.AttributeTypeAndValueSET`, or nil when Go
    /// cannot unmarshal it into that shape (and skips it).
    private static func attribute(_ node: ASN1Node) -> Value? {
        let parts = CryptoDER.children(node)
        guard parts.count == 2, let type = try? CryptoDER.objectIdentifier(parts[0], failure: ""), parts[1].identifier == .set else {
            return nil
        }
        var sets: [Value] = []
        for sequence in CryptoDER.children(parts[1]) {
            guard sequence.identifier == .sequence else { return nil }
            var pairs: [Value] = []
            for pair in CryptoDER.children(sequence) {
                let items = CryptoDER.children(pair)
                guard pair.identifier == .sequence, items.count >= 2,
                    let pairType = try? CryptoDER.objectIdentifier(items[0], failure: ""),
                    let value = anyValue(items[1])
                else { return nil }
                pairs.append(.object(fields: ["Type": CryptoX509JSON.oid(pairType), "Value": value]))
            }
            sets.append(.array(pairs))
        }
        return .object(fields: ["Type": CryptoX509JSON.oid(type), "Value": .array(sets)])
    }

    /// A value decoded into Go's `any` by `encoding/asn1`.
    private static func anyValue(_ node: ASN1Node) -> Value? {
        guard node.identifier.tagClass == .universal, let bytes = CryptoDER.primitive(node) else { return nil }
        switch node.identifier.tagNumber {
        case 1: return .bool(bytes.first != 0)
        case 2: return .number(Number(CryptoDER.signedInteger(bytes)))
        case 4: return CryptoX509JSON.bytes(Array(bytes))
        case 12, 19, 22, 20, 18: return .string(String(decoding: bytes, as: UTF8.self))
        default: return nil
        }
    }
}
