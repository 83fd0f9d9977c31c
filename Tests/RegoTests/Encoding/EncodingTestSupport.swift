import XCTest
@testable import Rego
import PalisadeCore

/// Calls one of the group's builtins by name.
func encodingCall(_ name: String, _ args: Value..., context: BuiltinContext = BuiltinContext()) throws -> Value? {
    guard let builtin = EncodingBuiltins.all.first(where: { $0.name == name }) else {
        throw BuiltinError(.builtin, "no builtin \(name)")
    }
    return try builtin.body(BuiltinArgs(name: name, values: args), context)
}

/// The error message a call raises, or nil when it succeeds.
func encodingError(_ name: String, _ args: Value...) -> String? {
    guard let builtin = EncodingBuiltins.all.first(where: { $0.name == name }) else { return "missing" }
    do {
        _ = try builtin.body(BuiltinArgs(name: name, values: args), BuiltinContext())
        return nil
    } catch let error as BuiltinError {
        return error.message
    } catch {
        return "\(error)"
    }
}

func encodingJSON(_ text: String) -> Value {
    (try? JSONReader.decode(text)) ?? .null
}
