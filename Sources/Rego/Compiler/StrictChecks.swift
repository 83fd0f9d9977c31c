import PalisadeCore

/// The checks OPA adds in strict mode (`opa check --strict`): unused and
/// duplicate imports, local assignments never read, deprecated builtins, and
/// assignments that shadow `input` or `data`.
struct StrictChecks {
    static let deprecatedBuiltins: Set<String> = [
        "any", "all", "re_match", "net.cidr_overlap", "set_diff", "cast_array", "cast_set", "cast_string",
        "cast_boolean", "cast_null", "cast_object",
    ]

    func errors(in module: Module) -> [RegoError] {
        var errors = importErrors(module)
        for rule in module.rules {
            // A variable assigned in the body and used only in the head
            // (`deny contains msg if { msg := ... }`) is used.
            errors += bodyErrors(rule.body, head: headTerms(rule))
            for branch in rule.elseBranches { errors += bodyErrors(branch.body, head: headTerms(rule)) }
        }
        return errors
    }

    private func importErrors(_ module: Module) -> [RegoError] {
        var errors: [RegoError] = []
        var seen: Set<String> = []
        var used: Set<String> = []
        for rule in module.rules {
            var names: [String] = []
            for t in headTerms(rule) { Self.collectNames(t, into: &names) }
            for expr in rule.body + rule.elseBranches.flatMap(\.body) { Self.collectNames(expr, into: &names) }
            used.formUnion(names)
        }
        for imp in module.imports {
            let parts = imp.path.refParts
            guard let root = parts.first?.variableName, root == "data" || root == "input" else { continue }
            let name = imp.alias ?? parts.last.flatMap { part -> String? in
                if case .scalar(.string(let s)) = part.kind { return s }
                return part.variableName
            } ?? root
            let text = ([root] + parts.dropFirst().compactMap { part -> String? in
                if case .scalar(.string(let s)) = part.kind { return s }
                return nil
            }).joined(separator: ".")
            if !seen.insert(text + " as " + name).inserted {
                errors.append(RegoError(.compile, "import must not shadow import \(text)", at: imp.location))
            } else if !used.contains(name) {
                errors.append(RegoError(.compile, "import \(text) unused", at: imp.location))
            }
        }
        return errors
    }

    private func headTerms(_ rule: Rule) -> [Term] {
        var terms = rule.head.ref + (rule.head.args ?? [])
        terms += [rule.head.key, rule.head.value].compactMap { $0 }
        terms += rule.elseBranches.compactMap(\.value)
        return terms
    }

    private func bodyErrors(_ body: Body, head: [Term]) -> [RegoError] {
        var errors: [RegoError] = []
        var occurrences: [String: Int] = [:]
        var headNames: [String] = []
        for term in head { Self.collectNames(term, into: &headNames) }
        for n in headNames { occurrences[n, default: 0] += 1 }
        for expr in body {
            var names: [String] = []
            Self.collectNames(expr, into: &names)
            for n in names { occurrences[n, default: 0] += 1 }
        }
        for expr in body {
            if case .assign(let lhs, _) = expr.kind, lhs.refParts.count == 1, let name = lhs.refParts[0].variableName {
                if name == "input" || name == "data" {
                    errors.append(RegoError(.compile, "variables must not shadow \(name) (use a different variable name)", at: expr.location))
                } else if name != "_", occurrences[name, default: 0] <= 1 {
                    errors.append(RegoError(.compile, "assigned var \(name) unused", at: expr.location))
                }
            }
            var calls: [String] = []
            Self.collectCalls(expr, into: &calls)
            for call in calls where Self.deprecatedBuiltins.contains(call) {
                errors.append(RegoError(.type, "deprecated built-in function calls in expression: \(call)", at: expr.location))
            }
        }
        return errors
    }

    // MARK: Walking the AST

    static func collectNames(_ expr: Expr, into names: inout [String]) {
        switch expr.kind {
        case .term(let t): collectNames(t, into: &names)
        case .unify(let a, let b), .assign(let a, let b): collectNames(a, into: &names); collectNames(b, into: &names)
        case .call(let op, let args): collectNames(op, into: &names); for a in args { collectNames(a, into: &names) }
        case .some(let vars): for v in vars { collectNames(v, into: &names) }
        case .someIn(let k, let v, let c): for t in [k, v, c].compactMap({ $0 }) { collectNames(t, into: &names) }
        case .every(let k, let v, let d, let body):
            for t in [k, v, d].compactMap({ $0 }) { collectNames(t, into: &names) }
            for e in body { collectNames(e, into: &names) }
        }
        for w in expr.with { collectNames(w.target, into: &names); collectNames(w.value, into: &names) }
    }

    static func collectNames(_ term: Term, into names: inout [String]) {
        switch term.kind {
        case .scalar: break
        case .variable(let n): names.append(n)
        case .ref(let parts), .array(let parts), .set(let parts): for p in parts { collectNames(p, into: &names) }
        case .object(let items): for i in items { collectNames(i.key, into: &names); collectNames(i.value, into: &names) }
        case .call(let op, let args): collectNames(op, into: &names); for a in args { collectNames(a, into: &names) }
        case .arrayComprehension(let h, let b), .setComprehension(let h, let b):
            collectNames(h, into: &names); for e in b { collectNames(e, into: &names) }
        case .objectComprehension(let k, let v, let b):
            collectNames(k, into: &names); collectNames(v, into: &names); for e in b { collectNames(e, into: &names) }
        case .templateString(let parts):
            for p in parts { if case .expression(let t) = p { collectNames(t, into: &names) } }
        }
    }

    static func collectCalls(_ expr: Expr, into calls: inout [String]) {
        var terms: [Term] = []
        switch expr.kind {
        case .call(let op, let args):
            if let name = dotted(op) { calls.append(name) }
            terms = args
        case .term(let t): terms = [t]
        case .unify(let a, let b), .assign(let a, let b): terms = [a, b]
        default: break
        }
        for t in terms { collectCalls(t, into: &calls) }
    }

    private static func collectCalls(_ term: Term, into calls: inout [String]) {
        switch term.kind {
        case .call(let op, let args):
            if let name = dotted(op) { calls.append(name) }
            for a in args { collectCalls(a, into: &calls) }
        case .ref(let parts), .array(let parts), .set(let parts): for p in parts { collectCalls(p, into: &calls) }
        case .object(let items): for i in items { collectCalls(i.key, into: &calls); collectCalls(i.value, into: &calls) }
        default: break
        }
    }

    private static func dotted(_ op: Term) -> String? {
        var names: [String] = []
        for (i, part) in op.refParts.enumerated() {
            switch part.kind {
            case .variable(let n) where i == 0: names.append(n)
            case .scalar(.string(let s)) where i > 0: names.append(s)
            default: return nil
            }
        }
        return names.joined(separator: ".")
    }
}
