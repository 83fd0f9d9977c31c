import PalisadeCore

/// Parses Rego source into the AST.
///
/// Errors are `RegoError` (code `rego_parse_error`, with file:line:col) or,
/// when there are several, `RegoErrors`. Any input is safe: nesting deeper
/// than 1000 levels is an error rather than a stack overflow.
public enum RegoParser {
    /// Parses a policy file. `version` is the syntax it is written in; a v0
    /// module may still opt into v1 keywords with `import future.keywords...`
    /// or `import rego.v1` (the latter also makes it a v1 module).
    public static func parseModule(_ source: String, file: String, version: RegoVersion = .v1) throws -> Module {
        try withParser(source, file: file, version: version) { try $0.parseModule() }
    }

    /// Parses a query body such as `x := data.a.b; x > 1` (v1 syntax).
    public static func parseQuery(_ source: String, file: String = "query") throws -> Body {
        try withParser(source, file: file, version: .v1) { try $0.parseQueryBody() }
    }

    /// Parses a single term such as `{"a": {1, 2}}` (v1 syntax).
    public static func parseTerm(_ source: String, file: String = "term") throws -> Term {
        let body = try parseQuery(source, file: file)
        guard body.count == 1 else {
            throw RegoError(.parse, "expected exactly one term", at: body.count > 1 ? body[1].location : nil)
        }
        let expr = body[0]
        guard case .term(let term) = expr.kind, !expr.negated, expr.with.isEmpty else {
            throw RegoError(.parse, "expected term", at: expr.location)
        }
        return term
    }

    /// Runs `body` on a fresh parser. If the thread's stack runs low before the
    /// depth limit is reached, the parse is repeated on a thread with a large stack.
    private static func withParser<T: Sendable>(_ source: String, file: String, version: RegoVersion,
                                                _ body: @escaping @Sendable (inout SyntaxParser) throws -> T) throws -> T {
        switch attempt(source, file: file, version: version, body) {
        case .finished(let result):
            return try result.get()
        case .stackExhausted:
            let retried = SyntaxStackGuard.onLargeStack { attempt(source, file: file, version: version, body) }
            if case .finished(let result) = retried { return try result.get() }
            throw RegoError(.parse, "max parsing recursion depth exceeded", at: Location(file: file, line: 1, column: 1))
        }
    }

    private enum Outcome<T: Sendable>: Sendable {
        case finished(Result<T, Error>)
        case stackExhausted
    }

    private static func attempt<T: Sendable>(_ source: String, file: String, version: RegoVersion,
                                             _ body: (inout SyntaxParser) throws -> T) -> Outcome<T> {
        var text = source
        return text.withUTF8 { bytes in
            var parser = SyntaxParser(bytes: bytes, file: file, version: version)
            let result = Result { try body(&parser) }
            return parser.stackExhausted ? .stackExhausted : .finished(result)
        }
    }
}
