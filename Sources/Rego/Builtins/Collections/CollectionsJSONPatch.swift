import PalisadeCore

/// `json.patch(document, patches)`: applies RFC 6902 operations (add, remove,
/// replace, move, copy, test) in order. Paths are JSON-pointer strings or
/// arrays of segments; `-` appends to an array. Any failing operation makes
/// the result undefined, as in OPA.
enum CollectionsJSONPatch {
    static var builtins: [Builtin] {
        [
            Builtin("json.patch", arity: 2) { args, _ in
                let operations = try args.array(1)
                var document: Value? = args[0]
                for operation in operations {
                    guard apply(operation, to: &document) else { return nil }
                }
                return document
            },
        ]
    }

    private static let valueOps: Set<String> = ["add", "replace", "test"]
    private static let sourceOps: Set<String> = ["move", "copy"]
    private static let allOps: Set<String> = ["add", "remove", "replace", "move", "copy", "test"]

    /// Applies one operation; false when it fails. A nil document was removed whole.
    static func apply(_ operation: Value, to document: inout Value?) -> Bool {
        guard case .object(let fields) = operation,
              case .string(let op)? = fields[.string("op")], allOps.contains(op),
              let pathValue = fields[.string("path")], let path = segments(pathValue)
        else { return false }
        let value = fields[.string("value")]
        let from = fields[.string("from")]
        if valueOps.contains(op) && value == nil { return false }
        if sourceOps.contains(op) && from == nil { return false }
        do {
            switch op {
            case "add":
                document = try add(document, at: path[...], value: value ?? .null)
            case "remove":
                document = try remove(document, at: path[...])
            case "replace":
                document = try add(remove(document, at: path[...]), at: path[...], value: value ?? .null)
            case "move", "copy":
                guard let fromValue = from, let source = segments(fromValue) else { return false }
                let chunk = try read(document, at: source[...])
                if op == "move" { document = try remove(document, at: source[...]) }
                document = try add(document, at: path[...], value: chunk)
            default: // test
                return try read(document, at: path[...]) == value
            }
            return true
        } catch {
            return false
        }
    }

    private struct Failure: Error {}

    private static func segments(_ path: Value) -> [Value]? {
        switch path {
        case .string(let text): return CollectionsJSONPaths.pointerSegments(text).map(Value.string)
        case .array(let a): return a
        default: return nil
        }
    }

    // MARK: Tree edits

    static func read(_ document: Value?, at path: ArraySlice<Value>) throws -> Value {
        guard var current = document else { throw Failure() }
        for key in path { current = try child(of: current, key) }
        return current
    }

    static func add(_ document: Value?, at path: ArraySlice<Value>, value: Value) throws -> Value {
        guard let key = path.first else { return value }
        guard let document else { throw Failure() }
        if path.count == 1 { return try insert(value, into: document, key) }
        let updated = try add(child(of: document, key), at: path.dropFirst(), value: value)
        return try replace(child: key, of: document, with: updated)
    }

    static func remove(_ document: Value?, at path: ArraySlice<Value>) throws -> Value? {
        guard let document else { throw Failure() }
        guard let key = path.first else { return nil }
        if path.count == 1 { return try delete(key, from: document) }
        guard let updated = try remove(child(of: document, key), at: path.dropFirst()) else { throw Failure() }
        return try replace(child: key, of: document, with: updated)
    }

    /// The existing child under `key` (an object key, array index or set member).
    private static func child(of container: Value, _ key: Value) throws -> Value {
        switch container {
        case .object(let o):
            guard let value = o[key] else { throw Failure() }
            return value
        case .set(let s):
            guard s.contains(key) else { throw Failure() }
            return key
        case .array(let a):
            let i = try index(key, count: a.count)
            guard a.indices.contains(i) else { throw Failure() }
            return a[i]
        default:
            throw Failure()
        }
    }

    private static func replace(child key: Value, of container: Value, with value: Value) throws -> Value {
        switch container {
        case .object(var o):
            o[key] = value
            return .object(o)
        case .set(var s):
            s.remove(key)
            s.insert(value)
            return .set(s)
        case .array(var a):
            a[try index(key, count: a.count)] = value
            return .array(a)
        default:
            throw Failure()
        }
    }

    private static func insert(_ value: Value, into container: Value, _ key: Value) throws -> Value {
        switch container {
        case .object(var o):
            o[key] = value
            return .object(o)
        case .set(var s):
            guard key == value else { throw Failure() }
            s.insert(value)
            return .set(s)
        case .array(var a):
            let i = try index(key, count: a.count)
            guard i >= 0, i <= a.count else { throw Failure() }
            a.insert(value, at: i)
            return .array(a)
        default:
            throw Failure()
        }
    }

    private static func delete(_ key: Value, from container: Value) throws -> Value {
        switch container {
        case .object(var o):
            guard o.removeValue(forKey: key) != nil else { throw Failure() }
            return .object(o)
        case .set(var s):
            guard s.remove(key) != nil else { throw Failure() }
            return .set(s)
        case .array(var a):
            let i = try index(key, count: a.count)
            guard a.indices.contains(i) else { throw Failure() }
            a.remove(at: i)
            return .array(a)
        default:
            throw Failure()
        }
    }

    /// An array index from a number or a decimal string; `-` is one past the end.
    private static func index(_ key: Value, count: Int) throws -> Int {
        switch key {
        case .number(let n):
            guard case .int(let i) = n.storage else { throw Failure() }
            return i
        case .string(let s):
            if s == "-" { return count }
            guard let i = Int(s), s == "0" || !s.hasPrefix("0") else { throw Failure() }
            return i
        default:
            throw Failure()
        }
    }
}
