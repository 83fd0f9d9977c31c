import Foundation
import PalisadeCore

/// Top-down evaluation of compiled Rego with OPA's semantics.
///
/// Every evaluation function takes a continuation that it calls once per
/// solution; bindings made for a solution are undone when the continuation
/// returns. Continuations are non-escaping closures, so no solution
/// allocates a closure on the heap.
final class Evaluator {
    let policy: CompiledPolicy
    let builtinContext: BuiltinContext
    let strict: Bool
    let printSink: (@Sendable (String) -> Void)?
    let deadline: Date?
    let coverage: CoverageRecorder?
    var scope: EvalScope
    /// Rules being evaluated (for recursion checks and rego.metadata).
    var ruleStack: [CRule] = []
    var inProgress: Set<Int> = []
    var depth = 0
    var steps = 0

    static let maxDepth = 2_000
    static let maxCallDepth = 250

    init(policy: CompiledPolicy, input: Value?, data: Value, options: EvalOptions) {
        self.policy = policy
        self.builtinContext = BuiltinContext(nowNanoseconds: options.nowNanoseconds,
                                             strictErrors: options.strictBuiltinErrors)
        self.strict = options.strictBuiltinErrors
        self.printSink = options.printSink
        self.deadline = options.timeoutSeconds.map { Date().addingTimeInterval($0) }
        self.coverage = options.coverage
        self.scope = EvalScope(input: input, data: data, overlays: [], mocks: [:])
    }

    // MARK: Bodies and expressions

    func evalBody(_ body: CBody, _ index: Int, _ frame: Frame, _ k: () throws -> Void) throws {
        if index == body.count { try k(); return }
        try evalExpr(body[index], frame) {
            try evalBody(body, index + 1, frame, k)
        }
    }

    func evalExpr(_ expr: CExpr, _ frame: Frame, _ k: () throws -> Void) throws {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw RegoError(.evalLimit, "maximum evaluation depth exceeded", at: expr.location)
        }
        steps &+= 1
        if steps & 0x3FF == 0, let deadline, Date() > deadline {
            throw RegoError(.evalCancel, "evaluation timed out", at: expr.location)
        }
        coverage?.record(expr.location)
        if !expr.with.isEmpty {
            try evalWith(expr, frame, k)
            return
        }
        try evalExprUnmodified(expr, frame, k)
    }

    func evalExprUnmodified(_ expr: CExpr, _ frame: Frame, _ k: () throws -> Void) throws {
        guard expr.negated else {
            try evalExprKind(expr, frame, k)
            return
        }
        var found = false
        do {
            try evalExprKind(expr, frame) {
                found = true
                throw StopEvaluation()
            }
        } catch is StopEvaluation {}
        if !found { try k() }
    }

    private func evalExprKind(_ expr: CExpr, _ frame: Frame, _ k: () throws -> Void) throws {
        switch expr.kind {
        case .noop:
            try k()
        case .term(let t):
            try evalTerm(t, frame) { v in
                if case .bool(false) = v { return }
                try k()
            }
        case .unify(let a, let b):
            try unify(a, b, frame, k)
        case .call(let callee, let args, let output):
            try evalCall(callee, args, frame, location: expr.location) { result in
                if let output {
                    try unifyValue(output, result, frame, k)
                } else if case .bool(false) = result {
                    return
                } else {
                    try k()
                }
            }
        case .someIn(let key, let value, let collection):
            try evalTerm(collection, frame) { c in
                try forEachMember(c) { kv, v in
                    if let key {
                        try unifyValue(key, kv, frame) { try unifyValue(value, v, frame, k) }
                    } else {
                        try unifyValue(value, v, frame, k)
                    }
                }
            }
        case .every(let key, let value, let domain, let body, _):
            try evalTerm(domain, frame) { d in
                guard d.isCollection else { return }
                var allHold = true
                try forEachMember(d) { kv, v in
                    guard allHold else { return }
                    var holds = false
                    let bindKeyThenValue: () throws -> Void = {
                        try self.unifyValue(value, v, frame) {
                            do {
                                try self.evalBody(body, 0, frame) { holds = true; throw StopEvaluation() }
                            } catch is StopEvaluation {}
                        }
                    }
                    if let key { try unifyValue(key, kv, frame, bindKeyThenValue) } else { try bindKeyThenValue() }
                    if !holds { allHold = false }
                }
                if allHold { try k() }
            }
        }
    }

    /// Calls `body` with (key, value) for each member: array (index, element),
    /// object (key, value), set (element, element). Scalars have none.
    func forEachMember(_ collection: Value, _ body: (Value, Value) throws -> Void) throws {
        switch collection {
        case .array(let items):
            for (i, item) in items.enumerated() { try body(.int(i), item) }
        case .object(let dict):
            for key in dict.keys.sorted() { try body(key, dict[key]!) }
        case .set(let items):
            for item in items.sorted() { try body(item, item) }
        default:
            return
        }
    }

    // MARK: Unification

    func unify(_ a: CTerm, _ b: CTerm, _ frame: Frame, _ k: () throws -> Void) throws {
        let aReady = isReady(a, frame), bReady = isReady(b, frame)
        switch (aReady, bReady) {
        case (true, true):
            try evalTerm(a, frame) { va in
                try evalTerm(b, frame) { vb in
                    if va == vb { try k() }
                }
            }
        case (false, true):
            try evalTerm(b, frame) { vb in try unifyValue(a, vb, frame, k) }
        case (true, false):
            try evalTerm(a, frame) { va in try unifyValue(b, va, frame, k) }
        case (false, false):
            if case .array(let xs) = a, case .array(let ys) = b, xs.count == ys.count {
                try unifyPairs(Array(zip(xs, ys)), 0, frame, k)
            } else if case .object(let xs) = a, case .object(let ys) = b, xs.count == ys.count {
                try unifyObjects(xs, ys, frame, k)
            } else {
                throw RegoError(.evalType, "unsafe unification: both sides have unbound variables")
            }
        }
    }

    private func unifyPairs(_ pairs: [(CTerm, CTerm)], _ i: Int, _ frame: Frame, _ k: () throws -> Void) throws {
        if i == pairs.count { try k(); return }
        // Unify a pair that can run now first; pairs wait for bindings made by others.
        if let j = pairs[i...].firstIndex(where: { isReady($0.0, frame) || isReady($0.1, frame) }), j != i {
            var reordered = pairs
            reordered.swapAt(i, j)
            try unify(reordered[i].0, reordered[i].1, frame) { try unifyPairs(reordered, i + 1, frame, k) }
            return
        }
        try unify(pairs[i].0, pairs[i].1, frame) { try unifyPairs(pairs, i + 1, frame, k) }
    }

    private func unifyObjects(_ xs: [(CTerm, CTerm)], _ ys: [(CTerm, CTerm)], _ frame: Frame, _ k: () throws -> Void) throws {
        var keysX: [Value] = [], keysY: [Value] = []
        for (kt, _) in xs { try evalTerm(kt, frame) { keysX.append($0) } }
        for (kt, _) in ys { try evalTerm(kt, frame) { keysY.append($0) } }
        guard keysX.count == xs.count, keysY.count == ys.count, Set(keysX) == Set(keysY) else { return }
        var pairs: [(CTerm, CTerm)] = []
        for (i, key) in keysX.enumerated() {
            guard let j = keysY.firstIndex(of: key) else { return }
            pairs.append((xs[i].1, ys[j].1))
        }
        try unifyPairs(pairs, 0, frame, k)
    }

    /// Matches a term against a value, binding the term's unbound variables.
    func unifyValue(_ pattern: CTerm, _ value: Value, _ frame: Frame, _ k: () throws -> Void) throws {
        switch pattern {
        case .value(let v):
            if v == value { try k() }
        case .local(let slot):
            if let bound = frame.slots[slot] {
                if bound == value { try k() }
            } else {
                frame.slots[slot] = value
                defer { frame.slots[slot] = nil }
                try k()
            }
        case .array(let items):
            guard case .array(let values) = value, values.count == items.count else { return }
            try unifyElements(items, values, 0, frame, k)
        case .object(let items):
            guard case .object(let dict) = value, dict.count == items.count else { return }
            try unifyObjectPattern(items, dict, 0, [], frame, k)
        default:
            try evalTerm(pattern, frame) { v in
                if v == value { try k() }
            }
        }
    }

    private func unifyElements(_ items: [CTerm], _ values: [Value], _ i: Int, _ frame: Frame, _ k: () throws -> Void) throws {
        if i == items.count { try k(); return }
        try unifyValue(items[i], values[i], frame) { try unifyElements(items, values, i + 1, frame, k) }
    }

    private func unifyObjectPattern(_ items: [(CTerm, CTerm)], _ dict: [Value: Value], _ i: Int, _ seen: Set<Value>,
                                    _ frame: Frame, _ k: () throws -> Void) throws {
        if i == items.count {
            if seen.count == dict.count { try k() }
            return
        }
        try evalTerm(items[i].0, frame) { key in
            guard let v = dict[key] else { return }
            var next = seen
            next.insert(key)
            try unifyValue(items[i].1, v, frame) { try unifyObjectPattern(items, dict, i + 1, next, frame, k) }
        }
    }

    /// True when a term can be evaluated now (its pattern variables are bound;
    /// refs and calls count as ready since their keys enumerate).
    func isReady(_ t: CTerm, _ frame: Frame) -> Bool {
        switch t {
        case .local(let s): return frame.slots[s] != nil
        case .array(let items), .set(let items): return items.allSatisfy { isReady($0, frame) }
        case .object(let items): return items.allSatisfy { isReady($0.0, frame) && isReady($0.1, frame) }
        default: return true
        }
    }

    // MARK: Terms

    func evalTerm(_ t: CTerm, _ frame: Frame, _ k: (Value) throws -> Void) throws {
        switch t {
        case .value(let v):
            try k(v)
        case .local(let slot):
            guard let v = frame.slots[slot] else {
                throw RegoError(.evalType, "unbound variable")
            }
            try k(v)
        case .ref(let root, let parts):
            try evalRef(root, parts, frame, k)
        case .array(let items):
            try evalTerms(items, frame) { try k(.array($0)) }
        case .set(let items):
            try evalTerms(items, frame) { try k(.set(Set($0))) }
        case .object(let items):
            let flat = items.flatMap { [$0.0, $0.1] }
            try evalTerms(flat, frame) { values in
                var dict: [Value: Value] = [:]
                dict.reserveCapacity(items.count)
                var i = 0
                while i < values.count {
                    dict[values[i]] = values[i + 1]
                    i += 2
                }
                try k(.object(dict))
            }
        case .call(let callee, let args, let location):
            try evalCall(callee, args, frame, location: location, k)
        case .arrayComprehension(let head, let body, _):
            var items: [Value] = []
            try evalBody(body, 0, frame) {
                try evalTerm(head, frame) { items.append($0) }
            }
            try k(.array(items))
        case .setComprehension(let head, let body, _):
            var items: Set<Value> = []
            try evalBody(body, 0, frame) {
                try evalTerm(head, frame) { items.insert($0) }
            }
            try k(.set(items))
        case .objectComprehension(let keyTerm, let valueTerm, let body, _):
            var dict: [Value: Value] = [:]
            try evalBody(body, 0, frame) {
                try evalTerm(keyTerm, frame) { key in
                    try evalTerm(valueTerm, frame) { value in
                        if let existing = dict[key], existing != value {
                            throw RegoError(.evalConflict, "object keys must be unique")
                        }
                        dict[key] = value
                    }
                }
            }
            try k(.object(dict))
        case .templateString(let parts, let location):
            try evalTemplate(parts, frame, location: location, k)
        }
    }

    /// Evaluates terms, calling `k` with each combination of their values.
    /// A term that needs a variable another term binds (`x == xs[x]`) waits.
    func evalTerms(_ terms: [CTerm], _ frame: Frame, _ k: ([Value]) throws -> Void) throws {
        var buffer: [Value] = []
        buffer.reserveCapacity(terms.count)
        try fillTerms(terms, 0, &buffer, frame, k)
    }

    private func fillTerms(_ terms: [CTerm], _ i: Int, _ buffer: inout [Value], _ frame: Frame,
                           _ k: ([Value]) throws -> Void) throws {
        if i == terms.count { try k(buffer); return }
        if case .value(let v) = terms[i] {
            buffer.append(v)
            defer { buffer.removeLast() }
            try fillTerms(terms, i + 1, &buffer, frame, k)
            return
        }
        if !canEvaluateNow(terms[i], frame),
           let j = terms[(i + 1)...].firstIndex(where: { canEvaluateNow($0, frame) && !isConstant($0) }) {
            try evalTerm(terms[j], frame) { _ in
                try fillTerms(terms, i, &buffer, frame, k)
            }
            return
        }
        try evalTerm(terms[i], frame) { v in
            buffer.append(v)
            defer { buffer.removeLast() }
            try fillTerms(terms, i + 1, &buffer, frame, k)
        }
    }

    private func isConstant(_ t: CTerm) -> Bool {
        if case .value = t { return true }
        return false
    }

    /// False when evaluating `t` would read an unbound variable directly.
    func canEvaluateNow(_ t: CTerm, _ frame: Frame) -> Bool {
        switch t {
        case .local(let s): return frame.slots[s] != nil
        case .array(let items), .set(let items): return items.allSatisfy { canEvaluateNow($0, frame) }
        case .object(let items): return items.allSatisfy { canEvaluateNow($0.0, frame) && canEvaluateNow($0.1, frame) }
        case .ref(.local(let s), _): return frame.slots[s] != nil
        case .call(_, let args, _): return args.allSatisfy { canEvaluateNow($0, frame) }
        default: return true
        }
    }

    private func evalTemplate(_ parts: [CTemplatePart], _ frame: Frame, location: Location, _ k: (Value) throws -> Void) throws {
        var values: [Value] = []
        for part in parts {
            switch part {
            case .text(let s): values.append(.string(s))
            case .expression(let term, _):
                var got: Value?
                try evalTerm(term, frame) { got = $0 }
                values.append(got ?? .set([]))
            }
        }
        try callBuiltin("internal.template_string", [.array(values)], location: location, k)
    }
}
