import BigInt
import Foundation
import SwiftASN1

/// Small helpers for walking DER trees parsed by SwiftASN1.
enum CryptoDER {

    static func contextTag(_ number: UInt) -> ASN1Identifier {
        ASN1Identifier(tagWithNumber: number, tagClass: .contextSpecific)
    }

    /// Parses exactly one DER element.
    static func parse(_ bytes: ArraySlice<UInt8>, failure: String) throws -> ASN1Node {
        do {
            return try DER.parse(bytes)
        } catch {
            throw CryptoFailure(failure)
        }
    }

    /// The length in bytes of the DER element at the start of `bytes`
    /// (header included), or nil when the header is malformed or truncated.
    static func elementLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return nil }
        if bytes[index] & 0x1f == 0x1f {
            index += 1
            while index < bytes.endIndex, bytes[index] & 0x80 != 0 { index += 1 }
        }
        index += 1
        guard index < bytes.endIndex else { return nil }
        let first = bytes[index]
        index += 1
        var length = 0
        if first & 0x80 == 0 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7f)
            guard count > 0, count <= 4, index + count <= bytes.endIndex else { return nil }
            for byte in bytes[index..<(index + count)] { length = length << 8 | Int(byte) }
            index += count
        }
        let total = index - bytes.startIndex + length
        return total <= bytes.count ? total : nil
    }

    static func children(_ node: ASN1Node) -> [ASN1Node] {
        if case .constructed(let nodes) = node.content { return Array(nodes) }
        return []
    }

    static func primitive(_ node: ASN1Node) -> ArraySlice<UInt8>? {
        if case .primitive(let bytes) = node.content { return bytes }
        return nil
    }

    /// The children of a node that must be a constructed element with `identifier`.
    static func children(_ node: ASN1Node, expecting identifier: ASN1Identifier, failure: String) throws -> [ASN1Node] {
        guard node.identifier == identifier, case .constructed(let nodes) = node.content else {
            throw CryptoFailure(failure)
        }
        return Array(nodes)
    }

    static func objectIdentifier(_ node: ASN1Node, failure: String) throws -> [UInt] {
        guard let oid = try? ASN1ObjectIdentifier(derEncoded: node) else { throw CryptoFailure(failure) }
        return oid.oidComponents
    }

    /// A two's-complement INTEGER.
    static func integer(_ node: ASN1Node, failure: String) throws -> BigInt {
        guard node.identifier == .integer, let bytes = primitive(node), !bytes.isEmpty else {
            throw CryptoFailure(failure)
        }
        return signedInteger(bytes)
    }

    static func signedInteger(_ bytes: ArraySlice<UInt8>) -> BigInt {
        let magnitude = BigUInt(Data(bytes))
        guard let first = bytes.first, first & 0x80 != 0 else { return BigInt(magnitude) }
        return BigInt(magnitude) - (BigInt(1) << (8 * bytes.count))
    }

    /// A non-negative INTEGER's big-endian bytes without leading zeros.
    static func unsignedBytes(_ node: ASN1Node, failure: String) throws -> [UInt8] {
        let value = try integer(node, failure: failure)
        guard value.sign == .plus else { throw CryptoFailure(failure) }
        return Array(value.magnitude.serialize())
    }

    static func smallInteger(_ node: ASN1Node, failure: String) throws -> Int {
        guard let value = Int(exactly: try integer(node, failure: failure)) else { throw CryptoFailure(failure) }
        return value
    }

    static func bitString(_ node: ASN1Node, failure: String) throws -> ASN1BitString {
        guard let bits = try? ASN1BitString(derEncoded: node) else { throw CryptoFailure(failure) }
        return bits
    }

    static func octetString(_ node: ASN1Node, failure: String) throws -> [UInt8] {
        guard node.identifier == .octetString, let bytes = primitive(node) else { throw CryptoFailure(failure) }
        return Array(bytes)
    }

    static func boolean(_ node: ASN1Node, failure: String) throws -> Bool {
        guard node.identifier == .boolean, let bytes = primitive(node), bytes.count == 1 else {
            throw CryptoFailure(failure)
        }
        return bytes.first != 0
    }

    // MARK: Writing

    static func serialize(_ build: (inout DER.Serializer) throws -> Void) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try build(&serializer)
        return serializer.serializedBytes
    }

    /// Appends an unsigned big-endian integer as a DER INTEGER.
    static func appendUnsigned(_ bytes: [UInt8], to coder: inout DER.Serializer) {
        var content = bytes.cryptoTrimmedLeadingZeros
        if content.isEmpty || content[0] & 0x80 != 0 { content.insert(0, at: 0) }
        coder.appendPrimitiveNode(identifier: .integer) { $0.append(contentsOf: content) }
    }
}

extension BigUInt {
    /// Big-endian bytes without leading zeros.
    var cryptoBytes: [UInt8] { Array(serialize()) }
}
