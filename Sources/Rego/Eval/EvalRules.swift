import PalisadeCore

extension Evaluator {
    /// The value the rules at `node` define (undefined is nil).
    func ruleValue(_ node: DocumentNode) throws -> Value? {
        guard !inProgress.contains(node.id) else {
            throw RegoError(.evalRecursion, "rule data.\(node.path.joined(separator: ".")) is recursive",
                            at: node.rules.first?.location)
        }
        inProgress.insert(node.id)
        defer { inProgress.remove(node.id) }
        let definitions = node.rules.filter { !$0.isDefault }
        let defaultRule = node.rules.first { $0.isDefault }
        let kind = definitions.first?.kind ?? defaultRule?.kind ?? .complete
        switch kind {
        case .complete, .function:
            var result: Value?
            for rule in definitions {
                try evalRule(rule, Frame(count: rule.slotCount)) { value in
                    if let existing = result, existing != value {
                        throw RegoError(.evalConflict, "complete rules must not produce multiple outputs", at: rule.location)
                    }
                    result = value
                }
            }
            if result == nil, let defaultRule { result = try defaultValue(defaultRule) }
            return result
        case .multiValue:
            var items: Set<Value> = []
            for rule in definitions {
                let frame = Frame(count: rule.slotCount)
                try withRule(rule) {
                    try evalBody(rule.body, 0, frame) {
                        guard let element = rule.elementTerm else { return }
                        try evalTerm(element, frame) { items.insert($0) }
                    }
                }
            }
            return .set(items)
        case .partialObject:
            var object: Value = .emptyObject
            var any = false
            for rule in definitions {
                let frame = Frame(count: rule.slotCount)
                try evalRuleBodyWithElse(rule, frame) { valueTerm in
                    try evalTerms(rule.keyTerms, frame) { keys in
                        let emit: (Value) throws -> Void = { value in
                            any = true
                            object = try Self.inserting(value, at: keys, into: object, location: rule.location)
                        }
                        if let valueTerm { try evalTerm(valueTerm, frame, emit) } else { try emit(.bool(true)) }
                    }
                }
            }
            if !any, let defaultRule { return try defaultValue(defaultRule) }
            return object
        }
    }

    /// Evaluates one rule definition (with its else chain), yielding each value.
    func evalRule(_ rule: CRule, _ frame: Frame, _ yield: (Value) throws -> Void) throws {
        try evalRuleBodyWithElse(rule, frame) { valueTerm in
            if let valueTerm { try evalTerm(valueTerm, frame, yield) } else { try yield(.bool(true)) }
        }
    }

    /// Runs the rule body; when it has no solution, the first else branch that
    /// has one. Calls `k` with the value term of the branch that succeeded.
    private func evalRuleBodyWithElse(_ rule: CRule, _ frame: Frame, _ k: (CTerm?) throws -> Void) throws {
        try withRule(rule) {
            var succeeded = false
            try evalBody(rule.body, 0, frame) {
                succeeded = true
                try k(rule.valueTerm)
            }
            guard !succeeded else { return }
            for branch in rule.elseBranches {
                try evalBody(branch.body, 0, frame) {
                    succeeded = true
                    try k(branch.value)
                }
                if succeeded { return }
            }
        }
    }

    private func defaultValue(_ rule: CRule) throws -> Value? {
        guard let term = rule.valueTerm else { return .bool(true) }
        var result: Value?
        try evalTerm(term, Frame(count: rule.slotCount)) { result = $0 }
        return result
    }

    func withRule<T>(_ rule: CRule, _ body: () throws -> T) throws -> T {
        coverage?.record(rule.location)
        ruleStack.append(rule)
        defer { ruleStack.removeLast() }
        return try body()
    }

    /// Puts `value` at `keys` inside nested objects, failing on a conflict.
    static func inserting(_ value: Value, at keys: [Value], into object: Value, location: Location) throws -> Value {
        guard let first = keys.first else { return value }
        guard case .object(var dict) = object else {
            throw RegoError(.evalConflict, "object keys must be unique", at: location)
        }
        if keys.count == 1 {
            if let existing = dict[first], existing != value {
                throw RegoError(.evalConflict, "object keys must be unique", at: location)
            }
            dict[first] = value
        } else {
            let child = dict[first] ?? .emptyObject
            dict[first] = try inserting(value, at: Array(keys.dropFirst()), into: child, location: location)
        }
        return .object(dict)
    }

    // MARK: Functions

    /// Calls the user function at `path`; nil when undefined.
    func callFunction(_ path: [String], _ args: [Value], location: Location) throws -> Value? {
        guard let node = policy.node(at: path), !node.functions.isEmpty else {
            // `f()` on a rule without arguments reads the rule (OPA parses a
            // zero-argument head `f() = x` as a plain rule).
            if args.isEmpty, let node = policy.node(at: path), !node.rules.isEmpty {
                return try fullValue(node, path)
            }
            if let node = policy.node(at: path), !node.rules.isEmpty {
                throw RegoError(.evalType, "data.\(path.joined(separator: ".")) is not a function", at: location)
            }
            throw RegoError(.evalType, "undefined function data.\(path.joined(separator: "."))", at: location)
        }
        let key = FunctionCallKey(path: path, args: args)
        if let cached = scope.functionCache[key] { return cached }
        guard ruleStack.count < Self.maxCallDepth else {
            throw RegoError(.evalLimit, "function call depth exceeded", at: location)
        }
        var result: Value?
        var defaultRule: CRule?
        for rule in node.functions {
            if rule.isDefault { defaultRule = rule; continue }
            guard rule.args.count == args.count else { continue }
            let frame = Frame(count: rule.slotCount)
            try unifyArgs(rule.args, args, 0, frame) {
                try evalRule(rule, frame) { value in
                    if let existing = result, existing != value {
                        throw RegoError(.evalConflict, "functions must not produce multiple outputs for same inputs", at: rule.location)
                    }
                    result = value
                }
            }
        }
        if result == nil, let defaultRule { result = try defaultValue(defaultRule) }
        scope.functionCache[key] = result
        return result
    }

    private func unifyArgs(_ patterns: [CTerm], _ args: [Value], _ i: Int, _ frame: Frame, _ k: () throws -> Void) throws {
        if i == patterns.count { try k(); return }
        try unifyValue(patterns[i], args[i], frame) { try unifyArgs(patterns, args, i + 1, frame, k) }
    }
}
