import XCTest
@testable import Rego
import PalisadeCore

/// Calls Collections builtins by name for the tests of this group.
enum CollectionsTestSupport {
    struct MissingBuiltin: Error { let name: String }

    static func builtin(_ name: String) throws -> Builtin {
        guard let found = CollectionBuiltins.all.first(where: { $0.name == name }) else { throw MissingBuiltin(name: name) }
        return found
    }

    static func call(_ name: String, _ values: Value..., context: BuiltinContext = BuiltinContext()) throws -> Value? {
        let builtin = try builtin(name)
        return try builtin.body(BuiltinArgs(name: name, values: values), context)
    }

    /// The result as compact JSON text (sets sorted), or "undefined".
    static func text(_ name: String, _ values: Value...) throws -> String {
        let builtin = try builtin(name)
        guard let result = try builtin.body(BuiltinArgs(name: name, values: values), BuiltinContext()) else { return "undefined" }
        return JSONWriter.string(result)
    }

    static func json(_ text: String) -> Value {
        do { return try JSONReader.decode(text) } catch {
            XCTFail("bad JSON in test: \(text)")
            return .null
        }
    }

    static func number(_ literal: String) -> Value { .number(Number(literal: literal) ?? Number(0)) }

    static func strings(_ items: String...) -> Value { .set(Set(items.map(Value.string))) }

    static func assertError(_ name: String, _ values: Value..., message: String, code: BuiltinError.Code = .type,
                            file: StaticString = #filePath, line: UInt = #line) {
        do {
            let builtin = try builtin(name)
            let result = try builtin.body(BuiltinArgs(name: name, values: values), BuiltinContext())
            XCTFail("expected error \(message), got \(String(describing: result))", file: file, line: line)
        } catch let error as BuiltinError {
            XCTAssertEqual(error.message, message, file: file, line: line)
            XCTAssertEqual(error.code, code, file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
