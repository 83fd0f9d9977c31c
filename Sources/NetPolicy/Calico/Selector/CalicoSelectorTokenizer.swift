/// An invalid Calico selector: what is wrong and at which character.
public struct CalicoSelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 0-based byte offset into the selector text.
    public var offset: Int
    public var selector: String

    public var description: String { "invalid selector \"\(selector)\": \(message) at character \(offset + 1)" }
}

/// One lexical element of a Calico selector.
enum CalicoSelectorToken: Hashable {
    case label(String)
    case string(String)
    case equals, notEquals, contains, startsWith, endsWith, `in`, notIn
    case has(String)
    case all, global
    case not, and, or
    case openParen, closeParen, openBrace, closeBrace, comma
    case end
}

/// Splits selector text into tokens. Only space and tab separate tokens;
/// operator keywords (`in`, `contains`, ...) count only right after a label.
struct CalicoSelectorTokenizer {
    static let maxLabelLength = 512

    private let text: String
    private let bytes: [UInt8]
    private var position = 0
    private var afterLabel = false

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    /// Every token with its byte offset, ending with `.end`.
    static func tokens(of text: String) throws -> [(token: CalicoSelectorToken, offset: Int)] {
        var tokenizer = CalicoSelectorTokenizer(text)
        var result: [(CalicoSelectorToken, Int)] = []
        while true {
            tokenizer.skipBlanks()
            let offset = tokenizer.position
            let token = try tokenizer.next()
            result.append((token, offset))
            if token == .end { return result }
        }
    }

    private func fail(_ message: String, at offset: Int? = nil) -> CalicoSelectorError {
        CalicoSelectorError(message: message, offset: offset ?? position, selector: text)
    }

    private mutating func skipBlanks() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func hasPrefix(_ word: String) -> Bool {
        let w = Array(word.utf8)
        return position + w.count <= bytes.count && bytes[position..<(position + w.count)].elementsEqual(w)
    }

    static func isLabelByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)
            || c == 0x5f || c == 0x2e || c == 0x2f || c == 0x2d
    }

    /// True when `word` starts here and is not followed by a label character.
    private func hasKeyword(_ word: String) -> Bool {
        guard hasPrefix(word) else { return false }
        let after = position + word.utf8.count
        return after >= bytes.count || !Self.isLabelByte(bytes[after])
    }

    private mutating func next() throws -> CalicoSelectorToken {
        guard let c = peek() else { return .end }
        let wasAfterLabel = afterLabel
        afterLabel = false
        if wasAfterLabel, let keyword = try operatorKeyword() { return keyword }
        switch c {
        case UInt8(ascii: "="):
            guard peek(1) == UInt8(ascii: "=") else { throw fail("expected '==' but found a single '='") }
            position += 2; return .equals
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") { position += 2; return .notEquals }
            position += 1; return .not
        case UInt8(ascii: "&"):
            guard peek(1) == UInt8(ascii: "&") else { throw fail("expected '&&' but found a single '&'") }
            position += 2; return .and
        case UInt8(ascii: "|"):
            guard peek(1) == UInt8(ascii: "|") else { throw fail("expected '||' but found a single '|'") }
            position += 2; return .or
        case UInt8(ascii: "("): position += 1; return .openParen
        case UInt8(ascii: ")"): position += 1; return .closeParen
        case UInt8(ascii: "{"): position += 1; return .openBrace
        case UInt8(ascii: "}"): position += 1; return .closeBrace
        case UInt8(ascii: ","): position += 1; return .comma
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try quoted(c)
        default: return try word()
        }
    }

    /// `==`-style operators spelled as words, recognised only after a label.
    private mutating func operatorKeyword() throws -> CalicoSelectorToken? {
        let simple: [(String, CalicoSelectorToken)] = [
            ("contains", .contains), ("startswith", .startsWith), ("endswith", .endsWith),
            ("notin", .notIn), ("in", .in),
        ]
        for (word, token) in simple where hasKeyword(word) {
            position += word.utf8.count
            return token
        }
        let split: [(String, String, CalicoSelectorToken)] = [
            ("starts", "with", .startsWith), ("ends", "with", .endsWith), ("not", "in", .notIn),
        ]
        for (first, second, token) in split where hasPrefix(first) {
            let saved = position
            position += first.utf8.count
            skipBlanks()
            if hasKeyword(second) { position += second.utf8.count; return token }
            position = saved
        }
        return nil
    }

    private mutating func quoted(_ quote: UInt8) throws -> CalicoSelectorToken {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != quote { position += 1 }
        guard position < bytes.count else { throw fail("unterminated string", at: start) }
        let value = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
        position += 1
        return .string(value)
    }

    private mutating func word() throws -> CalicoSelectorToken {
        if hasPrefix("has(") { return try hasCall() }
        if hasPrefix("all()") { position += 5; return .all }
        if hasPrefix("global()") { position += 8; return .global }
        let label = try readLabel()
        afterLabel = true
        return .label(label)
    }

    private mutating func hasCall() throws -> CalicoSelectorToken {
        let start = position
        position += 4
        skipBlanks()
        let label = try readLabel()
        skipBlanks()
        guard peek() == UInt8(ascii: ")") else { throw fail("expected ')' to close has(", at: start) }
        position += 1
        return .has(label)
    }

    private mutating func readLabel() throws -> String {
        let start = position
        while let c = peek(), Self.isLabelByte(c) { position += 1 }
        guard position > start else {
            let found = peek().map { $0 < 0x80 && $0 >= 0x20 ? "'\(Character(Unicode.Scalar($0)))'" : "byte 0x\(String($0, radix: 16))" } ?? "end of input"
            throw fail("unexpected \(found)")
        }
        guard position - start <= Self.maxLabelLength else {
            throw fail("label longer than \(Self.maxLabelLength) characters", at: start)
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }
}
