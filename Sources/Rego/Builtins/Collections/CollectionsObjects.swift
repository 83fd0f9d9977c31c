import PalisadeCore

/// Object functions: `object.get`, `object.keys`, `object.remove`,
/// `object.filter`, `object.union`, `object.union_n`.
enum CollectionsObjects {
    static var builtins: [Builtin] {
        [get, keys, remove, filter, union, unionN]
    }

    /// The value at a key, or along a path when the key is an array; the default otherwise.
    static let get = Builtin("object.get", arity: 3) { args, _ in
        let object = try args.object(0)
        guard case .array(let path) = args[1] else { return object[args[1]] ?? args[2] }
        return find(args[0], along: path) ?? args[2]
    }

    static let keys = Builtin("object.keys", arity: 1) { args, _ in
        .set(Set(try args.object(0).keys))
    }

    static let remove = Builtin("object.remove", arity: 2) { args, _ in
        let object = try args.object(0)
        let unwanted = try keySet(args)
        return .object(object.filter { !unwanted.contains($0.key) })
    }

    static let filter = Builtin("object.filter", arity: 2) { args, _ in
        let object = try args.object(0)
        let wanted = try keySet(args)
        return .object(object.filter { wanted.contains($0.key) })
    }

    static let union = Builtin("object.union", arity: 2) { args, _ in
        .object(merge(try args.object(0), try args.object(1)))
    }

    /// Folds `object.union` over an array of objects, later ones winning.
    static let unionN = Builtin("object.union_n", arity: 1) { args, _ in
        let objects = try args.array(0).map { element -> [Value: Value] in
            guard case .object(let o) = element else {
                throw args.collectionsElementError(0, element: element, expected: "object")
            }
            return o
        }
        return .object(objects.reduce([:], merge))
    }

    /// Keys from operand 2: an array's or set's elements, or an object's keys.
    private static func keySet(_ args: BuiltinArgs) throws -> Set<Value> {
        switch args[1] {
        case .array(let a): return Set(a)
        case .set(let s): return s
        case .object(let o): return Set(o.keys)
        default: throw args.typeError(1, expected: "one of {object, set, array}")
        }
    }

    /// Right wins, except that two objects under the same key merge recursively.
    static func merge(_ left: [Value: Value], _ right: [Value: Value]) -> [Value: Value] {
        var result = left
        for (key, value) in right {
            if case .object(let old)? = result[key], case .object(let new) = value {
                result[key] = .object(merge(old, new))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// The value reached from `root` by object keys, array indexes and set
    /// members (OPA's `Value.Find`); nil when the path leaves the document.
    static func find(_ root: Value, along path: [Value]) -> Value? {
        var current = root
        for segment in path {
            switch current {
            case .object(let o):
                guard let next = o[segment] else { return nil }
                current = next
            case .array(let a):
                guard case .number(let n) = segment, let i = n.intValue, n.isInteger, a.indices.contains(i) else { return nil }
                current = a[i]
            case .set(let s):
                guard s.contains(segment) else { return nil }
                current = segment
            default:
                return nil
            }
        }
        return current
    }
}
