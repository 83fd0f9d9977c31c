import PalisadeCore

/// `object.subset(super, sub)`: whether `sub` is contained in `super`.
/// Objects match key by key, recursing into object, set and array values;
/// sets by membership; arrays as a contiguous run; a set in an array by
/// membership of its elements.
enum CollectionsSubset {
    static var builtins: [Builtin] {
        [
            Builtin("object.subset", arity: 2) { args, _ in
                switch (args[0], args[1]) {
                case (.object(let sup), .object(let sub)): return .bool(objectSubset(sup, sub))
                case (.set(let sup), .set(let sub)): return .bool(sub.isSubset(of: sup))
                case (.array(let sup), .array(let sub)): return .bool(arraySubset(sup, sub))
                case (.array(let sup), .set(let sub)): return .bool(arrayContainsSet(sup, sub))
                default:
                    throw BuiltinError(.type, "object.subset: both arguments object.subset must be of the same type or array and set")
                }
            },
        ]
    }

    static func objectSubset(_ sup: [Value: Value], _ sub: [Value: Value]) -> Bool {
        sub.allSatisfy { key, subValue in
            guard let supValue = sup[key] else { return false }
            if supValue == subValue { return true }
            switch (supValue, subValue) {
            case (.object(let a), .object(let b)): return objectSubset(a, b)
            case (.set(let a), .set(let b)): return b.isSubset(of: a)
            case (.array(let a), .array(let b)): return arraySubset(a, b)
            default: return false
            }
        }
    }

    /// Whether `sub` occurs as a contiguous run inside `sup`.
    static func arraySubset(_ sup: [Value], _ sub: [Value]) -> Bool {
        guard sub.count <= sup.count else { return false }
        if sub.isEmpty { return true }
        return (0...(sup.count - sub.count)).contains { start in
            sup[start..<(start + sub.count)].elementsEqual(sub)
        }
    }

    /// OPA counts matches while scanning and stops at the first point where
    /// all set members were seen, so an empty set is only found in a
    /// non-empty array.
    static func arrayContainsSet(_ sup: [Value], _ sub: Set<Value>) -> Bool {
        var unmatched = sub.count
        for item in sup {
            if sub.contains(item) { unmatched -= 1 }
            if unmatched == 0 { return true }
        }
        return false
    }
}
