import PalisadeCore

/// The operands of one builtin call, with typed accessors that raise
/// OPA-formatted errors: `sprintf: operand 1 must be string but got number`.
/// Indexes are zero-based; messages count operands from 1 as OPA does.
public struct BuiltinArgs: Sendable {
    public let name: String
    public let values: [Value]

    public init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }

    public var count: Int { values.count }
    public subscript(_ i: Int) -> Value { values[i] }

    public func string(_ i: Int) throws -> String {
        if case .string(let s) = values[i] { return s }
        throw typeError(i, expected: "string")
    }

    public func number(_ i: Int) throws -> Number {
        if case .number(let n) = values[i] { return n }
        throw typeError(i, expected: "number")
    }

    /// An integer operand; a non-integral number is an error too.
    public func int(_ i: Int) throws -> Int {
        let n = try number(i)
        guard let v = n.intValue else {
            throw BuiltinError(.type, "\(name): operand \(i + 1) must be integer number but got floating-point number")
        }
        return v
    }

    public func bool(_ i: Int) throws -> Bool {
        if case .bool(let b) = values[i] { return b }
        throw typeError(i, expected: "boolean")
    }

    public func array(_ i: Int) throws -> [Value] {
        if case .array(let a) = values[i] { return a }
        throw typeError(i, expected: "array")
    }

    public func object(_ i: Int) throws -> [Value: Value] {
        if case .object(let o) = values[i] { return o }
        throw typeError(i, expected: "object")
    }

    public func set(_ i: Int) throws -> Set<Value> {
        if case .set(let s) = values[i] { return s }
        throw typeError(i, expected: "set")
    }

    /// The elements of an array or set operand (sets in sorted order).
    public func arrayOrSet(_ i: Int) throws -> [Value] {
        switch values[i] {
        case .array(let a): return a
        case .set(let s): return s.sorted()
        default: throw typeError(i, expected: "one of {array, set}")
        }
    }

    /// `name: operand N must be EXPECTED but got ACTUAL`.
    public func typeError(_ i: Int, expected: String) -> BuiltinError {
        BuiltinError(.type, "\(name): operand \(i + 1) must be \(expected) but got \(values[i].typeName)")
    }

    /// `name: MESSAGE`, an eval_builtin_error.
    public func failure(_ message: String) -> BuiltinError {
        BuiltinError(.builtin, "\(name): \(message)")
    }
}
