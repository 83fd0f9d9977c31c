import PalisadeCore

/// The result of compiling a set of modules: the virtual document tree.
final class CompiledPolicy: Sendable {
    let root: DocumentNode
    let modules: [Module]
    let nodeCount: Int
    let builtins: [String: Builtin]

    init(root: DocumentNode, modules: [Module], nodeCount: Int, builtins: [String: Builtin]) {
        self.root = root
        self.modules = modules
        self.nodeCount = nodeCount
        self.builtins = builtins
    }

    /// The node at `path`, if rules define anything there or below.
    func node(at path: [String]) -> DocumentNode? {
        var node = root
        for part in path {
            guard let next = node.children[part] else { return nil }
            node = next
        }
        return node
    }
}

/// Compiles parsed modules into the evaluator's form, reporting errors the
/// way OPA's compiler does (with locations, up to ten at a time).
final class Compiler {
    static let maxErrors = 10

    let modules: [Module]
    let builtins: [String: Builtin]
    private(set) var errors: [RegoError] = []
    /// Names of rules per package path, across all modules.
    private var packageRules: [[String]: Set<String>] = [:]
    /// Every function's full path and number of arguments.
    private var functionArities: [[String]: Int] = [:]
    private let root = DocumentNode(path: [])

    /// OPA's strict mode: unused imports and assignments, deprecated builtins.
    let strict: Bool

    init(modules: [Module], builtins: [String: Builtin] = BuiltinRegistry.standard, strict: Bool = false) {
        self.modules = modules
        self.builtins = builtins
        self.strict = strict
    }

    func compile() throws -> CompiledPolicy {
        collectRuleNames()
        for (index, module) in modules.enumerated() {
            // A package exists (as `{}`) even when it defines no rules.
            var packageNode = root
            for part in module.package { packageNode = packageNode.child(part) }
            let context = ModuleContext(compiler: self, module: module, index: index)
            for (ruleIndex, rule) in module.rules.enumerated() {
                compileRule(rule, ruleIndex: ruleIndex, context: context)
            }
        }
        checkConflicts(root)
        if strict {
            for module in modules { for error in StrictChecks().errors(in: module) { report(error) } }
        }
        if errors.isEmpty {
            for error in RecursionCheck(root: root).errors() { report(error) }
        }
        if !errors.isEmpty { throw RegoErrors(Array(errors.prefix(Self.maxErrors))) }
        var counter = 0
        number(root, &counter)
        return CompiledPolicy(root: root, modules: modules, nodeCount: counter, builtins: builtins)
    }

    /// Compiles a query against the policy's packages (none by default).
    func compileQuery(_ body: Body, package: [String] = [], imports: [Import] = []) throws -> CompiledQuery {
        collectRuleNames()
        let module = Module(package: package, packageLocation: Location(file: "query", line: 1, column: 1),
                            imports: imports, version: .v1, file: "query")
        let context = ModuleContext(compiler: self, module: module, index: -1)
        let slots = SlotAllocator()
        let scope = Scope(parent: nil, slots: slots)
        let compiled = context.compileBody(body, scope: scope, bound: [])
        if !errors.isEmpty { throw RegoErrors(Array(errors.prefix(Self.maxErrors))) }
        var visible: [(String, Int)] = []
        for (slot, name) in slots.names.enumerated() where Self.isUserVariable(name) {
            if !visible.contains(where: { $0.0 == name }) { visible.append((name, slot)) }
        }
        return CompiledQuery(body: compiled, slotCount: slots.count, variables: visible)
    }

    static func isUserVariable(_ name: String) -> Bool {
        !(name == "_" || name.hasPrefix("$") || name.hasPrefix("__"))
    }

    func report(_ error: RegoError) {
        if errors.count < 100 { errors.append(error) }
    }

    func isRule(_ name: String, in package: [String]) -> Bool {
        packageRules[package]?.contains(name) ?? false
    }

    func isFunction(_ path: [String]) -> Bool { functionArities[path] != nil }

    func functionArity(_ path: [String]) -> Int? { functionArities[path] }

    // MARK: Rule tree

    private func collectRuleNames() {
        guard packageRules.isEmpty else { return }
        for module in modules {
            for rule in module.rules {
                packageRules[module.package, default: []].insert(rule.head.name)
                if let args = rule.head.args {
                    functionArities[module.package + Compiler.groundPrefix(rule.head.ref)] = args.count
                }
            }
        }
    }

    /// The leading names of a head ref (`a.b["c"]` → [a, b, c]) up to the first dynamic part.
    static func groundPrefix(_ ref: [Term]) -> [String] {
        var names: [String] = []
        for (i, part) in ref.enumerated() {
            if i == 0, let n = part.variableName { names.append(n); continue }
            if case .scalar(.string(let s)) = part.kind { names.append(s) } else { break }
        }
        return names
    }

    private func compileRule(_ rule: Rule, ruleIndex: Int, context: ModuleContext) {
        let module = context.module
        let prefix = Compiler.groundPrefix(rule.head.ref)
        let path = module.package + prefix
        let dynamicParts = Array(rule.head.ref.dropFirst(prefix.count))
        let annotations = module.annotations.filter { $0.ruleIndex == ruleIndex }.map(\.value)
        guard let compiled = context.compileRule(rule, path: path, dynamicParts: dynamicParts, annotations: annotations) else { return }
        var node = root
        for part in path { node = node.child(part) }
        if compiled.kind == .function { node.functions.append(compiled) } else { node.rules.append(compiled) }
    }

    private func checkConflicts(_ node: DocumentNode) {
        if !node.functions.isEmpty, !node.rules.isEmpty {
            report(RegoError(.type, "conflicting rules data.\(node.path.joined(separator: ".")) found", at: node.rules[0].location))
        }
        let kinds = Set(node.rules.filter { !$0.isDefault }.map { "\($0.kind)" })
        if kinds.count > 1 {
            report(RegoError(.type, "conflicting rules data.\(node.path.joined(separator: ".")) found", at: node.rules[0].location))
        }
        let arities = Set(node.functions.map(\.args.count))
        if arities.count > 1 {
            report(RegoError(.type, "conflicting rules data.\(node.path.joined(separator: ".")) found", at: node.functions[0].location))
        }
        if node.rules.filter(\.isDefault).count > 1 {
            report(RegoError(.type, "multiple default rules data.\(node.path.joined(separator: ".")) found", at: node.rules[0].location))
        }
        for child in node.children.values { checkConflicts(child) }
    }

    private func number(_ node: DocumentNode, _ counter: inout Int) {
        node.id = counter
        counter += 1
        for key in node.children.keys.sorted() { number(node.children[key]!, &counter) }
    }
}

/// A compiled query: its body, frame size and the variables it reports.
struct CompiledQuery: Sendable {
    let body: CBody
    let slotCount: Int
    /// User-visible variables (name, slot), in order of first appearance.
    let variables: [(String, Int)]
}
