import PalisadeCore

/// Compiles the rules and bodies of one module: resolves names against the
/// module's package and imports, assigns slots, and orders bodies safely.
struct ModuleContext {
    unowned let compiler: Compiler
    let module: Module
    let index: Int
    /// Import aliases: name → the ref it stands for.
    let imports: [String: [Term]]

    init(compiler: Compiler, module: Module, index: Int) {
        self.compiler = compiler
        self.module = module
        self.index = index
        var imports: [String: [Term]] = [:]
        for imp in module.imports {
            let parts = imp.path.refParts
            guard let rootName = parts.first?.variableName, rootName == "data" || rootName == "input" else { continue }
            if let alias = imp.alias {
                imports[alias] = parts
            } else if parts.count > 1, case .scalar(.string(let last)) = parts.last!.kind {
                imports[last] = parts
            }
        }
        self.imports = imports
    }

    // MARK: Rules

    func compileRule(_ original: Rule, path: [String], dynamicParts: [Term], annotations: [Value]) -> CRule? {
        let rule = Self.liftingComplexArguments(original)
        let head = rule.head
        let slots = SlotAllocator()
        let scope = Scope(parent: nil, slots: slots)
        var argTerms: [CTerm] = []
        var bound: Set<Int> = []
        if let args = head.args {
            for arg in args {
                declarePatternVars(arg, in: scope)
                let t = compileTerm(arg, scope: scope)
                argTerms.append(t)
                bound.formUnion(Safety.slots(in: t))
            }
        }
        let kind: CRule.Kind
        if head.args != nil {
            kind = .function
        } else if head.key != nil && head.value == nil {
            kind = .multiValue
        } else if !dynamicParts.isEmpty {
            kind = .partialObject
        } else {
            kind = .complete
        }
        if rule.isDefault {
            if !rule.body.isEmpty {
                compiler.report(RegoError(.parse, "default rules must not have a body", at: rule.location))
            }
        }
        predeclare(rule.body, in: scope)
        let body = compileBody(rule.body, scope: scope, bound: bound)
        let bodyBound = bound.union(Safety.boundAfter(body, initially: bound))
        let keyTerms = dynamicParts.map { compileTerm($0, scope: scope) }
        let element = head.key.map { compileTerm($0, scope: scope) }
        let value: CTerm? = head.value.map { compileTerm($0, scope: scope) }
        var unsafe: Set<Int> = []
        for t in keyTerms + [element, value].compactMap({ $0 }) where Safety.evaluable(t, bodyBound) == nil {
            unsafe.formUnion(Safety.slots(in: t).subtracting(bodyBound))
        }
        for slot in unsafe.sorted() where slots.names[slot] != "_" {
            compiler.report(RegoError(.unsafeVar, "var \(slots.names[slot]) is unsafe", at: rule.head.location))
        }
        var elses: [(value: CTerm?, body: CBody)] = []
        for branch in rule.elseBranches {
            let branchScope = Scope(parent: nil, slots: slots)
            for arg in head.args ?? [] { rebindArgs(arg, from: scope, into: branchScope) }
            predeclare(branch.body, in: branchScope)
            let b = compileBody(branch.body, scope: branchScope, bound: bound)
            let v = branch.value.map { compileTerm($0, scope: branchScope) }
            elses.append((v, b))
        }
        return CRule(kind: kind, path: path, keyTerms: keyTerms, elementTerm: element, valueTerm: value,
                     args: argTerms, body: body, elseBranches: elses, isDefault: rule.isDefault,
                     slotCount: slots.count, location: rule.location, annotations: annotations, module: index)
    }

    /// OPA rewrites function arguments that are not plain patterns (calls,
    /// refs, template strings) into a fresh variable plus an equality in
    /// every body, so they are evaluated after the body binds their vars.
    static func liftingComplexArguments(_ rule: Rule) -> Rule {
        guard let args = rule.head.args, args.contains(where: { !isPlainPattern($0) }) else { return rule }
        var result = rule
        var extra: [Expr] = []
        var newArgs: [Term] = []
        for (i, arg) in args.enumerated() {
            if isPlainPattern(arg) { newArgs.append(arg); continue }
            let variable = Term.variable("__arg\(i)__", at: arg.location)
            newArgs.append(variable)
            extra.append(Expr(.unify(variable, arg), at: arg.location))
        }
        result.head.args = newArgs
        result.body = rule.body + extra
        result.elseBranches = rule.elseBranches.map { branch in
            var b = branch
            b.body = branch.body + extra
            return b
        }
        return result
    }

    static func isPlainPattern(_ term: Term) -> Bool {
        switch term.kind {
        case .scalar, .variable: return true
        case .array(let items), .set(let items): return items.allSatisfy(isPlainPattern)
        case .object(let items): return items.allSatisfy { $0.key.isScalar && isPlainPattern($0.value) }
        default: return false
        }
    }

    /// Else branches see the function's arguments under the same slots.
    private func rebindArgs(_ arg: Term, from scope: Scope, into branch: Scope) {
        for name in patternVariables(arg) {
            if let slot = scope.lookup(name) { branch.alias(name, to: slot) }
        }
    }

    // MARK: Bodies

    /// Compiles a body in `scope` and orders it so each expression's inputs
    /// are bound before it runs. `bound` holds slots bound on entry.
    func compileBody(_ body: Body, scope: Scope, bound: Set<Int>) -> CBody {
        var exprs: [CExpr] = []
        for (i, expr) in body.enumerated() {
            var compiled = compileExpr(expr, scope: scope)
            compiled.sourceIndex = i
            for var hoisted in hoistOperands(of: &compiled, scope: scope) {
                hoisted.sourceIndex = i
                exprs.append(hoisted)
            }
            exprs.append(compiled)
        }
        do {
            return try Safety.reorder(exprs, bound: bound, names: scope.slots.names)
        } catch let error as RegoError {
            compiler.report(error)
            return exprs
        } catch {
            return exprs
        }
    }

    /// OPA evaluates the ref and call operands of a negated call to a user
    /// function before the negation (`not f(input.x)` is `t = input.x; not f(t)`),
    /// so an undefined operand makes the body fail rather than the negation
    /// succeed. Operands of builtins (`not input.a == 1`) stay inside.
    private func hoistOperands(of expr: inout CExpr, scope: Scope) -> [CExpr] {
        guard expr.negated, case .call(let callee, var args, let output) = expr.kind,
              case .function = callee else { return [] }
        var hoisted: [CExpr] = []
        for (i, arg) in args.enumerated() {
            switch arg {
            case .ref, .call:
                let slot = scope.fresh("$neg")
                hoisted.append(CExpr(kind: .unify(.local(slot), arg), negated: false, with: expr.with, location: expr.location))
                args[i] = .local(slot)
            default:
                continue
            }
        }
        expr.kind = .call(callee, args, output: output)
        return hoisted
    }

    /// Declares the variables a body introduces with `some x, y`. Variables
    /// introduced by `:=` and `some … in` are declared where they appear, so an
    /// earlier expression (or comprehension) does not see them, as in OPA.
    func predeclare(_ body: Body, in scope: Scope) {
        for expr in body {
            guard case .some(let vars) = expr.kind else { continue }
            for v in vars {
                if let name = v.variableName, name != "_", !scope.isDeclaredHere(name) { scope.declare(name) }
            }
        }
    }

    /// Declares the pattern variables of a `:=` left side or a `some … in` key/value.
    private func declareHere(_ term: Term, in scope: Scope) {
        for name in patternVariables(term) where !scope.isDeclaredHere(name) {
            scope.declare(name)
        }
    }

    private func declarePatternVars(_ term: Term, in scope: Scope) {
        for name in patternVariables(term) where !scope.isDeclaredHere(name) {
            scope.declare(name)
        }
    }

    /// Variables in pattern positions of a term (not inside refs or calls).
    func patternVariables(_ term: Term) -> [String] {
        switch term.kind {
        case .variable(let n): return n == "_" ? [] : [n]
        case .array(let items), .set(let items): return items.flatMap(patternVariables)
        case .object(let items): return items.flatMap { patternVariables($0.value) }
        default: return []
        }
    }

    func compileExpr(_ expr: Expr, scope: Scope) -> CExpr {
        var withs: [CWith] = []
        for w in expr.with {
            if let cw = compileWith(w, scope: scope) { withs.append(cw) }
        }
        let kind: CExpr.Kind
        switch expr.kind {
        case .term(let t):
            if case .call(let op, let args) = t.kind {
                kind = compileCallExpr(op, args, location: t.location, scope: scope)
            } else {
                kind = .term(compileTerm(t, scope: scope))
            }
        case .unify(let a, let b):
            kind = .unify(compileTerm(a, scope: scope), compileTerm(b, scope: scope))
        case .assign(let a, let b):
            let right = compileTerm(b, scope: scope)
            declareHere(a, in: scope)
            kind = .unify(compileTerm(a, scope: scope), right)
        case .call(let op, let args):
            kind = compileCallExpr(op, args, location: expr.location, scope: scope)
        case .some(let vars):
            for v in vars where v.variableName == "_" { _ = scope.fresh() }
            kind = .noop
        case .someIn(let key, let value, let collection):
            let compiledCollection = compileTerm(collection, scope: scope)
            for t in [key, value].compactMap({ $0 }) { declareHere(t, in: scope) }
            kind = .someIn(key: key.map { compileTerm($0, scope: scope) },
                           value: compileTerm(value, scope: scope),
                           collection: compiledCollection)
        case .every(let key, let value, let domain, let body):
            let domainTerm = compileTerm(domain, scope: scope)
            let inner = Scope(parent: scope, slots: scope.slots)
            var bound: Set<Int> = []
            for t in [key, value].compactMap({ $0 }) {
                for name in patternVariables(t) { bound.insert(inner.declare(name)) }
            }
            let k = key.map { compileTerm($0, scope: inner) }
            let v = compileTerm(value, scope: inner)
            bound.formUnion(Safety.slots(in: v))
            if let k { bound.formUnion(Safety.slots(in: k)) }
            predeclare(body, in: inner)
            var exprs: [CExpr] = []
            for e in body { exprs.append(compileExpr(e, scope: inner)) }
            let closure = inner.captured
            let ordered: CBody
            do {
                ordered = try Safety.reorder(exprs, bound: bound.union(closure), names: scope.slots.names)
            } catch let error as RegoError {
                compiler.report(error)
                ordered = exprs
            } catch { ordered = exprs }
            kind = .every(key: k, value: v, domain: domainTerm, body: ordered, closure: closure.sorted())
        }
        return CExpr(kind: kind, negated: expr.negated, with: withs, location: expr.location)
    }

    private func compileCallExpr(_ op: Term, _ args: [Term], location: Location, scope: Scope) -> CExpr.Kind {
        // `eq(a, b)` and `assign(a, b)` are the call forms of `=` and `:=`.
        if args.count == 2, let name = dottedName(op), name == "eq" || name == "assign" {
            let right = compileTerm(args[1], scope: scope)
            if name == "assign" { declareHere(args[0], in: scope) }
            return .unify(compileTerm(args[0], scope: scope), right)
        }
        let callee = resolveCallee(op, location: location)
        let arity = self.arity(of: callee)
        var compiledArgs = args.map { compileTerm($0, scope: scope) }
        var output: CTerm?
        if let arity, arity >= 0, compiledArgs.count == arity + 1 {
            output = compiledArgs.removeLast()
        } else if let arity, arity >= 0, compiledArgs.count != arity {
            compiler.report(RegoError(.type, "\(callee.displayName): arity mismatch\n\thave: (\(compiledArgs.count) args)\n\twant: (\(arity) args)", at: location))
        }
        return .call(callee, compiledArgs, output: output)
    }

    func arity(of callee: Callee) -> Int? {
        switch callee {
        case .builtin(let name):
            if let special = EvaluatorBuiltins.arities[name] { return special }
            return compiler.builtins[name]?.arity
        case .resolved(let builtin):
            return builtin.arity
        case .function(let path):
            return compiler.functionArity(path)
        case .unknown:
            return nil
        }
    }

    private func compileWith(_ w: WithModifier, scope: Scope) -> CWith? {
        let parts = w.target.refParts
        var replacement: Callee?
        if let name = dottedName(w.value), !name.isEmpty, scope.lookup(name.components(separatedBy: ".")[0]) == nil {
            let callee = resolveCallee(w.value, location: w.location, reportUnknown: false)
            switch callee {
            case .function(let path) where compiler.isFunction(path): replacement = callee
            case .builtin(let n) where compiler.builtins[n] != nil || EvaluatorBuiltins.arities[n] != nil:
                replacement = callee
            case .resolved:
                replacement = callee
            default: break
            }
        }
        let value = replacement == nil ? compileTerm(w.value, scope: scope) : .value(.null)
        guard let rootName = parts.first?.variableName else {
            compiler.report(RegoError(.type, "with keyword target must reference existing input, data, or a function", at: w.location))
            return nil
        }
        if rootName == "input" && scope.lookup("input") == nil {
            return CWith(target: .input(parts.dropFirst().map { compileTerm($0, scope: scope) }), value: value, replacementFunction: replacement)
        }
        if rootName == "data" || imports[rootName] != nil || compiler.isRule(rootName, in: module.package) {
            let resolved = resolveRefHead(parts)
            if resolved.first?.variableName == "input" {
                return CWith(target: .input(resolved.dropFirst().map { compileTerm($0, scope: scope) }), value: value, replacementFunction: replacement)
            }
            let names = resolved.dropFirst().compactMap { part -> String? in
                if case .scalar(.string(let s)) = part.kind { return s }
                return nil
            }
            if names.count == resolved.count - 1 {
                if compiler.isFunction(names) { return CWith(target: .function("data." + names.joined(separator: ".")), value: value, replacementFunction: replacement) }
                return CWith(target: .data(names), value: value, replacementFunction: replacement)
            }
        }
        if let name = dottedName(w.target) {
            let callee = resolveCallee(w.target, location: w.location, reportUnknown: false)
            switch callee {
            case .builtin(let n): return CWith(target: .function(n), value: value, replacementFunction: replacement)
            case .resolved(let b): return CWith(target: .function(b.name), value: value, replacementFunction: replacement)
            case .function(let p): return CWith(target: .function("data." + p.joined(separator: ".")), value: value, replacementFunction: replacement)
            case .unknown: break
            }
            compiler.report(RegoError(.type, "with keyword target must reference existing input, data, or a function: \(name)", at: w.location))
            return nil
        }
        compiler.report(RegoError(.type, "with keyword target must reference existing input, data, or a function", at: w.location))
        return nil
    }

    // MARK: Terms

    func compileTerm(_ term: Term, scope: Scope) -> CTerm {
        switch term.kind {
        case .scalar(let v):
            return .value(v)
        case .variable(let name):
            return resolveVariable(name, scope: scope, location: term.location)
        case .ref(let parts):
            return compileRef(parts, scope: scope, location: term.location)
        case .array(let items):
            return Self.fold(.array(items.map { compileTerm($0, scope: scope) }))
        case .set(let items):
            return Self.fold(.set(items.map { compileTerm($0, scope: scope) }))
        case .object(let items):
            return Self.fold(.object(items.map { (compileTerm($0.key, scope: scope), compileTerm($0.value, scope: scope)) }))
        case .call(let op, let args):
            let callee = resolveCallee(op, location: term.location)
            if let arity = arity(of: callee), arity >= 0, args.count != arity {
                compiler.report(RegoError(.type, "\(callee.displayName): arity mismatch\n\thave: (\(args.count) args)\n\twant: (\(arity) args)", at: term.location))
            }
            return .call(callee, args.map { compileTerm($0, scope: scope) }, term.location)
        case .arrayComprehension(let head, let body):
            let (h, b, closure) = compileComprehension([head], body, scope: scope)
            return .arrayComprehension(h[0], b, closure: closure)
        case .setComprehension(let head, let body):
            let (h, b, closure) = compileComprehension([head], body, scope: scope)
            return .setComprehension(h[0], b, closure: closure)
        case .objectComprehension(let key, let value, let body):
            let (h, b, closure) = compileComprehension([key, value], body, scope: scope)
            return .objectComprehension(h[0], h[1], b, closure: closure)
        case .templateString(let parts):
            var compiled: [CTemplatePart] = []
            for part in parts {
                switch part {
                case .text(let s): compiled.append(.text(s))
                case .expression(let t):
                    let (h, b, closure) = compileComprehension([t], [], scope: scope)
                    compiled.append(.expression(.setComprehension(h[0], b, closure: closure), nil))
                }
            }
            return .templateString(compiled, term.location)
        }
    }

    private func compileComprehension(_ heads: [Term], _ body: Body, scope: Scope) -> ([CTerm], CBody, [Int]) {
        let inner = Scope(parent: scope, slots: scope.slots)
        predeclare(body, in: inner)
        var exprs: [CExpr] = []
        for (i, e) in body.enumerated() {
            var compiled = compileExpr(e, scope: inner)
            compiled.sourceIndex = i
            exprs.append(compiled)
        }
        // OPA moves a head that reads refs or calls into the body (`tmp = head`),
        // so the head can bind variables the body needs (`[a[i] | not f(a[i])]`).
        var h: [CTerm] = []
        for head in heads {
            let term = compileTerm(head, scope: inner)
            if Self.readsRefsOrCalls(term) {
                let slot = inner.fresh("$head")
                var expr = CExpr(kind: .unify(.local(slot), term), negated: false, with: [], location: head.location)
                expr.sourceIndex = exprs.count
                exprs.append(expr)
                h.append(.local(slot))
            } else {
                h.append(term)
            }
        }
        let closure = inner.captured
        let ordered: CBody
        do {
            ordered = try Safety.reorder(exprs, bound: closure, names: scope.slots.names)
        } catch let error as RegoError {
            compiler.report(error)
            ordered = exprs
        } catch { ordered = exprs }
        var bound = closure.union(Safety.boundAfter(ordered, initially: closure))
        bound.formUnion(closure)
        var headSlots: Set<Int> = []
        for t in h { headSlots.formUnion(Safety.slots(in: t)) }
        let location = heads.first?.location
        for slot in headSlots.subtracting(bound).sorted() where inner.owns(slot) {
            compiler.report(RegoError(.unsafeVar, "var \(scope.slots.names[slot]) is unsafe", at: location))
        }
        return (h, ordered, closure.sorted())
    }

    static func readsRefsOrCalls(_ term: CTerm) -> Bool {
        switch term {
        case .ref, .call, .templateString: return true
        case .array(let items), .set(let items): return items.contains(where: readsRefsOrCalls)
        case .object(let items): return items.contains { readsRefsOrCalls($0.0) || readsRefsOrCalls($0.1) }
        default: return false
        }
    }

    /// Replaces composite terms whose parts are all constants by one value.
    static func fold(_ term: CTerm) -> CTerm {
        switch term {
        case .array(let items):
            var values: [Value] = []
            for item in items {
                guard case .value(let v) = item else { return term }
                values.append(v)
            }
            return .value(.array(values))
        case .set(let items):
            var values: Set<Value> = []
            for item in items {
                guard case .value(let v) = item else { return term }
                values.insert(v)
            }
            return .value(.set(values))
        case .object(let items):
            var dict: [Value: Value] = [:]
            for (k, v) in items {
                guard case .value(let kv) = k, case .value(let vv) = v else { return term }
                dict[kv] = vv
            }
            return .value(.object(dict))
        default:
            return term
        }
    }

    private func resolveVariable(_ name: String, scope: Scope, location: Location) -> CTerm {
        if name == "_" { return .local(scope.fresh()) }
        if let slot = scope.lookup(name) { return .local(slot) }
        if name == "input" { return .ref(.input, []) }
        if name == "data" { return .ref(.data, []) }
        if let target = imports[name] { return compileRef(target, scope: scope, location: location) }
        if compiler.isRule(name, in: module.package) {
            return .ref(.data, (module.package + [name]).map { .value(.string($0)) })
        }
        return .local(scope.declare(name))
    }

    /// Expands an import alias or a package rule name at the head of a ref.
    private func resolveRefHead(_ parts: [Term]) -> [Term] {
        guard let head = parts.first, let name = head.variableName else { return parts }
        if name == "data" || name == "input" { return parts }
        if let target = imports[name] { return target + parts.dropFirst() }
        if compiler.isRule(name, in: module.package) {
            let loc = head.location
            return [Term.variable("data", at: loc)] + module.package.map { Term.string($0, at: loc) }
                + [Term.string(name, at: loc)] + parts.dropFirst()
        }
        return parts
    }

    private func compileRef(_ parts: [Term], scope: Scope, location: Location) -> CTerm {
        guard let head = parts.first else { return .value(.null) }
        let rest = parts.dropFirst().map { compileTerm($0, scope: scope) }
        if let name = head.variableName {
            if name != "_", let slot = scope.lookup(name) { return .ref(.local(slot), rest) }
            switch name {
            case "input": return .ref(.input, rest)
            case "data": return .ref(.data, rest)
            default:
                if let target = imports[name] {
                    let base = compileRef(target, scope: scope, location: location)
                    if case .ref(let root, let prefix) = base { return .ref(root, prefix + rest) }
                    return .ref(.term(base), rest)
                }
                if compiler.isRule(name, in: module.package) {
                    return .ref(.data, (module.package + [name]).map { CTerm.value(.string($0)) } + rest)
                }
                let slot = name == "_" ? scope.fresh() : scope.declare(name)
                return .ref(.local(slot), rest)
            }
        }
        let base = compileTerm(head, scope: scope)
        if case .ref(let root, let prefix) = base { return .ref(root, prefix + rest) }
        return .ref(.term(base), rest)
    }

    // MARK: Calls

    func dottedName(_ term: Term) -> String? {
        var names: [String] = []
        for (i, part) in term.refParts.enumerated() {
            switch part.kind {
            case .variable(let n) where i == 0: names.append(n)
            case .scalar(.string(let s)) where i > 0: names.append(s)
            default: return nil
            }
        }
        return names.joined(separator: ".")
    }

    func resolveCallee(_ op: Term, location: Location, reportUnknown: Bool = true) -> Callee {
        guard let name = dottedName(op) else {
            if reportUnknown { compiler.report(RegoError(.type, "invalid function reference", at: location)) }
            return .unknown("?")
        }
        var parts = name.components(separatedBy: ".")
        if parts.first == "data" {
            parts.removeFirst()
            return .function(parts)
        }
        if let target = imports[parts[0]], let targetName = dottedName(Term(.ref(target), at: location)) {
            var full = targetName.components(separatedBy: ".")
            if full.first == "data" {
                full.removeFirst()
                return .function(full + parts.dropFirst())
            }
        }
        if compiler.isRule(parts[0], in: module.package) {
            let path = module.package + parts
            if compiler.isFunction(path) { return .function(path) }
        }
        if EvaluatorBuiltins.arities[name] != nil { return .builtin(name) }
        // Calls bind the builtin now; `with` targets and replacements keep the
        // name, since mocks are keyed by name.
        if let builtin = compiler.builtins[name] { return reportUnknown ? .resolved(builtin) : .builtin(name) }
        if compiler.isRule(parts[0], in: module.package) { return .function(module.package + parts) }
        if reportUnknown {
            compiler.report(RegoError(.type, "undefined function \(name)", at: location))
        }
        return .unknown(name)
    }
}

extension Scope {
    /// Makes `name` visible here as an existing slot (else branches share arguments).
    func alias(_ name: String, to slot: Int) {
        setName(name, slot)
    }

    func owns(_ slot: Int) -> Bool { own.contains(slot) }
}
