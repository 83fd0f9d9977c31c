import PalisadeCore

/// A recursive-descent Rego parser modelled on OPA's (`v1/ast/parser.go`), so
/// that it accepts the same programs and reports errors the same way.
///
/// Like OPA's, it backtracks in a few places (saving and restoring the whole
/// state, errors included). Composite terms are memoised by offset, which
/// keeps nested fallbacks linear, and nesting depth is bounded.
struct SyntaxParser {
    static let maxDepth = 1000
    static let maxReportedErrors = 10

    let file: String
    let version: RegoVersion
    var lexer: SyntaxLexer
    /// The current token.
    var tok: SyntaxToken
    /// The scanner position just after `tok`.
    var pos: SyntaxPosition
    var errors: [RegoError] = []
    /// Hints appended to the next error, as OPA's `(hint: ...)`.
    var hints: [String] = []
    var depth = 0
    /// Set once the depth limit is hit: parsing then unwinds without retrying.
    var aborted = false
    var abortLocation: Location?
    /// Parsing stopped because the thread's stack ran low (not the depth limit).
    var stackExhausted = false
    let stackLimit = SyntaxStackGuard.limit()
    var termCache: [Int: CachedTerm] = [:]
    var templateVarCounter = 0

    struct Snapshot {
        let tok: SyntaxToken
        let pos: SyntaxPosition
        let errorCount: Int
        let hintCount: Int
    }

    struct CachedTerm {
        let term: Term
        let tok: SyntaxToken
        let pos: SyntaxPosition
    }

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, version: RegoVersion) {
        self.file = file
        self.version = version
        lexer = SyntaxLexer(bytes: bytes, keywords: version == .v1 ? .all : [])
        pos = lexer.startPosition()
        tok = SyntaxToken(kind: .eof, offset: 0, start: 0, end: 0, line: 1, column: 1, spaceBefore: false, newlineBefore: false)
    }

    // MARK: Scanning

    /// Moves to the next token, reporting a scanner error if it is illegal.
    mutating func scan() {
        tok = lexer.next(&pos)
        if let error = tok.error { self.error(at: tok, error.message) }
    }

    /// Continues a template string after the `}` of an embedded expression.
    mutating func scanTemplateContinuation(raw: Bool) {
        tok = lexer.nextTemplatePart(&pos, raw: raw)
        if let error = tok.error { self.error(at: tok, error.message) }
    }

    mutating func save() -> Snapshot {
        Snapshot(tok: tok, pos: pos, errorCount: errors.count, hintCount: hints.count)
    }

    mutating func restore(_ s: Snapshot) {
        tok = s.tok
        pos = s.pos
        if errors.count > s.errorCount { errors.removeSubrange(s.errorCount...) }
        if hints.count > s.hintCount { hints.removeSubrange(s.hintCount...) }
    }

    /// True when the token after the current one is a `.` or `[` written right after it.
    mutating func nextIsAdjacentRefOpen() -> Bool {
        var p = pos
        let next = lexer.next(&p)
        return !next.spaceBefore && (next.kind == .dot || next.kind == .lbrack)
    }

    /// OPA's `scanAheadRef`: a keyword directly followed by `.` or `[` is a name.
    @discardableResult
    mutating func scanAheadRef() -> Bool {
        guard tok.kind.isKeyword, nextIsAdjacentRefOpen() else { return false }
        tok.kind = .ident
        return true
    }

    // MARK: Text and places

    func text(_ t: SyntaxToken) -> String {
        SyntaxStrings.text(lexer.bytes, t.start..<t.end)
    }

    func textIs(_ t: SyntaxToken, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard t.end - t.start == count else { return false }
        let p = word.utf8Start
        for k in 0..<count where lexer.bytes[t.start + k] != p[k] { return false }
        return true
    }

    func location(_ t: SyntaxToken) -> Location {
        Location(file: file, line: t.line, column: t.column)
    }

    // MARK: Errors

    mutating func error(at location: Location, _ message: String) {
        var text = message
        if !hints.isEmpty {
            text += hints.count == 1 ? " (hint: \(hints[0]))" : " (hints: \(hints.joined(separator: ", ")))"
            hints.removeAll()
        }
        errors.append(RegoError(.parse, text, at: location))
    }

    mutating func error(at t: SyntaxToken, _ message: String) {
        error(at: location(t), message)
    }

    /// OPA's `illegal`: "unexpected <token> token[: note]" at the current token.
    mutating func illegal(_ note: String = "") {
        if tok.kind == .illegal {
            error(at: tok, "illegal token")
            return
        }
        let kind = tok.kind.isKeyword ? "keyword" : "token"
        let message = "unexpected \(tok.kind.name) \(kind)"
        error(at: tok, note.isEmpty ? message : message + ": " + note)
    }

    // MARK: Depth

    /// Counts one level of nesting; false (with an error) past the limit.
    mutating func enter() -> Bool {
        if aborted { return false }
        if SyntaxStackGuard.currentAddress() < stackLimit {
            stackExhausted = true
            abort()
            return false
        }
        depth += 1
        if depth > SyntaxParser.maxDepth {
            depth -= 1
            abort()
            return false
        }
        return true
    }

    mutating func abort() {
        if !aborted { abortLocation = location(tok) }
        aborted = true
    }

    mutating func leave() {
        depth -= 1
    }

    /// The errors to throw: the depth error alone if parsing was aborted.
    func thrownError() -> Error {
        if aborted {
            return RegoError(.parse, "max parsing recursion depth exceeded", at: abortLocation ?? location(tok))
        }
        if errors.count == 1 { return errors[0] }
        if errors.isEmpty { return RegoError(.parse, "parse failed", at: location(tok)) }
        return RegoErrors(Array(errors.prefix(SyntaxParser.maxReportedErrors)))
    }
}
