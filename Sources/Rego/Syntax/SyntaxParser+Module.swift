import PalisadeCore

/// A top-level statement of a module.
enum SyntaxStatement {
    case package([String], Location)
    case importDecl(Import)
    case rule(SyntaxParsedRule)
    /// An expression statement (`p := 1`, `a.b.c`, `f(x) = y`), read as a rule.
    case body(Body)

    var location: Location {
        switch self {
        case .package(_, let at): return at
        case .importDecl(let imp): return imp.location
        case .rule(let parsed): return parsed.rule.location
        case .body(let body): return body[0].location
        }
    }
}

/// Operator names an expression statement may not define (OPA: "conflicts with built-in function").
private let infixBuiltinNames: Set<String> = [
    "equal", "neq", "lt", "lte", "gt", "gte", "plus", "minus", "mul", "div", "rem", "and", "or",
    "internal.member_2", "internal.member_3", "eq", "assign",
]

extension SyntaxParser {
    // MARK: Statements

    /// OPA's `Parse` loop: package, import, rule, else an expression statement.
    mutating func parseStatements() -> [SyntaxStatement] {
        var statements: [SyntaxStatement] = []
        scan()
        while tok.kind != .eof, !aborted {
            let s = save()
            if tok.kind == .kwPackage {
                if let declaration = parsePackage() {
                    statements.append(.package(declaration.path, declaration.location))
                    continue
                }
                if !errors.isEmpty || aborted { break }
                restore(s)
            }
            if tok.kind == .kwImport {
                if let imp = parseImport() {
                    applyKeywordImport(imp)
                    statements.append(.importDecl(imp))
                    continue
                }
                if !errors.isEmpty || aborted { break }
                restore(s)
            }
            if let rules = parseRules() {
                statements.append(contentsOf: rules.map(SyntaxStatement.rule))
                continue
            }
            if !errors.isEmpty || aborted { break }
            restore(s)
            if let body = parseQuery(requireSemicolon: true, end: .eof) {
                statements.append(.body(body))
                continue
            }
            break
        }
        return statements
    }

    // MARK: Module

    mutating func parseModule() throws -> Module {
        let statements = parseStatements()
        let blocks = parseAnnotationBlocks()
        if aborted || !errors.isEmpty { throw thrownError() }
        guard let first = statements.first else {
            throw RegoError(.parse, "empty module", at: Location(file: file, line: 1, column: 1))
        }
        var package: [String] = []
        var packageLocation = first.location
        if case .package(let path, let at) = first {
            package = path
            packageLocation = at
        } else {
            errors.append(RegoError(.parse, "package expected", at: first.location))
        }
        var imports: [Import] = []
        var rules: [Rule] = []
        var flags: [SyntaxRuleFlags] = []
        /// For annotations: each statement's line and what it is (a rule index, the package, ...).
        var nodes: [(line: Int, node: SyntaxAnnotatedNode)] = [(packageLocation.line, .package)]
        var isRegoV1 = version == .v1
        func add(_ parsed: SyntaxParsedRule) {
            nodes.append((parsed.rule.location.line, .rule(rules.count)))
            rules.append(parsed.rule)
            flags.append(parsed.flags)
        }
        for statement in statements.dropFirst() {
            switch statement {
            case .package(_, let at):
                errors.append(RegoError(.parse, "unexpected package", at: at))
            case .importDecl(let imp):
                imports.append(imp)
                nodes.append((imp.location.line, .importDecl))
                if case .ref(let parts) = imp.path.kind, parts.count == 2, parts[0].variableName == "rego",
                   SyntaxTermText.string(parts[1]) == "v1" {
                    isRegoV1 = true
                }
            case .rule(let parsed):
                add(parsed)
            case .body(let body):
                if let parsed = ruleFromBody(body) { add(parsed) }
            }
        }
        if isRegoV1 {
            for (rule, ruleFlags) in zip(rules, flags) { errors.append(contentsOf: regoV1Errors(rule, ruleFlags)) }
        }
        if !errors.isEmpty { throw thrownError() }
        let annotations = attachAnnotations(blocks, nodes: nodes, rules: rules)
        if !errors.isEmpty { throw thrownError() }
        return Module(package: package, packageLocation: packageLocation, imports: imports, rules: rules,
                      annotations: annotations, version: isRegoV1 ? .v1 : .v0, file: file)
    }

    /// A query: expressions separated by `;` or newlines.
    mutating func parseQueryBody() throws -> Body {
        scan()
        var body: Body = []
        while tok.kind != .eof, !aborted {
            guard let statement = parseQuery(requireSemicolon: true, end: .eof) else { break }
            body.append(contentsOf: statement)
        }
        if aborted || !errors.isEmpty { throw thrownError() }
        guard !body.isEmpty else { throw RegoError(.parse, "empty query", at: location(tok)) }
        return body
    }

    // MARK: Expression statements as rules

    /// OPA's `ParseRuleFromBody`: `p := 1`, `p[k] = v`, `f(x) = y`, `a.b.c`, `p[x]`, `f(x)`.
    private mutating func ruleFromBody(_ body: Body) -> SyntaxParsedRule? {
        let expr = body[0]
        let at = expr.location
        func fail(_ message: String) -> SyntaxParsedRule? {
            errors.append(RegoError(.parse, message, at: at))
            return nil
        }
        func rule(_ head: RuleHead, generatedValue: Bool = false) -> SyntaxParsedRule {
            SyntaxParsedRule(rule: Rule(head: head, body: [], at: at), hasIf: false, hasContains: false,
                       generatedBody: true, generatedValue: generatedValue)
        }
        guard body.count == 1 else { return fail("multiple expressions cannot be used for rule head") }
        guard expr.with.isEmpty else { return fail("expressions using with keyword cannot be used for rule head") }
        guard !expr.negated else { return fail("negated expressions cannot be used for rule head") }
        switch expr.kind {
        case .some, .someIn:
            return fail("'some' declarations cannot be used for rule head")
        case .every:
            return fail("expression cannot be used for rule head")
        case .term(let term):
            guard case .ref(let parts) = term.kind else {
                return fail("\(SyntaxParser.valueName(term)) cannot be used for rule name")
            }
            guard parts.count > 1 else { return fail("refs cannot be used for rule head") }
            guard parts[0].variableName != nil else { return fail("invalid rule head: \(SyntaxTermText.describe(term))") }
            if parts.count > 2 {
                return rule(RuleHead(ref: parts, at: at), generatedValue: true)
            }
            return rule(RuleHead(ref: [parts[0]], key: parts[1], at: at))
        case .unify(let lhs, let rhs), .assign(let lhs, let rhs):
            var isAssign = false
            if case .assign = expr.kind { isAssign = true }
            switch lhs.kind {
            case .call(let op, let args):
                if case .ref(let parts) = op.kind, parts[0].variableName != nil {
                    return rule(RuleHead(ref: parts, args: args.isEmpty ? nil : args, value: rhs, isAssignment: isAssign, at: at))
                }
                return fail("call cannot be used for rule name")
            case .ref(let parts):
                guard parts[0].variableName != nil else { return fail("invalid rule head: \(SyntaxTermText.describe(lhs))") }
                return rule(RuleHead(ref: parts, value: rhs, isAssignment: isAssign, at: at))
            case .variable:
                return rule(RuleHead(ref: [lhs], value: rhs, isAssignment: isAssign, at: at))
            default:
                return fail("\(SyntaxParser.valueName(lhs)) cannot be used for rule name")
            }
        case .call(let op, let args):
            guard case .ref(let parts) = op.kind else { return fail("expression cannot be used for rule head") }
            if infixBuiltinNames.contains(SyntaxTermText.describeRef(parts)) {
                return fail("rule name conflicts with built-in function")
            }
            guard !args.isEmpty else { return fail("rule argument list must take at least one argument") }
            guard parts[0].variableName != nil else { return fail("invalid rule head: \(SyntaxTermText.describe(op))") }
            return rule(RuleHead(ref: parts, args: args, at: at))
        }
    }

    // MARK: Rego v1 checks

    /// OPA's `checkRegoV1Rule` for a rule and each of its else branches.
    private func regoV1Errors(_ rule: Rule, _ flags: SyntaxRuleFlags) -> [RegoError] {
        let head = rule.head
        let kind = (head.args?.isEmpty == false) ? "function" : "rule"
        var keywordName: String?
        if head.ref.count == 1, let name = head.ref[0].variableName, SyntaxParser.isRegoV1Keyword(name) {
            keywordName = name
        }
        var result: [RegoError] = []
        func check(at: Location, generatedBody: Bool, generatedValue: Bool, hasIf: Bool, multiValue: Bool) {
            if let keywordName {
                result.append(RegoError(.parse, "\(keywordName) keyword cannot be used for rule name", at: at))
            }
            if generatedBody && generatedValue {
                result.append(RegoError(.parse, "\(kind) must have value assignment and/or body declaration", at: at))
            }
            if !generatedBody && !hasIf && !rule.isDefault {
                result.append(RegoError(.parse, "`if` keyword is required before \(kind) body", at: at))
            }
            if multiValue && !flags.hasContains {
                result.append(RegoError(.parse, "`contains` keyword is required for partial set rules", at: at))
            }
        }
        check(at: rule.location, generatedBody: flags.generatedBody, generatedValue: flags.generatedValue,
              hasIf: flags.hasIf, multiValue: head.key != nil && head.value == nil)
        for (branch, branchFlags) in zip(rule.elseBranches, flags.elseFlags) {
            check(at: branch.location, generatedBody: branchFlags.generatedBody, generatedValue: false,
                  hasIf: flags.hasIf || branchFlags.hasIf, multiValue: false)
        }
        return result
    }

    static func isRegoV1Keyword(_ name: String) -> Bool {
        switch name {
        case "package", "import", "as", "default", "else", "not", "some", "with", "null", "true", "false",
             "if", "contains", "in", "every":
            return true
        default:
            return false
        }
    }
}
