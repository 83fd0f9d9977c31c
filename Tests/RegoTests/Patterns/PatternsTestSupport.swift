import XCTest
@testable import Rego
import PalisadeCore

/// Calls Patterns builtins by name, as the evaluator would.
enum PatternsTestSupport {
    static let builtins: [String: Builtin] = Dictionary(uniqueKeysWithValues: PatternBuiltins.all.map { ($0.name, $0) })

    static func call(_ name: String, _ operands: Value..., context: BuiltinContext = BuiltinContext()) throws -> Value? {
        guard let builtin = builtins[name] else { throw BuiltinError(.builtin, "no builtin \(name)") }
        XCTAssertEqual(builtin.arity, operands.count, name)
        return try builtin.body(BuiltinArgs(name: name, values: operands), context)
    }

    static func strings(_ items: [String]) -> Value { .array(items.map(Value.string)) }

    static func stringSet(_ items: [String]) -> Value { .set(Set(items.map(Value.string))) }
}

extension XCTestCase {
    func assertPatternsCall(_ name: String, _ operands: Value..., equals expected: Value?,
                            file: StaticString = #filePath, line: UInt = #line) {
        do {
            let builtin = try XCTUnwrap(PatternsTestSupport.builtins[name], file: file, line: line)
            let result = try builtin.body(BuiltinArgs(name: name, values: operands), BuiltinContext())
            XCTAssertEqual(result, expected, file: file, line: line)
        } catch {
            XCTFail("\(name) threw \(error)", file: file, line: line)
        }
    }

    func assertPatternsError(_ name: String, _ operands: Value..., code: BuiltinError.Code, message: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            let builtin = try XCTUnwrap(PatternsTestSupport.builtins[name], file: file, line: line)
            let result = try builtin.body(BuiltinArgs(name: name, values: operands), BuiltinContext())
            XCTFail("\(name) returned \(String(describing: result)) instead of failing", file: file, line: line)
        } catch let error as BuiltinError {
            XCTAssertEqual(error.code, code, file: file, line: line)
            XCTAssertEqual(error.message, message, file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
