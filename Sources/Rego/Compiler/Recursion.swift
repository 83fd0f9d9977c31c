import PalisadeCore

/// Finds recursive rules: `rego_recursion_error: rule data.a.p is recursive: data.a.p -> data.a.q -> data.a.p`.
struct RecursionCheck {
    private let root: DocumentNode

    init(root: DocumentNode) {
        self.root = root
    }

    func errors() -> [RegoError] {
        var graph: [ObjectIdentifier: (node: DocumentNode, dependencies: [DocumentNode])] = [:]
        collect(root, into: &graph)
        var errors: [RegoError] = []
        var state: [ObjectIdentifier: Int] = [:]  // 1 = on stack, 2 = done
        var stack: [DocumentNode] = []
        var reported: Set<ObjectIdentifier> = []

        func visit(_ node: DocumentNode) {
            let id = ObjectIdentifier(node)
            state[id] = 1
            stack.append(node)
            for dep in graph[id]?.dependencies ?? [] {
                let depID = ObjectIdentifier(dep)
                switch state[depID] {
                case 1:
                    guard let start = stack.firstIndex(where: { $0 === dep }), !reported.contains(depID) else { continue }
                    reported.insert(depID)
                    let cycle = stack[start...].map(Self.name) + [Self.name(dep)]
                    let location = (dep.rules.first ?? dep.functions.first)?.location
                    errors.append(RegoError(.recursion, "rule \(Self.name(dep)) is recursive: \(cycle.joined(separator: " -> "))", at: location))
                case nil:
                    visit(dep)
                default:
                    break
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for key in graph.keys.sorted(by: { Self.name(graph[$0]!.node) < Self.name(graph[$1]!.node) }) where state[key] == nil {
            visit(graph[key]!.node)
        }
        return errors
    }

    private static func name(_ node: DocumentNode) -> String {
        "data." + node.path.joined(separator: ".")
    }

    private func collect(_ node: DocumentNode, into graph: inout [ObjectIdentifier: (node: DocumentNode, dependencies: [DocumentNode])]) {
        if !node.rules.isEmpty || !node.functions.isEmpty {
            var deps: [DocumentNode] = []
            var seen: Set<ObjectIdentifier> = []
            for rule in node.rules + node.functions {
                for target in dependencies(of: rule) where seen.insert(ObjectIdentifier(target)).inserted {
                    deps.append(target)
                }
            }
            graph[ObjectIdentifier(node)] = (node, deps)
        }
        for key in node.children.keys.sorted() { collect(node.children[key]!, into: &graph) }
    }

    private func dependencies(of rule: CRule) -> [DocumentNode] {
        var refs: [[String?]] = []
        var calls: [[String]] = []
        var terms = rule.keyTerms + rule.args + [rule.valueTerm, rule.elementTerm].compactMap { $0 }
        for branch in rule.elseBranches { if let v = branch.value { terms.append(v) } }
        for t in terms { Self.scan(t, &refs, &calls) }
        for body in [rule.body] + rule.elseBranches.map(\.body) { Self.scan(body, &refs, &calls) }
        var nodes: [DocumentNode] = []
        for pattern in refs { nodes.append(contentsOf: ruleNodes(matching: pattern)) }
        for path in calls { if let n = node(at: path), !n.functions.isEmpty { nodes.append(n) } }
        return nodes
    }

    /// Rule nodes a data ref may evaluate: those whose path agrees with the
    /// ref where both are defined (a variable in the ref matches any name).
    private func ruleNodes(matching pattern: [String?]) -> [DocumentNode] {
        var result: [DocumentNode] = []
        func visit(_ n: DocumentNode, _ depth: Int) {
            if !n.rules.isEmpty { result.append(n) }
            if depth >= pattern.count {
                for child in n.children.values { visit(child, depth + 1) }
                return
            }
            if !n.rules.isEmpty { return }
            if let name = pattern[depth] {
                if let child = n.children[name] { visit(child, depth + 1) }
            } else {
                for child in n.children.values { visit(child, depth + 1) }
            }
        }
        visit(root, 0)
        return result
    }

    private func node(at path: [String]) -> DocumentNode? {
        var node = root
        for part in path {
            guard let next = node.children[part] else { return nil }
            node = next
        }
        return node
    }

    private static func scan(_ body: CBody, _ refs: inout [[String?]], _ calls: inout [[String]]) {
        for expr in body {
            switch expr.kind {
            case .noop: break
            case .term(let t): scan(t, &refs, &calls)
            case .unify(let a, let b): scan(a, &refs, &calls); scan(b, &refs, &calls)
            case .call(let callee, let args, let output):
                if case .function(let path) = callee { calls.append(path) }
                for a in args { scan(a, &refs, &calls) }
                if let output { scan(output, &refs, &calls) }
            case .someIn(let k, let v, let c):
                for t in [k, v, c].compactMap({ $0 }) { scan(t, &refs, &calls) }
            case .every(let k, let v, let d, let b, _):
                for t in [k, v, d].compactMap({ $0 }) { scan(t, &refs, &calls) }
                scan(b, &refs, &calls)
            }
            for w in expr.with {
                scan(w.value, &refs, &calls)
                if case .function(let path)? = w.replacementFunction { calls.append(path) }
            }
        }
    }

    private static func scan(_ t: CTerm, _ refs: inout [[String?]], _ calls: inout [[String]]) {
        switch t {
        case .value, .local: break
        case .ref(let root, let parts):
            if case .data = root {
                refs.append(parts.map { part -> String? in
                    switch part {
                    case .value(.string(let s)): return s
                    case .value(.number(let n)) where n.isInteger: return n.description
                    case .value: return "\u{0}"  // a key no rule path has
                    default: return nil
                    }
                })
            }
            if case .term(let base) = root { scan(base, &refs, &calls) }
            for p in parts { scan(p, &refs, &calls) }
        case .array(let items), .set(let items):
            for i in items { scan(i, &refs, &calls) }
        case .object(let items):
            for (k, v) in items { scan(k, &refs, &calls); scan(v, &refs, &calls) }
        case .call(let callee, let args, _):
            if case .function(let path) = callee { calls.append(path) }
            for a in args { scan(a, &refs, &calls) }
        case .arrayComprehension(let h, let b, _), .setComprehension(let h, let b, _):
            scan(h, &refs, &calls); scan(b, &refs, &calls)
        case .objectComprehension(let k, let v, let b, _):
            scan(k, &refs, &calls); scan(v, &refs, &calls); scan(b, &refs, &calls)
        case .templateString(let parts, _):
            for p in parts { if case .expression(let e, _) = p { scan(e, &refs, &calls) } }
        }
    }
}
