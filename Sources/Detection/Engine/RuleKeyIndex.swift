/// Prunes the rules tried for events without an event type (audit and
/// plugin sources): one string field (for k8s_audit typically
/// `ka.target.resource` or `ka.verb`) that many rules require to hold one of
/// a few literal values is extracted once per event, and only the rules whose
/// condition allows that value are tried.
///
/// Equivalent to trying every rule: a rule is left out only when its whole
/// condition implies `field in (values)` (the check sits in a conjunction,
/// or in every branch of a disjunction) and the event's value is a string
/// outside those values, or missing (then `=`/`in` is false).
struct RuleKeyIndex: Sendable {
    let field: CompiledField
    /// value → rules (ascending) that allow it, plus the rules without a requirement.
    let byValue: [String: [Int]]
    /// Rules without a requirement on the field: what a missing or unlisted value leaves.
    let unrestricted: [Int]
    /// Every rule of the source, for a value that is not a plain string.
    let all: [Int]

    /// The best key field for `indices` (rules of one source), or nil when no field prunes enough.
    init?(rules: [CompiledRule], indices: [Int]) {
        guard indices.count >= 4 else { return nil }
        var best: (cost: Double, ref: FieldRef, sets: [Set<String>?])?
        for ref in Self.candidateFields(rules: rules, indices: indices) {
            let sets = indices.map { Self.requiredValues(rules[$0].filter, ref) }
            var distinct: Set<String> = []
            for set in sets { if let set { distinct.formUnion(set) } }
            let d = Double(distinct.count + 1)
            let cost = sets.reduce(0.0) { $0 + ($1.map { Double($0.count) / d } ?? 1) }
            if cost < (best?.cost ?? Double(indices.count) * 0.75) { best = (cost, ref, sets) }
        }
        guard let best else { return nil }
        var byValue: [String: [Int]] = [:]
        var unrestricted: [Int] = []
        for (position, index) in indices.enumerated() {
            guard let set = best.sets[position] else { unrestricted.append(index); continue }
            for value in set { byValue[value, default: []].append(index) }
        }
        // Each per-value list also holds the unrestricted rules, in rule order.
        self.byValue = byValue.mapValues { RuleSet.merge($0, unrestricted) }
        self.unrestricted = unrestricted
        self.all = indices
        self.field = .field(best.ref)
    }

    /// The rules to try for an event whose key field is `value`.
    @inline(__always)
    func candidates(_ value: FieldValue?) -> [Int] {
        switch value {
        case nil: return unrestricted
        case .string(let text)?: return byValue[text] ?? unrestricted
        default: return all
        }
    }

    /// Plain scalar string fields compared in the rules, in first-seen order (deterministic).
    static func candidateFields(rules: [CompiledRule], indices: [Int]) -> [FieldRef] {
        var seen: Set<FieldRef> = []
        var ordered: [FieldRef] = []
        func visit(_ filter: CompiledFilter) {
            switch filter {
            case .and(let items), .or(let items): items.forEach(visit)
            case .not(let inner): visit(inner)
            case .comparison(let comparison):
                guard let ref = keyField(comparison), seen.insert(ref).inserted else { return }
                ordered.append(ref)
            }
        }
        for index in indices { visit(rules[index].filter) }
        return ordered
    }

    /// The field of `field = "x"` / `field in ("x", …)` over a scalar string field.
    static func keyField(_ comparison: CompiledComparison) -> FieldRef? {
        guard comparison.modifier == nil, [.equal, .equalEqual, .in].contains(comparison.op),
              case .field(let ref) = comparison.lhs, ref.info.type == .string, !ref.info.isList,
              literalStrings(comparison.rhs) != nil else { return nil }
        return ref
    }

    static func literalStrings(_ operand: CompiledOperand) -> Set<String>? {
        let constants: [FilterConstant]
        switch operand {
        case .constants(let list), .stringSet(_, let list): constants = list
        default: return nil
        }
        var out: Set<String> = []
        for constant in constants {
            guard case .string(let text) = constant else { return nil }
            out.insert(text)
        }
        return out
    }

    /// The values `ref` must have for `filter` to be true, or nil when the filter does not restrict it.
    static func requiredValues(_ filter: CompiledFilter, _ ref: FieldRef) -> Set<String>? {
        switch filter {
        case .comparison(let comparison):
            guard keyField(comparison) == ref else { return nil }
            return literalStrings(comparison.rhs)
        case .and(let items):
            var result: Set<String>?
            for item in items {
                guard let set = requiredValues(item, ref) else { continue }
                result = result.map { $0.intersection(set) } ?? set
            }
            return result
        case .or(let items):
            guard !items.isEmpty else { return nil }
            var result: Set<String> = []
            for item in items {
                guard let set = requiredValues(item, ref) else { return nil }
                result.formUnion(set)
            }
            return result
        case .not:
            return nil
        }
    }
}
