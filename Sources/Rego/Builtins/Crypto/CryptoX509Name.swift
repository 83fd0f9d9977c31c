import PalisadeCore
import SwiftASN1

/// A distinguished name as Go's `pkix.Name` holds it.
struct CryptoName {
    struct Attribute {
        var type: [UInt]
        var value: String
    }

    var attributes: [Attribute] = []

    /// Parses an RDNSequence. Values must be string types, as in Go.
    init(_ node: ASN1Node) throws {
        let failure = "x509: invalid RDNSequence"
        for set in try CryptoDER.children(node, expecting: .sequence, failure: failure) {
            for pair in try CryptoDER.children(set, expecting: .set, failure: failure) {
                let fields = try CryptoDER.children(pair, expecting: .sequence, failure: "x509: invalid RDNSequence: invalid attribute")
                guard fields.count == 2 else { throw CryptoFailure("x509: invalid RDNSequence: invalid attribute") }
                let type = try CryptoDER.objectIdentifier(fields[0], failure: "x509: invalid RDNSequence: invalid attribute type")
                attributes.append(Attribute(type: type, value: try Self.string(fields[1])))
            }
        }
    }

    var commonName: String { last(3) ?? "" }

    private func last(_ kind: UInt) -> String? {
        attributes.last { $0.type == [2, 5, 4, kind] }?.value
    }

    private func all(_ kind: UInt) -> Value {
        let values = attributes.filter { $0.type == [2, 5, 4, kind] }.map { Value.string($0.value) }
        return values.isEmpty ? .null : .array(values)
    }

    /// Go's `pkix.Name` as JSON.
    var goJSON: Value {
        let names = attributes.map { attribute in
            Value.object(fields: ["Type": CryptoX509JSON.oid(attribute.type), "Value": .string(attribute.value)])
        }
        return .object(fields: [
            "Country": all(6),
            "Organization": all(10),
            "OrganizationalUnit": all(11),
            "Locality": all(7),
            "Province": all(8),
            "StreetAddress": all(9),
            "PostalCode": all(17),
            "SerialNumber": .string(last(5) ?? ""),
            "CommonName": .string(commonName),
            "Names": names.isEmpty ? .null : .array(names),
            "ExtraNames": .null,
        ])
    }

    /// Go's `parseASN1String`: the string types X.509 names use.
    private static func string(_ node: ASN1Node) throws -> String {
        let invalid = CryptoFailure("x509: invalid RDNSequence: invalid attribute value")
        guard node.identifier.tagClass == .universal, let bytes = CryptoDER.primitive(node) else { throw invalid }
        switch node.identifier.tagNumber {
        case 20:  // T61String, read as Latin-1
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case 19, 22, 18:  // PrintableString, IA5String, NumericString
            guard bytes.allSatisfy({ $0 < 0x80 }) else { throw invalid }
            return String(decoding: bytes, as: UTF8.self)
        case 12:  // UTF8String
            guard let text = String(validating: bytes, as: UTF8.self) else { throw invalid }
            return text
        case 30:  // BMPString, UTF-16BE
            guard bytes.count % 2 == 0 else { throw invalid }
            var units: [UInt16] = []
            var i = bytes.startIndex
            while i < bytes.endIndex {
                units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            if units.last == 0 { units.removeLast() }
            return String(decoding: units, as: UTF16.self)
        default:
            throw CryptoFailure("x509: invalid RDNSequence: invalid attribute value: unsupported string type: \(node.identifier.tagNumber)")
        }
    }
}
