/// Why audit input could not be decoded.
public struct AuditDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    /// 1-based line of the input, when known.
    public var line: Int?

    public init(_ reason: String, line: Int? = nil) {
        self.reason = reason
        self.line = line
    }

    public var description: String { line.map { "line \($0): \(reason)" } ?? reason }
}

/// A strict RFC 8259 reader producing an `AuditJSONDocument`'s node table,
/// with bounded nesting. Strings are validated (escapes, control characters)
/// but not decoded.
struct AuditJSONParser {
    static let maxDepth = 256

    /// The payload alone; node offsets are relative to it.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The payload's offset in the input, for error messages.
    private let base: Int
    private var index = 0
    private let end: Int
    private var nodes: [AuditJSONNode] = []

    private init(_ payload: UnsafeBufferPointer<UInt8>, base: Int) {
        self.bytes = payload
        self.base = base
        self.end = payload.count
        // Audit payloads hold about one value per 10–20 bytes.
        nodes.reserveCapacity(payload.count / 12 + 4)
    }

    /// Parses exactly one value in `range` (surrounding whitespace allowed).
    static func parse(_ bytes: [UInt8], range: Range<Int>) throws(AuditDecodeError) -> AuditJSON {
        guard range.upperBound <= Int(UInt32.max) else { throw AuditDecodeError("input is larger than 4 GiB") }
        let document = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(AuditDecodeError) -> AuditJSONDocument in
                let payload = UnsafeBufferPointer(rebasing: buffer[range])
                var parser = AuditJSONParser(payload, base: range.lowerBound)
                return AuditJSONDocument(payload: payload, nodes: try parser.document())
            }
        }
        return AuditJSON(try document.get(), 0)
    }

    private mutating func document() throws(AuditDecodeError) -> [AuditJSONNode] {
        skipWhitespace()
        try value(depth: 0)
        skipWhitespace()
        guard index == end else { throw failure("unexpected data after the JSON value") }
        return nodes
    }

    private func failure(_ message: String) -> AuditDecodeError {
        AuditDecodeError("invalid JSON at byte \(base + index): \(message)")
    }

    private mutating func skipWhitespace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(AuditDecodeError) {
        guard depth < Self.maxDepth else { throw failure("nested deeper than \(Self.maxDepth) levels") }
        guard index < end else { throw failure("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try container(object: true, depth: depth)
        case UInt8(ascii: "["): try container(object: false, depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try word("true", .bool, flags: .isTrue)
        case UInt8(ascii: "f"): try word("false", .bool, flags: [])
        case UInt8(ascii: "n"): try word("null", .null, flags: [])
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func leaf(_ kind: AuditJSON.Kind, start: Int, length: Int, flags: AuditJSONNode.Flags) {
        nodes.append(AuditJSONNode(kind: kind, flags: flags, start: UInt32(start), length: UInt32(length),
                                   count: 0, next: UInt32(nodes.count + 1)))
    }

    private mutating func container(object: Bool, depth: Int) throws(AuditDecodeError) {
        let slot = nodes.count
        nodes.append(AuditJSONNode(kind: object ? .object : .array, flags: [], start: UInt32(index), length: 0,
                                   count: 0, next: 0))
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        var count: UInt32 = 0
        skipWhitespace()
        if index < end, bytes[index] == close {
            index += 1
        } else {
            while true {
                skipWhitespace()
                if object { try memberKey() }
                try value(depth: depth + 1)
                count += 1
                skipWhitespace()
                guard index < end else { throw failure(object ? "unterminated object" : "unterminated array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == close { index += 1; break }
                throw failure(object ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
        nodes[slot].count = count
        nodes[slot].next = UInt32(nodes.count)
    }

    private mutating func memberKey() throws(AuditDecodeError) {
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
        try string()
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
        index += 1
        skipWhitespace()
    }

    private mutating func word(_ text: StaticString, _ kind: AuditJSON.Kind, flags: AuditJSONNode.Flags) throws(AuditDecodeError) {
        let start = index
        for offset in 0..<text.utf8CodeUnitCount {
            guard index < end, bytes[index] == text.utf8Start[offset] else { throw failure("invalid literal") }
            index += 1
        }
        leaf(kind, start: start, length: index - start, flags: flags)
    }

    private mutating func number() throws(AuditDecodeError) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { throw failure("invalid number") }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("invalid number") }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("invalid number") }
        }
        leaf(.number, start: start, length: index - start, flags: [])
    }

    private mutating func digits() -> Int {
        let start = index
        while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index - start
    }

    /// Records a string's raw contents; escapes are checked here, decoded on use.
    private mutating func string() throws(AuditDecodeError) {
        index += 1
        let start = index
        var flags: AuditJSONNode.Flags = []
        while index < end {
            skipPlainStringBytes()
            guard index < end else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                leaf(.string, start: start, length: index - start, flags: flags)
                index += 1
                return
            }
            guard byte >= 0x20 else { throw failure("control character in string") }
            index += 1
            if byte == UInt8(ascii: "\\") {
                flags.insert(.escaped)
                if try !escape() { flags.insert(.nonCanonical) }
            }
        }
        throw failure("unterminated string")
    }

    /// Skips 8 bytes at a time while none is a quote, a backslash or a control character.
    private mutating func skipPlainStringBytes() {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end, !Self.hasSpecialByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
    }

    /// Whether a word holds a quote, a backslash or a byte below 0x20 (the exact "has zero
    /// byte" / "has byte less than" bit tricks).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteFound = (quote &- ones) & ~quote
        let backslashFound = (backslash &- ones) & ~backslash
        let controlFound = (word &- ones &* 0x20) & ~word
        return (quoteFound | backslashFound | controlFound) & highs != 0
    }

    /// Checks the escape after a backslash; returns whether `AuditJSON.writeString`
    /// writes the character it denotes the same way.
    private mutating func escape() throws(AuditDecodeError) -> Bool {
        guard index < end else { throw failure("unterminated string") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return escape != UInt8(ascii: "/")
        case UInt8(ascii: "u"):
            guard index + 4 <= end else { throw failure("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = ASCIIHex.value(bytes[index]) else { throw failure("invalid \\u escape") }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return Self.isCanonicalUnicodeEscape(value, lastDigit: bytes[index - 1])
        default:
            throw failure("invalid escape")
        }
    }

    /// `\u00XX` for a control character without a short escape, hex in lower case.
    static func isCanonicalUnicodeEscape(_ value: UInt32, lastDigit: UInt8) -> Bool {
        guard value < 0x20, !(lastDigit >= UInt8(ascii: "A") && lastDigit <= UInt8(ascii: "F")) else { return false }
        return AuditJSON.escapeLength(UInt8(value)) == 6
    }
}
