/// JSON-like data shared by every Palisade engine: JSON values with exact
/// numbers, plus sets and non-string object keys (as Rego needs).
///
/// Values are totally ordered the way OPA orders terms:
/// null < boolean < number < string < array < object < set.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case number(Number)
    case string(String)
    case array([Value])
    case object([Value: Value])
    case set(Set<Value>)
}

extension Value {
    public static func int(_ i: Int) -> Value { .number(Number(i)) }
    public static func double(_ d: Double) -> Value { .number(Number.fromDouble(d)) }
    public static let emptyObject = Value.object([Value: Value]())
    public static let emptyArray = Value.array([])
    public static let emptySet = Value.set([])
    public static let `true` = Value.bool(true)
    public static let `false` = Value.bool(false)

    /// Builds an object whose keys are strings.
    public static func object(fields pairs: [String: Value]) -> Value {
        var dict: [Value: Value] = [:]
        dict.reserveCapacity(pairs.count)
        for (k, v) in pairs { dict[.string(k)] = v }
        return .object(dict)
    }

    /// The name OPA uses for this value's type in error messages and `type_name`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .set: return "set"
        }
    }

    var sortRank: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .array: return 4
        case .object: return 5
        case .set: return 6
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var numberValue: Number? { if case .number(let n) = self { return n }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [Value]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: [Value: Value]? { if case .object(let o) = self { return o }; return nil }
    public var setValue: Set<Value>? { if case .set(let s) = self { return s }; return nil }
    public var intValue: Int? { numberValue?.intValue }

    /// Field lookup on an object with a string key.
    public subscript(key: String) -> Value? {
        if case .object(let o) = self { return o[.string(key)] }
        return nil
    }

    /// Object keys in Rego order (deterministic).
    public var sortedKeys: [Value] {
        guard case .object(let o) = self else { return [] }
        return o.keys.sorted()
    }

    /// Elements of an array or set (sets in Rego order).
    public var elements: [Value]? {
        switch self {
        case .array(let a): return a
        case .set(let s): return s.sorted()
        default: return nil
        }
    }

    public var isCollection: Bool {
        switch self {
        case .array, .object, .set: return true
        default: return false
        }
    }
}

extension Value: Hashable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        case (.set(let a), .set(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o): hasher.combine(o)
        case .set(let s): hasher.combine(s)
        }
    }
}

extension Value: Comparable {
    public static func < (lhs: Value, rhs: Value) -> Bool { compare(lhs, rhs) < 0 }

    /// Three-way comparison in OPA's term order.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        let ra = a.sortRank, rb = b.sortRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.number(let x), .number(let y)): return Number.compare(x, y)
        case (.string(let x), .string(let y)): return compareStrings(x, y)
        case (.array(let x), .array(let y)): return compareSequences(x, y)
        case (.object(let x), .object(let y)): return compareObjects(x, y)
        case (.set(let x), .set(let y)):
            return compareSequences(x.sorted(), y.sorted())
        default: return 0
        }
    }

    /// Byte-wise (UTF-8) comparison, as Go compares strings.
    static func compareStrings(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        var i1 = x.utf8.makeIterator(), i2 = y.utf8.makeIterator()
        while true {
            switch (i1.next(), i2.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let c1?, let c2?): if c1 != c2 { return c1 < c2 ? -1 : 1 }
            }
        }
    }

    static func compareSequences(_ x: [Value], _ y: [Value]) -> Int {
        for (a, b) in zip(x, y) {
            let c = compare(a, b)
            if c != 0 { return c }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    static func compareObjects(_ x: [Value: Value], _ y: [Value: Value]) -> Int {
        let kx = x.keys.sorted(), ky = y.keys.sorted()
        for (a, b) in zip(kx, ky) {
            let c = compare(a, b)
            if c != 0 { return c }
            let v = compare(x[a]!, y[b]!)
            if v != 0 { return v }
        }
        return kx.count == ky.count ? 0 : (kx.count < ky.count ? -1 : 1)
    }
}
