import XCTest
import PalisadeCore
@testable import Rego

/// Calls the Strings group's builtins by name.
enum StringsTestSupport {
    static let table: [String: Builtin] = Dictionary(
        StringBuiltins.all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    static func call(_ name: String, _ values: [Value]) throws -> Value? {
        guard let builtin = table[name] else { throw BuiltinError(.builtin, "no builtin \(name)") }
        XCTAssertEqual(builtin.arity, values.count, "arity of \(name)")
        return try builtin.body(BuiltinArgs(name: name, values: values), BuiltinContext())
    }
}

func s(_ text: String) -> Value { .string(text) }
func n(_ i: Int) -> Value { .int(i) }
func num(_ literal: String) -> Value { .number(Number(literal: literal)!) }
func arr(_ items: Value...) -> Value { .array(items) }

/// Asserts the builtin's result.
func assertCall(_ name: String, _ args: [Value], _ expected: Value?, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let result = try StringsTestSupport.call(name, args)
        XCTAssertEqual(result, expected, file: file, line: line)
    } catch {
        XCTFail("\(name) threw \(error)", file: file, line: line)
    }
}

/// Asserts the builtin fails with this code and message.
func assertFails(_ name: String, _ args: [Value], _ code: BuiltinError.Code, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let result = try StringsTestSupport.call(name, args)
        XCTFail("\(name) returned \(String(describing: result))", file: file, line: line)
    } catch let error as BuiltinError {
        XCTAssertEqual(error.code, code, file: file, line: line)
        XCTAssertEqual(error.message, message, file: file, line: line)
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
}

/// sprintf(format, args) as a Swift string.
func sprintf(_ format: String, _ args: Value...) -> String? {
    (try? StringsTestSupport.call("sprintf", [s(format), .array(args)]))??.stringValue
}
