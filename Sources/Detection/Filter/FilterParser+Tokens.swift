extension FilterParser {
    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    var peekIsSpace: Bool { peek.map(Self.isSpace) ?? false }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x08 || byte == 0x0C || byte == 0x0B
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_")
    }

    /// Characters that end a bare string: space, parentheses, comma, `=`, quotes.
    static func isBareStop(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    mutating func skipSpace() {
        while let byte = peek, Self.isSpace(byte) { pos += 1 }
    }

    func hasPrefix(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard pos + utf8.count <= bytes.count else { return false }
        return Array(bytes[pos..<(pos + utf8.count)]) == utf8
    }

    /// Consumes `word` when it is followed by space or `(`.
    mutating func matchKeyword(_ word: String) -> Bool {
        guard hasPrefix(word) else { return false }
        let next = pos + word.utf8.count
        guard next < bytes.count, Self.isSpace(bytes[next]) || bytes[next] == UInt8(ascii: "(") else { return false }
        pos = next
        return true
    }

    mutating func expect(_ token: Character, _ message: String) throws(FilterParseError) {
        guard let byte = token.asciiValue, peek == byte else { throw FilterParseError(message, position: pos) }
        pos += 1
        lastToken = String(token)
    }

    /// A letters-first word `[a-zA-Z][a-zA-Z0-9_]*`.
    mutating func readWord() -> String? {
        guard let first = peek, Self.isLetter(first) else { return nil }
        let start = pos
        while let byte = peek, Self.isNameByte(byte) { pos += 1 }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// An identifier or a dotted field name (`proc.aname`, `evt.arg.flags`).
    mutating func readName() -> String? {
        guard var name = readWord() else { return nil }
        while peek == UInt8(ascii: "."), pos + 1 < bytes.count, Self.isNameByte(bytes[pos + 1]) {
            pos += 1
            let start = pos
            while let byte = peek, Self.isNameByte(byte) { pos += 1 }
            name += "." + String(decoding: bytes[start..<pos], as: UTF8.self)
        }
        lastToken = name
        return name
    }

    /// A known transformer name immediately followed by `(`.
    func transformerAhead() -> FilterTransformer? {
        var end = pos
        while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "(") else { return nil }
        return FilterTransformer(rawValue: String(decoding: bytes[pos..<end], as: UTF8.self))
    }

    /// `[arg]` right after a field name: a quoted string or a bare run
    /// without spaces, brackets or quotes.
    mutating func parseFieldArgument() throws(FilterParseError) -> String? {
        guard peek == UInt8(ascii: "[") else { return nil }
        pos += 1
        let value: String
        if let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            value = try parseQuoted()
        } else {
            let start = pos
            while let byte = peek, !Self.isSpace(byte), byte != UInt8(ascii: "["), byte != UInt8(ascii: "]"),
                  byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'") { pos += 1 }
            guard pos > start else { throw FilterParseError("expected a field argument", position: pos) }
            value = String(decoding: bytes[start..<pos], as: UTF8.self)
        }
        try expect("]", "expected a ']' token")
        return value
    }

    /// A single- or double-quoted string; a backslash escapes only the quote.
    mutating func parseQuoted() throws(FilterParseError) -> String {
        guard let quote = peek else { throw FilterParseError("expected a string", position: pos) }
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while let byte = peek {
            pos += 1
            if byte == quote {
                lastToken = String(decoding: bytes[start..<pos], as: UTF8.self)
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\"), peek == quote {
                pos += 1
                out.append(quote)
            } else {
                out.append(byte)
            }
        }
        throw FilterParseError("unterminated string", position: start)
    }

}
