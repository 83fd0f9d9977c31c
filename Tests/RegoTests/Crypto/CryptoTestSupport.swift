import PalisadeCore
import XCTest

@testable import Rego

/// Calls builtins of the crypto group by name.
enum CryptoTestSupport {
    static func builtin(_ name: String) -> Builtin? {
        CryptoBuiltins.all.first { $0.name == name }
    }

    static func call(_ name: String, _ operands: [Value], context: BuiltinContext = BuiltinContext()) throws -> Value? {
        guard let builtin = builtin(name) else {
            XCTFail("no builtin \(name)")
            return nil
        }
        XCTAssertEqual(builtin.arity, operands.count, "arity of \(name)")
        return try builtin.body(BuiltinArgs(name: name, values: operands), context)
    }

    static func json(_ text: String) -> Value {
        do {
            return try JSONReader.decode(text)
        } catch {
            XCTFail("bad JSON fixture: \(error)")
            return .null
        }
    }

    /// Asserts that the call fails with an error whose message contains `fragment`.
    static func assertError(
        _ name: String, _ operands: [Value], contains fragment: String, code: BuiltinError.Code = .builtin,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let result = try call(name, operands)
            XCTFail("expected error containing \(fragment), got \(String(describing: result))", file: file, line: line)
        } catch let error as BuiltinError {
            XCTAssertTrue(error.message.contains(fragment), "\(error.message) does not contain \(fragment)", file: file, line: line)
            XCTAssertTrue(error.message.hasPrefix(name + ": "), "message \(error.message) lacks the builtin name", file: file, line: line)
            XCTAssertEqual(error.code, code, file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
