import XCTest
@testable import Rego
import PalisadeCore

/// Runs every case of OPA's `graphql` conformance folder against the builtins.
final class GraphQLConformanceTests: XCTestCase {
    private func builtin(_ name: String) throws -> Builtin {
        try XCTUnwrap(GraphQLBuiltins.all.first { $0.name == name }, name)
    }

    private func call(_ name: String, _ args: [Value], strict: Bool = false) throws -> Value? {
        let b = try builtin(name)
        return try b.body(BuiltinArgs(name: name, values: args), BuiltinContext(strictErrors: strict))
    }

    private func operand(_ spec: Value) throws -> Value? {
        if let s = spec["s"] { return s }
        if let v = spec["v"] { return v }
        guard case .string(let name)? = spec["call"], let args = spec["args"]?.arrayValue else { return nil }
        let values = try args.map { try XCTUnwrap(operand($0)) }
        return try? call(name, values)
    }

    func testConformanceCases() throws {
        let cases = try XCTUnwrap(JSONReader.decode(graphQLConformanceFixture).arrayValue)
        XCTAssertEqual(cases.count, 144)
        var failures: [String] = []
        for c in cases {
            let note = c["note"]?.stringValue ?? "?"
            if !(try runCase(c)) { failures.append(note) }
        }
        XCTAssertEqual(failures, [], "failing cases")
    }

    private func runCase(_ c: Value) throws -> Bool {
        guard case .string(let name)? = c["call"], let specs = c["args"]?.arrayValue,
              let check = c["check"], case .string(let kind)? = check["kind"] else { return false }
        let args = try specs.map { try operand($0) }
        guard args.allSatisfy({ $0 != nil }) else { return c["want"] == .null }
        let values = args.compactMap { $0 }
        if case .string(let expected)? = c["error"] {
            do {
                _ = try call(name, values, strict: true)
                return false
            } catch let error as BuiltinError {
                return error.code == .builtin && error.message.contains(expected)
            }
        }
        let result = try? call(name, values)
        let expect = check["expect"].flatMap { $0["v"] ?? $0 }
        let defined: Bool
        switch kind {
        case "value": return result != nil && result == c["want"]
        case "equals": defined = result == expect
        case "truthy": defined = result != nil && result != .false
        case "isFalse": defined = result == nil || result == .false
        case "verify":
            let items = result?.arrayValue ?? []
            let valid = check["valid"] == .true
            defined = items.count == 3 && items[0] == .bool(valid) && (!valid || expect == nil || expect == .null || items[1] == expect)
        case "verifyArgs": defined = result == .array([.true] + values)
        case "first": defined = result?.arrayValue?.first == expect
        case "wholeArgs": defined = result == .array(values)
        default: return false
        }
        return defined == (c["want"] == .true)
    }
}
