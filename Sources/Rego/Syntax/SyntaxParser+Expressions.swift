import PalisadeCore

/// Infix terms, expressions (literals) and bodies.
extension SyntaxParser {
    // MARK: Infix terms

    /// OPA's `parseTermInfixCall` (keyVal) / `parseTermInfixCallInList`: a term
    /// with infix operators, `in` binding loosest. `first`, when given, is an
    /// already parsed leading primary term.
    mutating func parseInfix(keyVal: Bool, first: Term? = nil) -> Term? {
        guard var lhs = parseBinary(minLevel: 2, first: first) else { return nil }
        if keyVal, tok.kind == .comma {
            // `k, v in xs`
            let s = save()
            scan()
            if let middle = parseBinary(minLevel: 2), tok.kind == .kwIn, !scanAheadRef() {
                let op = memberOperator(arity: 3, at: tok)
                scan()
                if let rhs = parseBinary(minLevel: 2) {
                    lhs = Term(.call(op, [lhs, middle, rhs]), at: lhs.location)
                    if tok.kind != .kwIn { return lhs }
                } else {
                    restore(s)
                }
            } else {
                restore(s)
            }
        }
        var chained = 0
        defer { depth -= chained }
        // Like OPA, a keyword right before `.` or `[` after a term starts a new ref (`x \n if.foo`).
        while !scanAheadRef(), tok.kind == .kwIn {
            let op = memberOperator(arity: 2, at: tok)
            scan()
            guard let rhs = parseBinary(minLevel: 2) else { return lhs }
            lhs = Term(.call(op, [lhs, rhs]), at: lhs.location)
            chained += 1
            guard enterChain() else { return nil }
        }
        return lhs
    }

    /// Binary operators of level `minLevel` and tighter, left-associative.
    mutating func parseBinary(minLevel: Int, first: Term? = nil) -> Term? {
        guard var lhs = first ?? parseTerm() else { return nil }
        var chained = 0
        defer { depth -= chained }
        while let (name, level) = tok.kind.infixOperator, level >= minLevel {
            let opLocation = location(tok)
            scan()
            // Like OPA, a missing right operand leaves the left one (the error is recorded).
            guard let rhs = parseBinary(minLevel: level + 1) else { return lhs }
            let op = Term(.ref([Term(.variable(name), at: opLocation)]), at: opLocation)
            lhs = Term(.call(op, [lhs, rhs]), at: lhs.location)
            chained += 1
            guard enterChain() else { return nil }
        }
        return lhs
    }

    /// Counts one more level of operator nesting in the term being built.
    mutating func enterChain() -> Bool {
        depth += 1
        if depth > SyntaxParser.maxDepth {
            abort()
            return false
        }
        return true
    }

    mutating func memberOperator(arity: Int, at t: SyntaxToken) -> Term {
        let at = location(t)
        return Term(.ref([Term(.variable("internal"), at: at), Term(.scalar(.string("member_\(arity)")), at: at)]), at: at)
    }

    /// 2 or 3 for the `internal.member_2` / `internal.member_3` operators.
    static func memberArity(_ op: Term) -> Int? {
        guard case .ref(let parts) = op.kind, parts.count == 2, parts[0].variableName == "internal",
              case .scalar(.string(let name)) = parts[1].kind else { return nil }
        switch name {
        case "member_2": return 2
        case "member_3": return 3
        default: return nil
        }
    }

    // MARK: Bodies

    mutating func parseBody(end: SyntaxTokenKind) -> Body? {
        guard enter() else { return nil }
        defer { leave() }
        return parseQuery(requireSemicolon: false, end: end)
    }

    /// Expressions separated by `;` or newlines, up to `end` (left current).
    /// With `requireSemicolon`, one statement: it stops after an expression not followed by `;`.
    mutating func parseQuery(requireSemicolon: Bool, end: SyntaxTokenKind) -> Body? {
        if tok.kind == end {
            error(at: tok, "found empty body")
            return nil
        }
        var body: Body = []
        while true {
            guard let expr = parseLiteral() else { return nil }
            body.append(expr)
            if tok.kind == .semicolon {
                scan()
                continue
            }
            if tok.kind == end || requireSemicolon { return body }
            if !tok.newlineBefore {
                if errors.isEmpty { illegal("expected \\n or ; or \(end.name)") }
                return nil
            }
        }
    }

    // MARK: Literals

    /// One expression of a body: `[not] expr [with ...]`, `some ...` or `every ...`.
    mutating func parseLiteral() -> Expr? {
        let start = tok
        if tok.kind.isKeyword, nextIsAdjacentRefOpen() {
            tok.kind = .ident
            return parseLiteralExpr(negated: false, start: start)
        }
        var negated = false
        if tok.kind == .kwNot {
            scan()
            negated = true
        }
        switch tok.kind {
        case .kwSome:
            if negated {
                illegal("illegal negation of 'some'")
                return nil
            }
            return parseSome()
        case .kwEvery:
            if negated {
                illegal("illegal negation of 'every'")
                return nil
            }
            return parseEvery()
        default:
            return parseLiteralExpr(negated: negated, start: start)
        }
    }

    private mutating func parseLiteralExpr(negated: Bool, start: SyntaxToken) -> Expr? {
        guard let kind = parseExpr() else { return nil }
        var expr = Expr(kind, negated: negated, at: location(start))
        if tok.kind == .kwWith {
            guard let with = parseWith() else { return nil }
            expr.with = with
        }
        return expr
    }

    private mutating func parseExpr() -> Expr.Kind? {
        guard let lhs = parseInfix(keyVal: true) else { return nil }
        if tok.kind == .assign || tok.kind == .unify {
            let isAssign = tok.kind == .assign
            scan()
            guard let rhs = parseInfix(keyVal: true) else { return nil }
            return isAssign ? .assign(lhs, rhs) : .unify(lhs, rhs)
        }
        if case .call(let op, let args) = lhs.kind { return .call(op, args) }
        return .term(lhs)
    }

    private mutating func parseWith() -> [WithModifier]? {
        var modifiers: [WithModifier] = []
        repeat {
            let at = location(tok)
            scan()
            guard tok.kind == .ident else {
                illegal("expected ident")
                return nil
            }
            guard let target = parseTerm() else { return nil }
            switch target.kind {
            case .ref, .variable: break
            default: illegal("expected with target path")
            }
            guard tok.kind == .kwAs else {
                illegal("expected as keyword")
                return nil
            }
            scan()
            guard let value = parseInfix(keyVal: true) else { return nil }
            modifiers.append(WithModifier(target: target, value: value, at: at))
        } while tok.kind == .kwWith
        return modifiers
    }

    /// `some x, y` or `some [k,] v in xs`.
    private mutating func parseSome() -> Expr? {
        let at = location(tok)
        let s = save()
        scan()
        if let term = parseInfix(keyVal: true), case .call(let op, let args) = term.kind {
            let kind: Expr.Kind
            switch SyntaxParser.memberArity(op) {
            case 2:
                guard args.count == 2 else {
                    illegal("illegal domain")
                    return nil
                }
                kind = .someIn(key: nil, value: args[0], collection: args[1])
            case 3:
                guard args.count == 3 else {
                    illegal("illegal domain")
                    return nil
                }
                kind = .someIn(key: args[0], value: args[1], collection: args[2])
            default:
                illegal("expected `x in xs` or `x, y in xs` expression")
                return nil
            }
            var expr = Expr(kind, at: at)
            if tok.kind == .kwWith {
                guard let with = parseWith() else { return nil }
                expr.with = with
            }
            return expr
        }
        if aborted { return nil }
        restore(s)
        var symbols: [Term] = []
        while true {
            scan()
            guard tok.kind == .ident else {
                illegal("expected var")
                return nil
            }
            symbols.append(parseVar())
            scan()
            if tok.kind != .comma { break }
        }
        if !lexer.keywords.contains(.in), tok.kind == .ident, textIs(tok, "in") {
            hints.append("`import future.keywords.in` for `some x in xs` expressions")
        }
        return Expr(.some(symbols), at: at)
    }

    /// `every [k,] v in xs { body }`.
    private mutating func parseEvery() -> Expr? {
        let at = location(tok)
        scan()
        guard let term = parseInfix(keyVal: true) else { return nil }
        guard case .call(let op, let args) = term.kind, let arity = SyntaxParser.memberArity(op) else {
            illegal("expected `x[, y] in xs { ... }` expression")
            return nil
        }
        guard args.count == arity else {
            illegal("illegal domain")
            return nil
        }
        let key: Term? = arity == 3 ? args[0] : nil
        let value = args[arity - 2]
        let domain = args[arity - 1]
        if let key, key.variableName == nil {
            illegal("expected key to be a variable")
            return nil
        }
        guard value.variableName != nil else {
            illegal("expected value to be a variable")
            return nil
        }
        guard tok.kind == .lbrace else {
            illegal("missing body")
            return nil
        }
        scan()
        guard let body = parseBody(end: .rbrace) else { return nil }
        scan()
        var expr = Expr(.every(key: key, value: value, domain: domain, body: body), at: at)
        if tok.kind == .kwWith {
            guard let with = parseWith() else { return nil }
            expr.with = with
        }
        return expr
    }
}
