import PalisadeCore

/// How a rule was written, as OPA's Rego v1 checks need to know.
struct SyntaxRuleFlags {
    var hasIf: Bool
    var hasContains: Bool
    var generatedBody: Bool
    var generatedValue: Bool
    /// Per else branch: written with `if`, and without a body.
    var elseFlags: [(hasIf: Bool, generatedBody: Bool)] = []
}

/// A rule as parsed, with its flags.
struct SyntaxParsedRule {
    var rule: Rule
    var flags: SyntaxRuleFlags

    init(rule: Rule, hasIf: Bool, hasContains: Bool, generatedBody: Bool, generatedValue: Bool) {
        self.rule = rule
        flags = SyntaxRuleFlags(hasIf: hasIf, hasContains: hasContains, generatedBody: generatedBody, generatedValue: generatedValue)
    }
}

/// The parts of a rule head while it is being parsed.
struct SyntaxHeadParts {
    var ref: [Term]
    var args: [Term]?
    var key: Term?
    var value: Term?
    var isAssignment = false
    /// No value was written, so the value is `true`.
    var generatedValue = false
    var location: Location

    var ruleHead: RuleHead {
        RuleHead(ref: ref, args: args, key: key, value: value, isAssignment: isAssignment, at: location)
    }
}

/// Rule statements: heads, bodies, `else` and `default`.
extension SyntaxParser {
    /// OPA's `parseRules`: nil (without an error) when the statement is not a rule
    /// with a body, so it can be read as an expression instead.
    mutating func parseRules() -> [SyntaxParsedRule]? {
        let start = tok
        scanAheadRef()
        var isDefault = false
        if tok.kind == .kwDefault {
            scan()
            isDefault = true
            scanAheadRef()
        }
        guard tok.kind == .ident, let parsedHead = parseHead(isDefault: isDefault) else { return nil }
        var head = parsedHead.0
        let usesContains = parsedHead.1
        let ruleLocation = location(start)
        if isDefault { return parseDefaultRule(head, usesContains: usesContains, at: ruleLocation) }

        let hasIf = tok.kind == .kwIf
        // OPA's `Head.Key` being set decides whether `else` is allowed.
        var hasKey = usesContains
        if hasIf, !usesContains, head.ref.count == 2 {
            let key = head.ref[1]
            if head.args == nil, !SyntaxTermText.isGround(key) || SyntaxTermText.isRef(key) { hasKey = true }
            if head.value == nil { head.generatedValue = true }
        }
        if !hasIf, !usesContains, head.args == nil, head.ref.count == 2 {
            guard head.ref[0].variableName != nil else { return nil }
            hasKey = true
            if head.value == nil {
                // v0 `p[x] { ... }`: a partial set.
                head.key = head.ref[1]
                head.ref.removeLast()
            }
        }

        var body: Body
        if hasIf {
            scan()
            let s = save()
            if let expr = parseLiteral(), !SyntaxParser.isSetLiteral(expr) {
                body = [expr]
            } else {
                if aborted { return nil }
                restore(s)
                scan()
                guard let braced = parseBody(end: .rbrace) else { return nil }
                body = braced
                scan()
            }
        } else if tok.kind == .lbrace {
            scan()
            guard let braced = parseBody(end: .rbrace) else { return nil }
            body = braced
            scan()
        } else if usesContains {
            let rule = Rule(head: head.ruleHead, body: [], at: head.location)
            return [SyntaxParsedRule(rule: rule, hasIf: false, hasContains: true, generatedBody: true, generatedValue: false)]
        } else {
            return nil
        }

        var parsed = SyntaxParsedRule(rule: Rule(head: head.ruleHead, body: body, at: ruleLocation), hasIf: hasIf,
                                hasContains: usesContains, generatedBody: false, generatedValue: head.generatedValue)
        if tok.kind == .kwElse, !scanAheadRef() {
            if head.ref.count > 1, !head.ref.dropFirst().allSatisfy(SyntaxTermText.isGround) {
                error(at: tok, "else keyword cannot be used on rules with variables in head")
                return nil
            }
            if hasKey {
                error(at: tok, "else keyword cannot be used on multi-value rules")
                return nil
            }
            guard parseElseBranches(&parsed) else { return nil }
        }

        var rules = [parsed]
        while tok.kind == .lbrace {
            if !parsed.rule.elseBranches.isEmpty {
                error(at: tok, "expected else keyword")
                return nil
            }
            // v0 `p { a } { b }`: another rule with the same head.
            let at = location(tok)
            scan()
            guard let next = parseBody(end: .rbrace) else { return nil }
            scan()
            var chained = parsed
            chained.rule.body = next
            chained.rule.location = at
            chained.rule.head.location = at
            rules.append(chained)
        }
        return rules
    }

    private mutating func parseHead(isDefault: Bool) -> (SyntaxHeadParts, Bool)? {
        let at = location(tok)
        let name = parseVar()
        guard let term = parseHeadFinish(name) else {
            illegal("expected rule head name")
            return nil
        }
        var head = SyntaxHeadParts(ref: [term], location: at)
        switch term.kind {
        case .variable:
            break
        case .ref(let parts):
            head.ref = parts
        case .call(let op, let args):
            guard case .ref(let parts) = op.kind else { return nil }
            guard parts[0].variableName != nil else {
                illegal("rule head ref \(SyntaxTermText.describe(op)) invalid")
                return nil
            }
            head.ref = parts
            head.args = args.isEmpty ? nil : args
        default:
            return nil
        }
        let text = SyntaxTermText.describeRef(head.ref)
        switch tok.kind {
        case .kwContains:
            if head.args != nil {
                illegal("the contains keyword can only be used with multi-value rule definitions (e.g., \(text) contains <VALUE> { ... })")
            }
            scan()
            guard let key = parseInfix(keyVal: true) else {
                illegal("expected rule key term (e.g., \(text) contains <VALUE> { ... })")
                return nil
            }
            head.key = key
            return (head, true)
        case .unify:
            scan()
            guard let value = parseInfix(keyVal: true) else {
                illegal("expected rule value term (e.g., \(text)[<nil>] = <VALUE> { ... })")
                return nil
            }
            head.value = value
        case .assign:
            scan()
            head.isAssignment = true
            guard let value = parseInfix(keyVal: true) else {
                if head.args != nil {
                    illegal("expected function value term (e.g., \(text)(...) := <VALUE> { ... })")
                } else if isDefault {
                    illegal("expected default rule value term (e.g., default \(text) := <VALUE>)")
                } else {
                    illegal("expected rule value term (e.g., \(text) := <VALUE> { ... })")
                }
                return nil
            }
            head.value = value
        default:
            break
        }
        if head.value == nil, head.key == nil, head.ref.count != 2 || head.args != nil {
            head.generatedValue = true
        }
        return (head, false)
    }

    /// After the head's first name: its ref or call suffix (whitespace allowed before it).
    private mutating func parseHeadFinish(_ head: Term) -> Term? {
        scan()
        if !tok.spaceBefore, tok.kind.infixOperator != nil { illegal() }
        if tok.kind == .lparen || tok.kind == .dot || tok.kind == .lbrack { return parseRef(head) }
        return rootDocumentRef(head)
    }

    private mutating func parseElseBranches(_ parsed: inout SyntaxParsedRule) -> Bool {
        while tok.kind == .kwElse {
            let at = location(tok)
            scan()
            var value: Term?
            switch tok.kind {
            case .lbrace, .kwIf:
                break
            case .assign, .unify:
                scan()
                guard let term = parseInfix(keyVal: true) else { return false }
                value = term
            default:
                illegal("expected else value term or rule body")
                return false
            }
            let hasIf = tok.kind == .kwIf
            guard hasIf || tok.kind == .lbrace else {
                parsed.rule.elseBranches.append(Rule.ElseBranch(value: value, body: [], at: at))
                parsed.flags.elseFlags.append((hasIf: false, generatedBody: true))
                return true
            }
            if hasIf { scan() }
            let body: Body
            if tok.kind == .lbrace {
                scan()
                guard let braced = parseBody(end: .rbrace) else { return false }
                body = braced
                scan()
            } else if tok.kind != .eof {
                guard let expr = parseLiteral() else { return false }
                body = [expr]
            } else {
                illegal("rule body expected")
                return false
            }
            parsed.rule.elseBranches.append(Rule.ElseBranch(value: value, body: body, at: at))
            parsed.flags.elseFlags.append((hasIf: hasIf, generatedBody: false))
        }
        return true
    }

    private mutating func parseDefaultRule(_ head: SyntaxHeadParts, usesContains: Bool, at: Location) -> [SyntaxParsedRule]? {
        guard head.value != nil || (head.generatedValue && !usesContains) else {
            error(at: at, "illegal default rule (must have a value)")
            return nil
        }
        let errorCount = errors.count
        if let value = head.value {
            for kind in SyntaxTermText.forbiddenInDefaultValue(value) {
                error(at: at, "illegal default rule (value cannot contain \(kind))")
            }
        }
        var seen = Set<String>()
        for arg in head.args ?? [] {
            guard let name = arg.variableName else {
                error(at: at, "illegal default rule (arguments cannot contain \(SyntaxParser.valueName(arg)))")
                continue
            }
            if name != "_", !seen.insert(name).inserted {
                error(at: at, "illegal default rule (arguments cannot be repeated \(name))")
            }
        }
        guard errors.count == errorCount else { return nil }
        let rule = Rule(head: head.ruleHead, body: [], isDefault: true, at: at)
        return [SyntaxParsedRule(rule: rule, hasIf: false, hasContains: false, generatedBody: false, generatedValue: head.generatedValue)]
    }

    static func isSetLiteral(_ expr: Expr) -> Bool {
        if case .term(let term) = expr.kind, case .set = term.kind { return true }
        return false
    }
}
