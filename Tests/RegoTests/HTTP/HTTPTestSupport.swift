import PalisadeCore
import XCTest
@testable import Rego

/// Calls one of the HTTP group's builtins the way the evaluator does.
enum HTTPTestSupport {
    static func builtin(_ name: String) throws -> Builtin {
        try XCTUnwrap(HTTPBuiltins.all.first { $0.name == name }, "no builtin \(name)")
    }

    static func call(_ name: String, _ operands: [Value], context: BuiltinContext = BuiltinContext()) throws -> Value? {
        try builtin(name).body(BuiltinArgs(name: name, values: operands), context)
    }

    /// Parses JSON test input.
    static func json(_ text: String) throws -> Value {
        try JSONReader.decode(text)
    }

    /// The error a call raises, or nil when it succeeds.
    static func error(_ name: String, _ operands: [Value], context: BuiltinContext = BuiltinContext()) -> BuiltinError? {
        do {
            _ = try call(name, operands, context: context)
            return nil
        } catch let error as BuiltinError {
            return error
        } catch {
            return BuiltinError(.builtin, "unexpected error type: \(error)")
        }
    }
}

/// Lets tests write request objects as Swift literals:
/// `["method": "GET", "timeout": 5, "headers": ["X-A": "b"]]`.
protocol HTTPTestValue {
    var httpTestValue: Value { get }
}

extension Value: HTTPTestValue {
    var httpTestValue: Value { self }
}

extension String: HTTPTestValue {
    var httpTestValue: Value { .string(self) }
}

extension Int: HTTPTestValue {
    var httpTestValue: Value { .int(self) }
}

extension Bool: HTTPTestValue {
    var httpTestValue: Value { .bool(self) }
}

extension Array: HTTPTestValue where Element == any HTTPTestValue {
    var httpTestValue: Value { .array(map(\.httpTestValue)) }
}

extension Dictionary: HTTPTestValue where Key == String, Value == any HTTPTestValue {
    var httpTestValue: PalisadeCore.Value { .object(fields: mapValues(\.httpTestValue)) }
}
