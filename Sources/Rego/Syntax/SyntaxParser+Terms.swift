import PalisadeCore

/// Terms: scalars, variables, refs, calls, composites and comprehensions.
extension SyntaxParser {
    /// OPA's `parseTerm`: one term with its ref/call suffix. Leaves the current
    /// token just after the term.
    mutating func parseTerm() -> Term? {
        guard enter() else { return nil }
        defer { leave() }
        let start = tok
        let memoised = start.kind == .lbrack || start.kind == .lbrace || start.kind == .lparen || start.kind.isTemplate
        if memoised, let cached = termCache[start.offset] {
            tok = cached.tok
            pos = cached.pos
            return cached.term
        }
        let errorCount = errors.count
        var term: Term?
        var isRootDocument = false
        switch tok.kind {
        case .kwNull: term = Term(.scalar(.null), at: location(tok))
        case .kwTrue: term = Term(.scalar(.bool(true)), at: location(tok))
        case .kwFalse: term = Term(.scalar(.bool(false)), at: location(tok))
        case .sub, .dot, .number: term = parseNumber()
        case .string: term = parseString()
        case .rawString: term = Term(.scalar(.string(text(tok))), at: location(tok))
        case .templatePart, .templateEnd: term = parseTemplateString(raw: false)
        case .rawTemplatePart, .rawTemplateEnd: term = parseTemplateString(raw: true)
        case .ident, .kwContains:
            isRootDocument = textIs(tok, "data") || textIs(tok, "input")
            term = parseVar()
        case .lbrack: term = parseArray()
        case .lbrace: term = parseSetOrObject()
        case .lparen:
            scan()
            if let inner = parseInfix(keyVal: true) {
                if tok.kind == .rparen {
                    term = inner
                } else {
                    error(at: tok, "non-terminated expression")
                }
            }
        default:
            illegal()
        }
        term = parseTermFinish(term, isRootDocument: isRootDocument)
        if memoised, let term, errors.count == errorCount {
            termCache[start.offset] = CachedTerm(term: term, tok: tok, pos: pos)
        }
        return term
    }

    mutating func parseVar() -> Term {
        Term(.variable(text(tok)), at: location(tok))
    }

    /// After a primary term (current token = its last token): a ref or call
    /// suffix written right after it, and `data`/`input` as refs.
    mutating func parseTermFinish(_ head: Term?, isRootDocument: Bool) -> Term? {
        guard let head else { return nil }
        scan()
        if !tok.spaceBefore, tok.kind == .lparen || tok.kind == .dot || tok.kind == .lbrack {
            return parseRef(head)
        }
        return isRootDocument ? Term(.ref([head]), at: head.location) : head
    }

    func rootDocumentRef(_ term: Term) -> Term {
        if case .variable(let name) = term.kind, name == "data" || name == "input" {
            return Term(.ref([term]), at: term.location)
        }
        return term
    }

    /// OPA's `parseRef`: the current token is the first `.`, `[` or `(` after `head`.
    mutating func parseRef(_ head: Term) -> Term? {
        switch head.kind {
        case .variable, .array, .object, .set, .arrayComprehension, .setComprehension, .objectComprehension, .call:
            break
        default:
            error(at: head.location, "illegal ref (head cannot be \(SyntaxParser.valueName(head)))")
        }
        var head = head
        var parts = [head]
        var first = true
        var chained = 0
        defer { depth -= chained }
        while true {
            if !first, tok.spaceBefore || !(tok.kind == .dot || tok.kind == .lbrack || tok.kind == .lparen) {
                return Term(.ref(parts), at: head.location)
            }
            first = false
            switch tok.kind {
            case .dot:
                scan()
                if tok.spaceBefore {
                    error(at: tok, "unexpected whitespace token: expected identifier")
                    return nil
                }
                guard tok.kind == .ident || tok.kind.isKeyword else {
                    illegal("expected identifier")
                    return nil
                }
                parts.append(Term(.scalar(.string(text(tok))), at: location(tok)))
                scan()
            case .lparen:
                let op = Term(.ref(parts), at: head.location)
                guard let call = parseCall(op, at: head.location) else { return nil }
                guard !tok.spaceBefore, tok.kind == .dot || tok.kind == .lbrack else { return call }
                // `f(x).y`: a ref whose head is the call.
                chained += 1
                guard enterChain() else { return nil }
                head = call
                parts = [call]
                first = true
            case .lbrack:
                scan()
                guard let index = parseInfix(keyVal: true) else { return nil }
                guard tok.kind == .rbrack else {
                    illegal("expected [")
                    return nil
                }
                parts.append(index)
                scan()
            default:
                return Term(.ref(parts), at: head.location)
            }
        }
    }

    /// The current token is `(`; leaves the current token after `)`.
    mutating func parseCall(_ op: Term, at location: Location) -> Term? {
        scan()
        if tok.kind == .rparen {
            scan()
            if case .ref(let parts) = op.kind, parts.count == 1, parts[0].variableName == "set" {
                return Term(.set([]), at: location)
            }
            return Term(.call(op, []), at: location)
        }
        guard let args = parseTermList(end: .rparen) else { return nil }
        scan()
        return Term(.call(op, args), at: location)
    }

    /// Comma-separated terms up to `end` (which stays the current token).
    mutating func parseTermList(end: SyntaxTokenKind, into initial: [Term] = []) -> [Term]? {
        var result = initial
        if tok.kind == end { return result }
        while true {
            guard let term = parseInfix(keyVal: false) else { return nil }
            result.append(term)
            switch tok.kind {
            case end:
                return result
            case .comma:
                scan()
                if tok.kind == end { return result }
            default:
                illegal("expected \",\" or \"\(end.name)\"")
                return nil
            }
        }
    }

    mutating func parseTermPairList(end: SyntaxTokenKind, into initial: [Term.ObjectItem]) -> [Term.ObjectItem]? {
        var result = initial
        if tok.kind == end { return result }
        while true {
            guard let key = parseInfix(keyVal: false) else { return nil }
            guard tok.kind == .colon else {
                illegal("expected \":\"")
                return nil
            }
            scan()
            guard let value = parseInfix(keyVal: false) else { return nil }
            result.append(Term.ObjectItem(key: key, value: value))
            switch tok.kind {
            case end:
                return result
            case .comma:
                scan()
                if tok.kind == end { return result }
            default:
                illegal("expected \",\" or \"\(end.name)\"")
                return nil
            }
        }
    }

    // MARK: Names for messages

    /// OPA's `ValueName`.
    static func valueName(_ term: Term) -> String {
        switch term.kind {
        case .scalar(let value):
            switch value {
            case .null: return "null"
            case .bool: return "boolean"
            case .number: return "number"
            case .string: return "string"
            default: return "value"
            }
        case .variable: return "var"
        case .ref: return "ref"
        case .array: return "array"
        case .object: return "object"
        case .set: return "set"
        case .call: return "call"
        case .arrayComprehension: return "arraycomprehension"
        case .setComprehension: return "setcomprehension"
        case .objectComprehension: return "objectcomprehension"
        case .templateString: return "templatestring"
        }
    }
}
