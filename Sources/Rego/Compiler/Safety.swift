import PalisadeCore

/// OPA's safety check and expression reordering: every variable must be
/// bound by some expression before an expression that needs it runs.
enum Safety {
    /// Orders `exprs` so each one's inputs are bound when it runs; throws
    /// `rego_unsafe_var_error` naming the variables nothing can bind.
    static func reorder(_ exprs: [CExpr], bound initial: Set<Int>, names: [String]) throws -> [CExpr] {
        var remaining = Array(exprs.enumerated())
        var ordered: [CExpr] = []
        ordered.reserveCapacity(exprs.count)
        var bound = initial
        let allSlots = exprs.map { slots(in: $0) }
        while !remaining.isEmpty {
            var placedIndex: Int?
            for (position, entry) in remaining.enumerated() {
                let (index, expr) = entry
                var shared: Set<Int> = []
                if expr.negated {
                    for (j, other) in allSlots.enumerated() where j != index { shared.formUnion(other.intersection(allSlots[index])) }
                }
                if let gives = place(expr, bound: bound, shared: shared) {
                    if !expr.negated { bound.formUnion(gives) }
                    ordered.append(expr)
                    placedIndex = position
                    break
                }
            }
            guard let position = placedIndex else {
                let (_, stuck) = remaining[0]
                var unsafe = slots(in: stuck).subtracting(bound)
                if unsafe.isEmpty { unsafe = Set(remaining.flatMap { slots(in: $0.1) }).subtracting(bound) }
                let list = unsafe.sorted().map { names.indices.contains($0) ? names[$0] : "$\($0)" }
                    .filter { $0 != "_" }
                let message = list.isEmpty ? "expression is unsafe" : "var \(list.joined(separator: ", ")) is unsafe"
                throw RegoError(.unsafeVar, message, at: stuck.location)
            }
            remaining.remove(at: position)
        }
        return ordered
    }

    /// Slots bound after running an ordered body.
    static func boundAfter(_ body: CBody, initially: Set<Int>) -> Set<Int> {
        var bound = initially
        for expr in body where !expr.negated {
            if let gives = place(expr, bound: bound, shared: []) { bound.formUnion(gives) }
        }
        return bound
    }

    /// The slots an expression binds if it can run with `bound`, else nil.
    static func place(_ expr: CExpr, bound: Set<Int>, shared: Set<Int>) -> Set<Int>? {
        if expr.negated, !shared.isSubset(of: bound) { return nil }
        for w in expr.with {
            guard evaluable(w.value, bound) != nil || w.replacementFunction != nil else { return nil }
            if case .input(let parts) = w.target {
                for p in parts where evaluable(p, bound) == nil { return nil }
            }
        }
        switch expr.kind {
        case .noop:
            return []
        case .term(let t):
            return evaluable(t, bound)
        case .unify(let a, let b):
            return unify(a, b, bound)
        case .call(_, let args, let output):
            guard var gives = evaluableInAnyOrder(args, bound) else { return nil }
            if let output {
                guard let g = pattern(output, bound.union(gives)) else { return nil }
                gives.formUnion(g)
            }
            return gives
        case .someIn(let key, let value, let collection):
            guard var gives = evaluable(collection, bound) else { return nil }
            for t in [key, value].compactMap({ $0 }) {
                guard let g = pattern(t, bound.union(gives)) else { return nil }
                gives.formUnion(g)
            }
            return gives
        case .every(_, _, let domain, _, let closure):
            guard evaluable(domain, bound) != nil else { return nil }
            let outer = closure.filter { !isEveryLocal($0, expr) }
            return Set(outer).isSubset(of: bound) ? [] : nil
        }
    }

    private static func isEveryLocal(_ slot: Int, _ expr: CExpr) -> Bool {
        guard case .every(let key, let value, _, _, _) = expr.kind else { return false }
        return slots(in: value).contains(slot) || (key.map { slots(in: $0).contains(slot) } ?? false)
    }

    private static func unify(_ a: CTerm, _ b: CTerm, _ bound: Set<Int>) -> Set<Int>? {
        if let gb = evaluable(b, bound), let ga = pattern(a, bound.union(gb)) { return ga.union(gb) }
        if let ga = evaluable(a, bound), let gb = pattern(b, bound.union(ga)) { return ga.union(gb) }
        if case .array(let xs) = a, case .array(let ys) = b, xs.count == ys.count {
            var gives: Set<Int> = []
            var pending = Array(zip(xs, ys))
            while !pending.isEmpty {
                guard let i = pending.firstIndex(where: { unify($0.0, $0.1, bound.union(gives)) != nil }) else { return nil }
                gives.formUnion(unify(pending[i].0, pending[i].1, bound.union(gives))!)
                pending.remove(at: i)
            }
            return gives
        }
        if case .object(let xs) = a, case .object(let ys) = b, xs.count == ys.count {
            var gives: Set<Int> = []
            for ((_, xv), (_, yv)) in zip(xs, ys) {
                guard let g = unify(xv, yv, bound.union(gives)) else { return nil }
                gives.formUnion(g)
            }
            return gives
        }
        return nil
    }

    /// Slots a pattern binds when matched against a value, or nil when some
    /// non-pattern part of it cannot be evaluated yet.
    static func pattern(_ t: CTerm, _ bound: Set<Int>) -> Set<Int>? {
        switch t {
        case .value: return []
        case .local(let s): return bound.contains(s) ? [] : [s]
        case .array(let items):
            var gives: Set<Int> = []
            for item in items {
                guard let g = pattern(item, bound.union(gives)) else { return nil }
                gives.formUnion(g)
            }
            return gives
        case .object(let items):
            var gives: Set<Int> = []
            for (k, v) in items {
                guard let gk = evaluable(k, bound.union(gives)) else { return nil }
                gives.formUnion(gk)
                guard let gv = pattern(v, bound.union(gives)) else { return nil }
                gives.formUnion(gv)
            }
            return gives
        default:
            return evaluable(t, bound)
        }
    }

    /// Slots a term binds while being evaluated (ref keys that enumerate),
    /// or nil if it needs an unbound variable.
    static func evaluable(_ t: CTerm, _ bound: Set<Int>) -> Set<Int>? {
        switch t {
        case .value:
            return []
        case .local(let s):
            return bound.contains(s) ? [] : nil
        case .ref(let root, let parts):
            var gives: Set<Int> = []
            switch root {
            case .local(let s): if !bound.contains(s) { return nil }
            case .input, .data: break
            case .term(let base):
                guard let g = evaluable(base, bound) else { return nil }
                gives = g
            }
            for part in parts {
                if let g = evaluable(part, bound.union(gives)) {
                    gives.formUnion(g)
                } else if let g = pattern(part, bound.union(gives)) {
                    gives.formUnion(g)
                } else {
                    return nil
                }
            }
            return gives
        case .array(let items), .set(let items):
            return evaluableInAnyOrder(items, bound)
        case .object(let items):
            return evaluableInAnyOrder(items.flatMap { [$0.0, $0.1] }, bound)
        case .call(_, let args, _):
            return evaluableInAnyOrder(args, bound)
        case .arrayComprehension(_, _, let closure), .setComprehension(_, _, let closure),
             .objectComprehension(_, _, _, let closure):
            return Set(closure).isSubset(of: bound) ? [] : nil
        case .templateString(let parts, _):
            for part in parts {
                if case .expression(let e, _) = part, evaluable(e, bound) == nil { return nil }
            }
            return []
        }
    }

    /// Terms evaluated in whichever order lets each one run (a ref that
    /// enumerates `x` lets a sibling operand `x` run after it).
    static func evaluableInAnyOrder(_ terms: [CTerm], _ bound: Set<Int>) -> Set<Int>? {
        var gives: Set<Int> = []
        var pending = terms
        while !pending.isEmpty {
            guard let i = pending.firstIndex(where: { evaluable($0, bound.union(gives)) != nil }) else { return nil }
            gives.formUnion(evaluable(pending[i], bound.union(gives))!)
            pending.remove(at: i)
        }
        return gives
    }

    /// Every slot mentioned by an expression (closures of nested bodies included).
    static func slots(in expr: CExpr) -> Set<Int> {
        var result: Set<Int> = []
        switch expr.kind {
        case .noop: break
        case .term(let t): result = slots(in: t)
        case .unify(let a, let b): result = slots(in: a).union(slots(in: b))
        case .call(_, let args, let output):
            for a in args { result.formUnion(slots(in: a)) }
            if let output { result.formUnion(slots(in: output)) }
        case .someIn(let k, let v, let c):
            result = slots(in: v).union(slots(in: c))
            if let k { result.formUnion(slots(in: k)) }
        case .every(let k, let v, let d, _, let closure):
            result = slots(in: d).union(closure)
            result.subtract(slots(in: v))
            if let k { result.subtract(slots(in: k)) }
        }
        for w in expr.with { result.formUnion(slots(in: w.value)) }
        return result
    }

    static func slots(in t: CTerm) -> Set<Int> {
        switch t {
        case .value: return []
        case .local(let s): return [s]
        case .ref(let root, let parts):
            var r: Set<Int> = []
            switch root {
            case .local(let s): r.insert(s)
            case .term(let base): r = slots(in: base)
            default: break
            }
            for p in parts { r.formUnion(slots(in: p)) }
            return r
        case .array(let items), .set(let items):
            return items.reduce(into: Set<Int>()) { $0.formUnion(slots(in: $1)) }
        case .object(let items):
            return items.reduce(into: Set<Int>()) { $0.formUnion(slots(in: $1.0)); $0.formUnion(slots(in: $1.1)) }
        case .call(_, let args, _):
            return args.reduce(into: Set<Int>()) { $0.formUnion(slots(in: $1)) }
        case .arrayComprehension(_, _, let c), .setComprehension(_, _, let c), .objectComprehension(_, _, _, let c):
            return Set(c)
        case .templateString(let parts, _):
            var r: Set<Int> = []
            for part in parts { if case .expression(let e, _) = part { r.formUnion(slots(in: e)) } }
            return r
        }
    }
}
