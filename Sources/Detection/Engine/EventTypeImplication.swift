/// Whether a rule's `evt.type` comparison is already guaranteed by dispatch:
/// a syscall rule restricted to the types `allowed` is only tried on events
/// of one of those types, so `evt.type in (X)` with every allowed type in X,
/// or `evt.type != y` with y not allowed, is true for each of them.
enum EventTypeImplication {
    static func isImplied(_ comparison: CompiledComparison, allowed: Set<String>) -> Bool {
        guard !allowed.isEmpty, comparison.modifier == nil, case .field(let ref) = comparison.lhs,
              ref.info.name == "evt.type", ref.argument == nil else { return false }
        let constants: [FilterConstant]
        switch comparison.rhs {
        case .constants(let list), .stringSet(_, let list): constants = list
        default: return false
        }
        var names: Set<String> = []
        for constant in constants {
            guard case .string(let name) = constant else { return false }
            names.insert(name)
        }
        switch comparison.op {
        case .equal, .equalEqual, .in, .intersects: return allowed.isSubset(of: names)
        case .notEqual: return names.count == 1 && allowed.isDisjoint(with: names)
        default: return false
        }
    }
}
