import PalisadeCore

/// `json.filter` and `json.remove`: keep or drop the parts of an object named
/// by paths, each a JSON-pointer-like string (`"a/b/0"`, `~1` for `/`,
/// `~0` for `~`) or an array of path segments. Array elements are addressed
/// by their index as a string, and removing elements closes the gaps.
enum CollectionsJSONPaths {
    static var builtins: [Builtin] {
        [
            Builtin("json.filter", arity: 2) { args, _ in
                _ = try args.object(0)
                let selection = try selectionTree(args, depth: depth(of: args[0]))
                return keep(args[0], selection: .object(selection))
            },
            Builtin("json.remove", arity: 2) { args, _ in
                _ = try args.object(0)
                let selection = try selectionTree(args, depth: depth(of: args[0]))
                return drop(args[0], selection: .object(selection))
            },
        ]
    }

    // MARK: Paths

    /// The paths of operand 2 (OPA's `getJSONPaths`).
    static func paths(_ args: BuiltinArgs) throws -> [[Value]] {
        let items: [Value]
        switch args[1] {
        case .array(let a): items = a
        case .set(let s): items = s.sorted()
        default: throw args.typeError(1, expected: "one of {set, array}")
        }
        return try items.map { try segments(of: $0, args) }
    }

    /// One path: a slash-separated string or an array of segments.
    static func segments(of path: Value, _ args: BuiltinArgs) throws -> [Value] {
        switch path {
        case .string(let text):
            return pointerSegments(text).map(Value.string)
        case .array(let segments):
            return segments
        default:
            throw BuiltinError(.type, "\(args.name): operand 2 must be one of {set, array} containing string paths or array of path segments but got \(path.typeName)")
        }
    }

    /// `"/a/b~1c"` → `["a", "b/c"]`; the empty string is the root (no segments).
    static func pointerSegments(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        let trimmed = text.drop(while: { $0 == "/" })
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    // MARK: Selection tree

    /// Merges the paths into a tree of objects whose `null` leaves select a
    /// whole subtree (OPA's `pathsToObject`). Segments deeper than the
    /// document can never be consulted, so paths are cut there.
    static func selectionTree(_ args: BuiltinArgs, depth: Int) throws -> [Value: Value] {
        var root: [Value: Value] = [:]
        for path in try paths(args) where !path.isEmpty {
            insert(path.prefix(depth + 1), into: &root)
        }
        return root
    }

    private static func insert(_ path: ArraySlice<Value>, into node: inout [Value: Value]) {
        guard let key = path.first else { return }
        guard path.count > 1 else {
            node[key] = .null
            return
        }
        switch node[key] {
        case nil:
            var child: [Value: Value] = [:]
            insert(path.dropFirst(), into: &child)
            node[key] = .object(child)
        case .object(var child)?:
            node[key] = nil
            insert(path.dropFirst(), into: &child)
            node[key] = .object(child)
        default:
            return // already selected whole
        }
    }

    /// How deeply `value` nests collections.
    static func depth(of value: Value) -> Int {
        switch value {
        case .array(let a): return 1 + (a.map(depth).max() ?? 0)
        case .object(let o): return 1 + (o.values.map(depth).max() ?? 0)
        case .set(let s): return 1 + (s.map(depth).max() ?? 0)
        default: return 0
        }
    }

    // MARK: Filter and remove

    /// The parts of `value` that the selection names (OPA's `Object.Filter`).
    static func keep(_ value: Value, selection: Value) -> Value {
        guard case .object(let chosen) = selection else { return value }
        switch value {
        case .object(let o):
            var result: [Value: Value] = [:]
            for (key, sub) in chosen {
                if let item = o[key] { result[key] = keep(item, selection: sub) }
            }
            return .object(result)
        case .array(let a):
            return .array(a.indices.compactMap { i in
                chosen[.string(String(i))].map { keep(a[i], selection: $0) }
            })
        case .set(let s):
            return .set(Set(s.compactMap { item in chosen[item].map { keep(item, selection: $0) } }))
        default:
            return value
        }
    }

    /// `value` without the parts the selection names; nil when all of it goes.
    static func drop(_ value: Value, selection: Value?) -> Value? {
        guard let selection else { return value }
        guard case .object(let chosen) = selection else {
            return selection == .null ? nil : value
        }
        switch value {
        case .object(let o):
            var result: [Value: Value] = [:]
            for (key, item) in o {
                if let kept = drop(item, selection: chosen[key]) { result[key] = kept }
            }
            return .object(result)
        case .array(let a):
            return .array(a.indices.compactMap { i in drop(a[i], selection: chosen[.string(String(i))]) })
        case .set(let s):
            return .set(Set(s.compactMap { drop($0, selection: chosen[$0]) }))
        default:
            return value
        }
    }
}
