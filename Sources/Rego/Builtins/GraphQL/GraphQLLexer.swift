/// Turns GraphQL source into tokens exactly as gqlparser's lexer does,
/// including its positions (rune columns) and error texts.
struct GraphQLLexer {
    private let input: [UInt8]
    private let sourceName: String
    private var start = 0
    private var startRunes = 0
    private var end = 0
    private var endRunes = 0
    private var line = 1
    private var lineStartRunes = 0

    init(_ source: String, name: String = "") {
        input = Array(source.utf8)
        sourceName = name
    }

    mutating func readToken() -> GraphQLToken {
        while true {
            skipWhitespace()
            start = end
            startRunes = endRunes
            guard end < input.count else { return makeToken(.eof) }
            let r = input[start]
            end += 1
            endRunes += 1
            if let kind = Self.punctuators[r] { return makeToken(kind, value: "") }
            switch r {
            case UInt8(ascii: "."):
                if start + 2 < input.count, input[start + 1] == UInt8(ascii: "."), input[start + 2] == UInt8(ascii: ".") {
                    end += 2
                    endRunes += 2
                    return makeToken(.spread, value: "")
                }
            case UInt8(ascii: "#"):
                skipComment()
                continue
            case UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return readName()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return readNumber()
            case UInt8(ascii: "\""):
                if start + 2 < input.count, input[start + 1] == UInt8(ascii: "\""), input[start + 2] == UInt8(ascii: "\"") {
                    return readBlockString()
                }
                return readString()
            default:
                break
            }
            end -= 1
            endRunes -= 1
            if r < 0x20 && r != 0x09 && r != 0x0A && r != 0x0D {
                return makeError("Cannot contain the invalid character \"\\u\(Self.goPadded(Int(r)))\"")
            }
            if r == UInt8(ascii: "'") {
                return makeError("Unexpected single quote character ('), did you mean to use a double quote (\")?")
            }
            return makeError("Cannot parse the unexpected character \"\(Self.byteAsRune(r))\".")
        }
    }

    private static let punctuators: [UInt8: GraphQLTokenKind] = [
        UInt8(ascii: "!"): .bang, UInt8(ascii: "$"): .dollar, UInt8(ascii: "&"): .amp,
        UInt8(ascii: "("): .parenL, UInt8(ascii: ")"): .parenR, UInt8(ascii: ":"): .colon,
        UInt8(ascii: "="): .equals, UInt8(ascii: "@"): .at, UInt8(ascii: "["): .bracketL,
        UInt8(ascii: "]"): .bracketR, UInt8(ascii: "{"): .braceL, UInt8(ascii: "}"): .braceR,
        UInt8(ascii: "|"): .pipe,
    ]

    /// Go's `%04d` (gqlparser formats code points in decimal here).
    private static func goPadded(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// Go's `string(byte)`: the byte taken as a code point.
    private static func byteAsRune(_ b: UInt8) -> String {
        String(Character(Unicode.Scalar(b)))
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: input[from..<to], as: UTF8.self)
    }

    private func makeToken(_ kind: GraphQLTokenKind) -> GraphQLToken {
        makeToken(kind, value: text(start, end))
    }

    private func makeToken(_ kind: GraphQLTokenKind, value: String) -> GraphQLToken {
        let pos = GraphQLPosition(line: line, column: startRunes - lineStartRunes + 1, source: sourceName)
        return GraphQLToken(kind: kind, value: value, position: pos, lexError: nil)
    }

    private func makeError(_ message: String) -> GraphQLToken {
        let pos = GraphQLPosition(line: line, column: endRunes - lineStartRunes + 1, source: sourceName)
        return GraphQLToken(kind: .invalid, value: "", position: pos, lexError: GraphQLError(message, at: pos))
    }

    private mutating func skipWhitespace() {
        while end < input.count {
            switch input[end] {
            case 0x09, 0x20, UInt8(ascii: ","):
                end += 1
                endRunes += 1
            case 0x0A:
                end += 1
                endRunes += 1
                newLine()
            case 0x0D:
                end += 1
                endRunes += 1
                newLine()
                if end < input.count && input[end] == 0x0A {
                    end += 1
                    endRunes += 1
                }
            case 0xEF:
                guard end + 2 < input.count, input[end + 1] == 0xBB, input[end + 2] == 0xBF else { return }
                end += 3
                endRunes += 1
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStartRunes = endRunes
    }

    /// Width in bytes of the UTF-8 sequence starting at `i` (1 for invalid bytes, as Go decodes them).
    private func runeWidth(at i: Int) -> Int {
        let b = input[i]
        let width: Int
        switch b {
        case 0x00..<0x80: return 1
        case 0xC2..<0xE0: width = 2
        case 0xE0..<0xF0: width = 3
        case 0xF0..<0xF5: width = 4
        default: return 1
        }
        guard i + width <= input.count else { return 1 }
        for k in 1..<width where input[i + k] & 0xC0 != 0x80 { return 1 }
        return width
    }

    private mutating func skipComment() {
        while end < input.count {
            let b = input[end]
            guard b > 0x1F || b == 0x09 else { break }
            end += runeWidth(at: end)
            endRunes += 1
        }
    }

    private mutating func readName() -> GraphQLToken {
        while end < input.count {
            let b = input[end]
            let isNameByte = (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
            guard isNameByte else { break }
            end += 1
            endRunes += 1
        }
        return makeToken(.name)
    }

    private mutating func readNumber() -> GraphQLToken {
        var isFloat = false
        end -= 1
        endRunes -= 1
        _ = accept(UInt8(ascii: "-"))
        if accept(UInt8(ascii: "0")) {
            let consumed = acceptDigits()
            if consumed != 0 {
                end -= consumed
                endRunes -= consumed
                return makeError("Invalid number, unexpected digit after 0: \(describeNext()).")
            }
        } else if acceptDigits() == 0 {
            return makeError("Invalid number, expected digit but got: \(describeNext()).")
        }
        if accept(UInt8(ascii: ".")) {
            isFloat = true
            if acceptDigits() == 0 {
                return makeError("Invalid number, expected digit but got: \(describeNext()).")
            }
        }
        if accept(UInt8(ascii: "e")) || accept(UInt8(ascii: "E")) {
            isFloat = true
            _ = accept(UInt8(ascii: "-")) || accept(UInt8(ascii: "+"))
            if acceptDigits() == 0 {
                return makeError("Invalid number, expected digit but got: \(describeNext()).")
            }
        }
        return makeToken(isFloat ? .float : .int)
    }

    private mutating func accept(_ byte: UInt8) -> Bool {
        guard end < input.count, input[end] == byte else { return false }
        end += 1
        endRunes += 1
        return true
    }

    private mutating func acceptDigits() -> Int {
        var consumed = 0
        while end < input.count, input[end] >= UInt8(ascii: "0"), input[end] <= UInt8(ascii: "9") {
            end += 1
            endRunes += 1
            consumed += 1
        }
        return consumed
    }

    private func describeNext() -> String {
        end < input.count ? "\"" + Self.byteAsRune(input[end]) + "\"" : "<EOF>"
    }

    private mutating func readString() -> GraphQLToken {
        var buffer: [UInt8]?
        start += 1
        startRunes += 1
        while end < input.count {
            let r = input[end]
            if r == 0x0A || r == 0x0D { break }
            if r < 0x20 && r != 0x09 {
                return makeError("Invalid character within String: \"\\u\(Self.goPadded(Int(r)))\".")
            }
            switch r {
            case UInt8(ascii: "\""):
                var token = makeToken(.string)
                if let buffer { token.value = String(decoding: buffer, as: UTF8.self) }
                end += 1
                endRunes += 1
                return token
            case UInt8(ascii: "\\"):
                if let error = readEscape(into: &buffer) { return error }
            default:
                let w = r >= 127 ? runeWidth(at: end) : 1
                buffer?.append(contentsOf: input[end..<(end + w)])
                end += w
                endRunes += 1
            }
        }
        return makeError("Unterminated string.")
    }

    /// Handles one backslash escape in a string; returns an error token on failure.
    private mutating func readEscape(into buffer: inout [UInt8]?) -> GraphQLToken? {
        guard end + 1 < input.count else {
            end += 1
            endRunes += 1
            return makeError("Invalid character escape sequence.")
        }
        if buffer == nil { buffer = Array(input[start..<end]) }
        let escape = input[end + 1]
        if escape == UInt8(ascii: "u") {
            guard end + 6 < input.count else {
                end += 1
                endRunes += 1
                return makeError("Invalid character escape sequence: \\\(text(end, input.count)).")
            }
            guard let code = Self.unhex(input[(end + 2)..<(end + 6)]) else {
                end += 1
                endRunes += 1
                return makeError("Invalid character escape sequence: \\\(text(end, min(end + 5, input.count))).")
            }
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            buffer?.append(contentsOf: Array(String(Character(scalar)).utf8))
            end += 6
            endRunes += 6
            return nil
        }
        let mapped: UInt8
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): mapped = escape
        case UInt8(ascii: "b"): mapped = 0x08
        case UInt8(ascii: "f"): mapped = 0x0C
        case UInt8(ascii: "n"): mapped = 0x0A
        case UInt8(ascii: "r"): mapped = 0x0D
        case UInt8(ascii: "t"): mapped = 0x09
        default:
            end += 1
            endRunes += 1
            return makeError("Invalid character escape sequence: \\\(Self.byteAsRune(escape)).")
        }
        buffer?.append(mapped)
        end += 2
        endRunes += 2
        return nil
    }

    private static func unhex(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for c in bytes {
            v <<= 4
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v |= UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v |= UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v |= UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return v
    }

    private mutating func readBlockString() -> GraphQLToken {
        var buffer: [UInt8] = []
        start += 3
        startRunes += 3
        end += 2
        endRunes += 2
        while end < input.count {
            let r = input[end]
            if r == UInt8(ascii: "\""), end + 3 <= input.count, input[end + 1] == r, input[end + 2] == r {
                let token = makeToken(.blockString, value: graphQLBlockStringValue(buffer))
                end += 3
                endRunes += 3
                return token
            }
            if r < 0x20 && r != 0x09 && r != 0x0A && r != 0x0D {
                return makeError("Invalid character within String: \"\\u\(Self.goPadded(Int(r)))\".")
            }
            if r == UInt8(ascii: "\\"), end + 4 <= input.count, input[(end + 1)..<(end + 4)].allSatisfy({ $0 == UInt8(ascii: "\"") }) {
                buffer.append(contentsOf: [0x22, 0x22, 0x22])
                end += 4
                endRunes += 4
            } else if r == 0x0D {
                if end + 1 < input.count && input[end + 1] == 0x0A {
                    end += 1
                    endRunes += 1
                }
                buffer.append(0x0A)
                end += 1
                endRunes += 1
                newLine()
            } else {
                let w = r >= 127 ? runeWidth(at: end) : 1
                buffer.append(contentsOf: input[end..<(end + w)])
                end += w
                endRunes += 1
                if r == 0x0A { newLine() }
            }
        }
        return makeError("Unterminated string.")
    }
}

/// The spec's BlockStringValue(): removes common indentation and blank leading/trailing lines.
func graphQLBlockStringValue(_ raw: [UInt8]) -> String {
    var lines = raw.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    func leadingWhitespace(_ line: [UInt8]) -> Int {
        line.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.count
    }
    var commonIndent = Int.max
    for line in lines.dropFirst() {
        let indent = leadingWhitespace(line)
        if indent < line.count && indent < commonIndent {
            commonIndent = indent
            if commonIndent == 0 { break }
        }
    }
    if commonIndent != Int.max {
        for i in lines.indices.dropFirst() {
            lines[i] = lines[i].count < commonIndent ? [] : Array(lines[i][commonIndent...])
        }
    }
    var lo = 0
    var hi = lines.count
    while lo < hi && leadingWhitespace(lines[lo]) == lines[lo].count { lo += 1 }
    while lo < hi && leadingWhitespace(lines[hi - 1]) == lines[hi - 1].count { hi -= 1 }
    let joined = lines[lo..<hi].joined(separator: [0x0A])
    return String(decoding: Array(joined), as: UTF8.self)
}
