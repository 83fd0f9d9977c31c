import PalisadeCore

/// Arrays, sets, objects and their comprehensions.
extension SyntaxParser {
    /// `[...]` or `[x | body]`; leaves `]` as the current token.
    mutating func parseArray() -> Term? {
        let at = location(tok)
        scan()
        if tok.kind == .rbrack { return Term(.array([]), at: at) }
        var potentialComprehension = true
        if tok.kind == .comma {
            potentialComprehension = false
            scan()
        }
        let s = save()
        guard let head = parseTerm() else { return nil }
        switch tok.kind {
        case .rbrack:
            return Term(.array([head]), at: at)
        case .comma:
            scan()
            guard let terms = parseTermList(end: .rbrack, into: [head]) else { return nil }
            return Term(.array(terms), at: at)
        case .or where potentialComprehension:
            scan()
            if let body = parseBody(end: .rbrack) {
                return Term(.arrayComprehension(head, body), at: at)
            }
            guard tok.kind == .comma, !aborted else { return nil }
            restore(s)
            guard let terms = parseTermList(end: .rbrack) else { return nil }
            return Term(.array(terms), at: at)
        default:
            // The head starts an infix term: continue it instead of parsing it again.
            guard let first = parseInfix(keyVal: false, first: head) else { return nil }
            switch tok.kind {
            case .rbrack:
                return Term(.array([first]), at: at)
            case .comma:
                scan()
                guard let terms = parseTermList(end: .rbrack, into: [first]) else { return nil }
                return Term(.array(terms), at: at)
            default:
                illegal("expected \",\" or \"]\"")
                return nil
            }
        }
    }

    /// `{}` (object), sets, objects and their comprehensions; leaves `}` current.
    mutating func parseSetOrObject() -> Term? {
        let at = location(tok)
        scan()
        if tok.kind == .rbrace { return Term(.object([]), at: at) }
        var potentialComprehension = true
        if tok.kind == .comma {
            potentialComprehension = false
            scan()
        }
        let s = save()
        guard var head = parseTerm() else { return nil }
        switch tok.kind {
        case .or where potentialComprehension, .rbrace, .comma:
            return parseSet(s, head, potentialComprehension, at: at)
        case .colon:
            return parseObject(head, potentialComprehension, at: at)
        default:
            break
        }
        guard let infix = parseInfix(keyVal: false, first: head) else { return nil }
        head = infix
        switch tok.kind {
        case .rbrace, .comma:
            return parseSet(s, head, false, at: at)
        case .colon:
            return parseObject(head, potentialComprehension, at: at)
        default:
            illegal("non-terminated set")
            return nil
        }
    }

    private mutating func parseSet(_ s: Snapshot, _ head: Term, _ potentialComprehension: Bool, at: Location) -> Term? {
        switch tok.kind {
        case .rbrace:
            return Term(.set([head]), at: at)
        case .comma:
            scan()
            guard let terms = parseTermList(end: .rbrace, into: [head]) else { return nil }
            return Term(.set(terms), at: at)
        case .or:
            if potentialComprehension {
                scan()
                if let body = parseBody(end: .rbrace) {
                    return Term(.setComprehension(head, body), at: at)
                }
                guard tok.kind == .comma, !aborted else { return nil }
            }
            restore(s)
            guard let terms = parseTermList(end: .rbrace) else { return nil }
            return Term(.set(terms), at: at)
        default:
            return nil
        }
    }

    /// The current token is the `:` after the first key.
    private mutating func parseObject(_ key: Term, _ potentialComprehension: Bool, at: Location) -> Term? {
        scan()
        let s = save()
        guard let value = parseTerm() else { return nil }
        var potentialRelation = true
        if potentialComprehension {
            switch tok.kind {
            case .rbrace, .comma, .or:
                potentialRelation = tok.kind == .or
                if let term = parseObjectFinish(key, value, true, at: at) { return term }
                if aborted { return nil }
                restore(s)
                if potentialRelation {
                    guard let value = parseInfix(keyVal: false) else { return nil }
                    if tok.kind == .rbrace || tok.kind == .comma {
                        return parseObjectFinish(key, value, false, at: at)
                    }
                }
                illegal("non-terminated object")
                return nil
            default:
                break
            }
        }
        // Not a comprehension: the value may continue as an infix term.
        guard let infix = parseInfix(keyVal: false, first: value) else { return nil }
        if tok.kind == .rbrace || tok.kind == .comma {
            return parseObjectFinish(key, infix, false, at: at)
        }
        illegal("non-terminated object")
        return nil
    }

    private mutating func parseObjectFinish(_ key: Term, _ value: Term, _ potentialComprehension: Bool, at: Location) -> Term? {
        switch tok.kind {
        case .rbrace:
            return Term(.object([Term.ObjectItem(key: key, value: value)]), at: at)
        case .or:
            if potentialComprehension {
                scan()
                if let body = parseBody(end: .rbrace) {
                    return Term(.objectComprehension(key: key, value: value, body), at: at)
                }
            } else {
                illegal("non-terminated object")
            }
        case .comma:
            scan()
            if let items = parseTermPairList(end: .rbrace, into: [Term.ObjectItem(key: key, value: value)]) {
                return Term(.object(items), at: at)
            }
        default:
            break
        }
        return nil
    }
}
