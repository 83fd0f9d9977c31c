import PalisadeCore

/// The restrictions Gatekeeper puts on template Rego: no network builtins
/// (Gatekeeper marks `http.send` unsafe), and `data` is only read below
/// `data.inventory`, `data.lib` or the template's own package.
enum TemplateRules {
    static let disallowedBuiltins: Set<String> = ["http.send", "net.lookup_ip_addr"]
    static let allowedDataRoots: Set<String> = ["inventory", "lib"]

    static func check(_ modules: [Module], mainPackage: [String], file: String) throws {
        var walker = Walker(mainPackage: mainPackage)
        for module in modules {
            for imp in module.imports { walker.visit(imp.path) }
            for rule in module.rules { walker.visit(rule) }
        }
        if !walker.unsafeCalls.isEmpty {
            let names = walker.unsafeCalls.sorted().joined(separator: ", ")
            throw GatekeeperError("rego_type_error: unsafe built-in function calls in expression: \(names)", file: file)
        }
        if !walker.badDataRefs.isEmpty {
            let refs = walker.badDataRefs.sorted().joined(separator: ", ")
            throw GatekeeperError("invalid data references: \(refs): templates may only read data.inventory and data.lib", file: file)
        }
    }

    struct Walker {
        let mainPackage: [String]
        var unsafeCalls: Set<String> = []
        var badDataRefs: Set<String> = []
        var depth = 0

        init(mainPackage: [String]) { self.mainPackage = mainPackage }

        mutating func visit(_ rule: Rule) {
            visit(rule.head.ref)
            rule.head.args.map { visit($0) }
            rule.head.key.map { visit($0) }
            rule.head.value.map { visit($0) }
            visit(rule.body)
            for branch in rule.elseBranches {
                branch.value.map { visit($0) }
                visit(branch.body)
            }
        }

        mutating func visit(_ body: Body) {
            for expr in body { visit(expr) }
        }

        mutating func visit(_ expr: Expr) {
            switch expr.kind {
            case .term(let t): visit(t)
            case .unify(let a, let b), .assign(let a, let b): visit(a); visit(b)
            case .call(let op, let args): noteCall(op); visit(args)
            case .some(let terms): visit(terms)
            case .someIn(let key, let value, let collection):
                key.map { visit($0) }; visit(value); visit(collection)
            case .every(let key, let value, let domain, let body):
                key.map { visit($0) }; visit(value); visit(domain); visit(body)
            }
            for w in expr.with { visit(w.target); visit(w.value) }
        }

        mutating func visit(_ terms: [Term]) {
            for t in terms { visit(t) }
        }

        mutating func visit(_ term: Term) {
            depth += 1
            defer { depth -= 1 }
            guard depth < 500 else { return }
            switch term.kind {
            case .scalar, .variable: break
            case .ref(let parts): noteDataRef(parts); visit(parts)
            case .array(let items), .set(let items): visit(items)
            case .object(let items): for item in items { visit(item.key); visit(item.value) }
            case .call(let op, let args): noteCall(op); visit(args)
            case .arrayComprehension(let t, let body), .setComprehension(let t, let body): visit(t); visit(body)
            case .objectComprehension(let k, let v, let body): visit(k); visit(v); visit(body)
            case .templateString(let parts):
                for case .expression(let t) in parts { visit(t) }
            }
        }

        mutating func noteCall(_ op: Term) {
            let name = op.refParts.compactMap { $0.variableName ?? $0.gatekeeperStringLiteral }.joined(separator: ".")
            if Self.isDisallowed(name) { unsafeCalls.insert(name) }
        }

        static func isDisallowed(_ name: String) -> Bool { TemplateRules.disallowedBuiltins.contains(name) }

        mutating func noteDataRef(_ parts: [Term]) {
            guard parts.first?.variableName == "data" else { return }
            guard parts.count > 1 else { badDataRefs.insert("data"); return }
            guard let root = parts[1].gatekeeperStringLiteral else { badDataRefs.insert("data[...]"); return }
            if TemplateRules.allowedDataRoots.contains(root) { return }
            let path = parts.dropFirst().prefix(mainPackage.count).compactMap(\.gatekeeperStringLiteral)
            if Array(path) == mainPackage { return }
            badDataRefs.insert((["data"] + parts.dropFirst().compactMap(\.gatekeeperStringLiteral)).joined(separator: "."))
        }
    }
}

extension Term {
    /// The text of a string scalar term.
    var gatekeeperStringLiteral: String? {
        if case .scalar(.string(let s)) = kind { return s }
        return nil
    }
}
