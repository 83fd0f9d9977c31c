/// gqlparser's recursive-descent parser core. gqlparser keeps going after the
/// first error but only ever reports that first one, so this parser throws it.
struct GraphQLParser {
    /// Nesting bound for selection sets, values and types, so hostile input cannot exhaust the stack.
    static let maxDepth = 128

    private var lexer: GraphQLLexer
    private var peeked: GraphQLToken?
    private(set) var prev = GraphQLToken(kind: .invalid, value: "", position: GraphQLPosition(line: 0, column: 0))
    var depth = 0

    init(_ source: String, name: String = "") {
        lexer = GraphQLLexer(source, name: name)
    }

    mutating func peek() -> GraphQLToken {
        if let peeked { return peeked }
        let token = lexer.readToken()
        peeked = token
        return token
    }

    mutating func peekPosition() -> GraphQLPosition { peek().position }

    /// Consumes the next token; consuming an invalid token surfaces the lexer's error.
    @discardableResult
    mutating func next() throws -> GraphQLToken {
        let token = peek()
        peeked = nil
        prev = token
        if let error = token.lexError { throw error }
        return token
    }

    func error(_ token: GraphQLToken, _ message: String) -> GraphQLError {
        GraphQLError(message, at: token.position)
    }

    mutating func expect(_ kind: GraphQLTokenKind) throws -> GraphQLToken {
        let token = peek()
        if token.kind == kind { return try next() }
        throw error(token, "Expected \(kind.text), found \(token.kind.text)")
    }

    mutating func expectKeyword(_ keyword: String) throws {
        let token = peek()
        if token.kind == .name && token.value == keyword {
            try next()
            return
        }
        throw error(token, "Expected \(graphQLGoQuote(keyword)), found \(token.text)")
    }

    mutating func skip(_ kind: GraphQLTokenKind) throws -> Bool {
        guard peek().kind == kind else { return false }
        try next()
        return true
    }

    mutating func unexpected() -> GraphQLError {
        unexpected(peek())
    }

    func unexpected(_ token: GraphQLToken) -> GraphQLError {
        error(token, "Unexpected \(token.text)")
    }

    /// Zero or more items between `start` and `end`, when `start` is present.
    mutating func many(_ start: GraphQLTokenKind, _ end: GraphQLTokenKind, _ item: (inout GraphQLParser) throws -> Void) throws {
        guard try skip(start) else { return }
        while peek().kind != end { try item(&self) }
        try next()
    }

    /// One or more items between `start` and `end`, when `start` is present.
    mutating func some(_ start: GraphQLTokenKind, _ end: GraphQLTokenKind, _ item: (inout GraphQLParser) throws -> Void) throws {
        guard try skip(start) else { return }
        var called = false
        while peek().kind != end {
            called = true
            try item(&self)
        }
        if !called {
            throw error(peek(), "expected at least one definition, found \(peek().kind.text)")
        }
        try next()
    }

    mutating func parseName() throws -> String {
        try expect(.name).value
    }

    mutating func enterNesting() throws {
        depth += 1
        if depth > Self.maxDepth {
            throw error(peek(), "Exceeded maximum nesting depth of \(Self.maxDepth)")
        }
    }

    mutating func leaveNesting() { depth -= 1 }

    // MARK: Shared productions

    mutating func parseDirectives(isConst: Bool) throws -> [GraphQLDirective] {
        var directives: [GraphQLDirective] = []
        while peek().kind == .at {
            _ = try expect(.at)
            let position = peekPosition()
            let name = try parseName()
            directives.append(GraphQLDirective(name: name, arguments: try parseArguments(isConst: isConst), position: position))
        }
        return directives
    }

    mutating func parseArguments(isConst: Bool) throws -> [GraphQLArgument] {
        var arguments: [GraphQLArgument] = []
        try many(.parenL, .parenR) { p in
            let position = p.peekPosition()
            let name = try p.parseName()
            _ = try p.expect(.colon)
            arguments.append(GraphQLArgument(name: name, value: try p.parseValueLiteral(isConst: isConst), position: position))
        }
        return arguments
    }

    mutating func parseValueLiteral(isConst: Bool) throws -> GraphQLValue {
        let token = peek()
        let kind: GraphQLValueKind
        switch token.kind {
        case .bracketL: return try parseCompound(isConst: isConst, list: true)
        case .braceL: return try parseCompound(isConst: isConst, list: false)
        case .dollar:
            if isConst { throw unexpected() }
            return GraphQLValue(kind: .variable, raw: try parseVariable(), position: token.position)
        case .int: kind = .int
        case .float: kind = .float
        case .string: kind = .string
        case .blockString: kind = .block
        case .name:
            switch token.value {
            case "true", "false": kind = .boolean
            case "null": kind = .null
            default: kind = .enumValue
            }
        default:
            throw unexpected()
        }
        try next()
        return GraphQLValue(kind: kind, raw: token.value, position: token.position)
    }

    private mutating func parseCompound(isConst: Bool, list: Bool) throws -> GraphQLValue {
        try enterNesting()
        defer { leaveNesting() }
        let position = peekPosition()
        var children: [GraphQLChildValue] = []
        if list {
            try many(.bracketL, .bracketR) { p in
                children.append(GraphQLChildValue(name: "", value: try p.parseValueLiteral(isConst: isConst), position: nil))
            }
        } else {
            try many(.braceL, .braceR) { p in
                let fieldPosition = p.peekPosition()
                let name = try p.parseName()
                _ = try p.expect(.colon)
                children.append(GraphQLChildValue(name: name, value: try p.parseValueLiteral(isConst: isConst), position: fieldPosition))
            }
        }
        return GraphQLValue(kind: list ? .list : .object, children: children, position: position)
    }

    mutating func parseVariable() throws -> String {
        _ = try expect(.dollar)
        return try parseName()
    }

    mutating func parseTypeReference() throws -> GraphQLType {
        try enterNesting()
        defer { leaveNesting() }
        let type = GraphQLType()
        if try skip(.bracketL) {
            type.position = peekPosition()
            type.elem = try parseTypeReference()
            _ = try expect(.bracketR)
        } else {
            type.position = peekPosition()
            type.namedType = try parseName()
        }
        if try skip(.bang) {
            type.position = peekPosition()
            type.nonNull = true
        }
        return type
    }

    mutating func parseOperationType() throws -> String {
        let token = try next()
        switch token.value {
        case "query", "mutation", "subscription": return token.value
        default: throw unexpected(token)
        }
    }
}
