/// Scans Rego source bytes into tokens, the way OPA's scanner does.
///
/// The lexer is a pure function of a position (plus the enabled keywords),
/// so the parser can save, restore and peek freely. Comments are recorded as
/// they are passed, each once, for `# METADATA` processing.
struct SyntaxLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    var keywords: SyntaxKeywords
    private(set) var comments: [SyntaxComment] = []
    private var lastCommentOffset = -1

    init(bytes: UnsafeBufferPointer<UInt8>, keywords: SyntaxKeywords) {
        self.bytes = bytes
        self.keywords = keywords
    }

    /// The first position, after a leading byte-order mark.
    func startPosition() -> SyntaxPosition {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return SyntaxPosition(offset: 3, line: 1, column: 2)
        }
        return SyntaxPosition(offset: 0, line: 1, column: 1)
    }

    /// The next token after `p`, skipping whitespace and comments.
    mutating func next(_ p: inout SyntaxPosition) -> SyntaxToken {
        var space = false
        var newline = false
        let count = bytes.count
        while p.offset < count {
            switch bytes[p.offset] {
            case 0x20, 0x09, 0x0D:
                p.offset += 1
                p.column += 1
                space = true
            case 0x0A:
                p.offset += 1
                p.line += 1
                p.column = 1
                space = true
                newline = true
            case 0x23:
                if let bad = skipComment(&p, space: space, newline: newline) { return bad }
                space = true
            default:
                return scanToken(&p, space: space, newline: newline)
            }
        }
        // OPA reports the end of input at the column of the last character.
        return SyntaxToken(kind: .eof, offset: count, start: count, end: count, line: p.line, column: max(1, p.column - 1),
                     spaceBefore: space, newlineBefore: newline)
    }

    /// Continues a template string right after the `}` that closed an embedded expression.
    mutating func nextTemplatePart(_ p: inout SyntaxPosition, raw: Bool) -> SyntaxToken {
        var tok = SyntaxToken(kind: .illegal, offset: p.offset, start: p.offset, end: p.offset, line: p.line,
                        column: p.column, spaceBefore: false, newlineBefore: false)
        scanTemplateBody(&tok, &p, raw: raw)
        return tok
    }

    // MARK: Comments

    private mutating func skipComment(_ p: inout SyntaxPosition, space: Bool, newline: Bool) -> SyntaxToken? {
        let begin = p.offset
        let line = p.line
        let column = p.column
        var i = begin + 1
        var sawNull = false
        while i < bytes.count, bytes[i] != 0x0A {
            if bytes[i] == 0 { sawNull = true }
            i += 1
        }
        advance(&p, to: i)
        if sawNull {
            return SyntaxToken(kind: .illegal, offset: begin, start: begin, end: i, line: line, column: column,
                         spaceBefore: space, newlineBefore: newline, error: .nullCharacter)
        }
        if begin > lastCommentOffset {
            lastCommentOffset = begin
            var end = i
            if end > begin + 1, bytes[end - 1] == 0x0D { end -= 1 }
            comments.append(SyntaxComment(start: begin + 1, end: end, line: line, column: column))
        }
        return nil
    }

    // MARK: Tokens

    private mutating func scanToken(_ p: inout SyntaxPosition, space: Bool, newline: Bool) -> SyntaxToken {
        let begin = p.offset
        var tok = SyntaxToken(kind: .illegal, offset: begin, start: begin, end: begin, line: p.line, column: p.column,
                        spaceBefore: space, newlineBefore: newline)
        let b = bytes[begin]
        if SyntaxLexer.isLetter(b) {
            scanIdentifier(&tok, &p)
            return tok
        }
        if SyntaxLexer.isDecimal(b) {
            scanNumber(&tok, &p)
            return tok
        }
        let next: UInt8 = begin + 1 < bytes.count ? bytes[begin + 1] : 0xFF
        var width = 1
        switch b {
        case UInt8(ascii: "\""):
            scanString(&tok, &p)
            return tok
        case UInt8(ascii: "`"):
            scanRawString(&tok, &p)
            return tok
        case UInt8(ascii: "["): tok.kind = .lbrack
        case UInt8(ascii: "]"): tok.kind = .rbrack
        case UInt8(ascii: "{"): tok.kind = .lbrace
        case UInt8(ascii: "}"): tok.kind = .rbrace
        case UInt8(ascii: "("): tok.kind = .lparen
        case UInt8(ascii: ")"): tok.kind = .rparen
        case UInt8(ascii: ","): tok.kind = .comma
        case UInt8(ascii: ";"): tok.kind = .semicolon
        case UInt8(ascii: "."): tok.kind = .dot
        case UInt8(ascii: "+"): tok.kind = .add
        case UInt8(ascii: "-"): tok.kind = .sub
        case UInt8(ascii: "*"): tok.kind = .mul
        case UInt8(ascii: "/"): tok.kind = .quo
        case UInt8(ascii: "%"): tok.kind = .rem
        case UInt8(ascii: "&"): tok.kind = .and
        case UInt8(ascii: "|"): tok.kind = .or
        case UInt8(ascii: ":"):
            if next == UInt8(ascii: "=") { tok.kind = .assign; width = 2 } else { tok.kind = .colon }
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") { tok.kind = .equal; width = 2 } else { tok.kind = .unify }
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { tok.kind = .gte; width = 2 } else { tok.kind = .gt }
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { tok.kind = .lte; width = 2 } else { tok.kind = .lt }
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { tok.kind = .neq; width = 2 } else { tok.error = .bang }
        case UInt8(ascii: "$"):
            if next == UInt8(ascii: "\"") || next == UInt8(ascii: "`") {
                let raw = next == UInt8(ascii: "`")
                p.offset += 2
                p.column += 2
                scanTemplateBody(&tok, &p, raw: raw)
                return tok
            }
            tok.error = .dollar
        case 0:
            tok.error = .nullCharacter
        case 0xEF where next == 0xBB && begin + 2 < bytes.count && bytes[begin + 2] == 0xBF:
            tok.error = .byteOrderMark
            width = 3
        default:
            // Any other character (including non-ASCII) is an illegal token.
            width = SyntaxLexer.scalarWidth(b)
        }
        p.offset = min(begin + width, bytes.count)
        p.column += width == 3 && tok.error == .byteOrderMark ? 1 : (b >= 0x80 ? 1 : width)
        tok.end = p.offset
        return tok
    }

    private mutating func scanIdentifier(_ tok: inout SyntaxToken, _ p: inout SyntaxPosition) {
        let begin = p.offset
        var i = begin + 1
        var columns = 1
        while i < bytes.count {
            let c = bytes[i]
            if SyntaxLexer.isLetter(c) || SyntaxLexer.isDecimal(c) {
                i += 1
                columns += 1
            } else if c >= 0x80, let width = unicodeDigitWidth(at: i) {
                i += width
                columns += 1
            } else {
                break
            }
        }
        p.offset = i
        p.column += columns
        tok.end = i
        tok.kind = keywordKind(begin, i - begin) ?? .ident
    }

    private func scanNumber(_ tok: inout SyntaxToken, _ p: inout SyntaxPosition) {
        var i = p.offset
        let count = bytes.count
        while i < count, SyntaxLexer.isDecimal(bytes[i]) { i += 1 }
        var error: SyntaxLexError?
        if i < count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let digits = i
            while i < count, SyntaxLexer.isDecimal(bytes[i]) { i += 1 }
            if i == digits { error = .fraction }
        }
        if i < count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let digits = i
            while i < count, SyntaxLexer.isDecimal(bytes[i]) { i += 1 }
            if i == digits, error == nil { error = .exponent }
        }
        if i < count, SyntaxLexer.isLetter(bytes[i]) {
            if error == nil { error = .numberFormat }
            while i < count, SyntaxLexer.isLetter(bytes[i]) || SyntaxLexer.isDecimal(bytes[i]) { i += 1 }
        }
        p.column += i - p.offset
        p.offset = i
        tok.end = i
        if let error {
            tok.error = error
        } else {
            tok.kind = .number
        }
    }

    private func scanString(_ tok: inout SyntaxToken, _ p: inout SyntaxPosition) {
        let count = bytes.count
        var i = p.offset + 1
        tok.start = i
        var error: SyntaxLexError?
        var closed = false
        while i < count {
            let c = bytes[i]
            if c == 0x0A { break }
            i += 1
            if c == UInt8(ascii: "\"") {
                closed = true
                break
            }
            if c == 0 { error = error ?? .nullCharacter }
            if c == UInt8(ascii: "\\") {
                tok.hasEscape = true
                guard i < count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "u"):
                    i = skipScalars(from: i + 1, count: 4)
                default:
                    error = error ?? .escape
                }
            }
        }
        if !closed { error = error ?? .unterminatedString }
        tok.end = closed ? i - 1 : i
        advance(&p, to: i)
        if let error { tok.error = error } else { tok.kind = .string }
    }

    private func scanRawString(_ tok: inout SyntaxToken, _ p: inout SyntaxPosition) {
        let count = bytes.count
        var i = p.offset + 1
        tok.start = i
        var closed = false
        var sawNull = false
        while i < count {
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "`") {
                closed = true
                break
            }
            if c == 0 { sawNull = true }
        }
        tok.end = closed ? i - 1 : i
        advance(&p, to: i)
        if !closed {
            tok.error = .unterminatedString
        } else if sawNull {
            tok.error = .nullCharacter
        } else {
            tok.kind = .rawString
        }
    }

    /// Scans template text from `p` up to `{` (a part) or the closing delimiter (the end).
    private func scanTemplateBody(_ tok: inout SyntaxToken, _ p: inout SyntaxPosition, raw: Bool) {
        let count = bytes.count
        let close = raw ? UInt8(ascii: "`") : UInt8(ascii: "\"")
        var i = p.offset
        tok.start = i
        var error: SyntaxLexError?
        var kind: SyntaxTokenKind?
        while i < count {
            let c = bytes[i]
            if c == 0x0A && !raw { break }
            i += 1
            if c == close {
                kind = raw ? .rawTemplateEnd : .templateEnd
                break
            }
            if c == UInt8(ascii: "{") {
                kind = raw ? .rawTemplatePart : .templatePart
                break
            }
            if c == 0 { error = error ?? .nullCharacter }
            guard c == UInt8(ascii: "\\"), i < count else { continue }
            let e = bytes[i]
            if raw {
                if e == UInt8(ascii: "{") {
                    tok.hasEscape = true
                    i += 1
                }
                continue
            }
            tok.hasEscape = true
            switch e {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "{"):
                i += 1
            case UInt8(ascii: "u"):
                i = skipScalars(from: i + 1, count: 4)
            default:
                error = error ?? .escape
            }
        }
        tok.end = kind == nil ? i : i - 1
        advance(&p, to: i)
        if kind == nil { error = error ?? .unterminatedString }
        if let error {
            tok.kind = .illegal
            tok.error = error
        } else if let kind {
            tok.kind = kind
        }
    }

    // MARK: Helpers

    /// Moves `p` to `offset`, counting lines and (code point) columns on the way.
    private func advance(_ p: inout SyntaxPosition, to offset: Int) {
        var i = p.offset
        while i < offset {
            let c = bytes[i]
            if c == 0x0A {
                p.line += 1
                p.column = 1
            } else if c & 0xC0 != 0x80 {
                p.column += 1
            }
            i += 1
        }
        p.offset = offset
    }

    private func skipScalars(from start: Int, count n: Int) -> Int {
        var i = start
        var left = n
        while left > 0, i < bytes.count {
            i += SyntaxLexer.scalarWidth(bytes[i])
            left -= 1
        }
        return min(i, bytes.count)
    }

    /// The byte width of a non-ASCII decimal digit (Unicode category Nd) at `i`, if it is one.
    private func unicodeDigitWidth(at i: Int) -> Int? {
        let width = SyntaxLexer.scalarWidth(bytes[i])
        guard width > 1, i + width <= bytes.count else { return nil }
        var value = UInt32(bytes[i]) & (0xFF >> (width + 1))
        for k in 1..<width {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .decimalNumber else { return nil }
        return width
    }

    static func scalarWidth(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    static func isLetter(_ c: UInt8) -> Bool {
        let lower = c | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || c == UInt8(ascii: "_")
    }

    static func isDecimal(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private func matches(_ start: Int, _ word: StaticString) -> Bool {
        let p = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where bytes[start + k] != p[k] { return false }
        return true
    }

    private func keywordKind(_ start: Int, _ length: Int) -> SyntaxTokenKind? {
        switch length {
        case 2:
            if matches(start, "as") { return .kwAs }
            if matches(start, "if") { return keywords.contains(.if) ? .kwIf : nil }
            if matches(start, "in") { return keywords.contains(.in) ? .kwIn : nil }
        case 3:
            if matches(start, "not") { return .kwNot }
        case 4:
            if matches(start, "some") { return .kwSome }
            if matches(start, "with") { return .kwWith }
            if matches(start, "null") { return .kwNull }
            if matches(start, "true") { return .kwTrue }
            if matches(start, "else") { return .kwElse }
        case 5:
            if matches(start, "false") { return .kwFalse }
            if matches(start, "every") { return keywords.contains(.every) ? .kwEvery : nil }
        case 6:
            if matches(start, "import") { return .kwImport }
        case 7:
            if matches(start, "package") { return .kwPackage }
            if matches(start, "default") { return .kwDefault }
        case 8:
            if matches(start, "contains") { return keywords.contains(.contains) ? .kwContains : nil }
        default:
            break
        }
        return nil
    }
}
