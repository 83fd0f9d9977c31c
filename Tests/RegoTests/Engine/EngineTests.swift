import XCTest
import PalisadeCore
@testable import Rego

final class EngineTests: XCTestCase {
    private func engine(_ sources: String..., data: Value = .emptyObject) throws -> RegoEngine {
        try RegoEngine(sources: sources.enumerated().map { RegoSource(file: "test-\($0.offset).rego", text: $0.element) }, data: data)
    }

    private func value(_ engine: RegoEngine, _ path: String, input: Value? = nil) throws -> Value? {
        try engine.evaluate(path.split(separator: ".").map(String.init), input: input)
    }

    private func json(_ text: String) throws -> Value { try JSONReader.decode(text) }

    func testCompleteRuleAndUndefined() throws {
        let e = try engine("""
        package test
        allow if input.user == "admin"
        name := input.user
        """)
        XCTAssertEqual(try value(e, "test.allow", input: try json(#"{"user":"admin"}"#)), .bool(true))
        XCTAssertNil(try value(e, "test.allow", input: try json(#"{"user":"bob"}"#)))
        XCTAssertEqual(try value(e, "test.name", input: try json(#"{"user":"bob"}"#)), .string("bob"))
    }

    func testDefaultRuleAppliesWhenUndefined() throws {
        let e = try engine("""
        package test
        default allow := false
        allow if input.ok
        """)
        XCTAssertEqual(try value(e, "test.allow", input: try json(#"{"ok":false}"#)), .bool(false))
        XCTAssertEqual(try value(e, "test.allow", input: try json(#"{"ok":true}"#)), .bool(true))
    }

    func testPartialSetAndObjectRules() throws {
        let e = try engine("""
        package test
        names contains n if some n in input.names
        by_len[n] := count(n) if some n in input.names
        """)
        let input = try json(#"{"names":["ab","c"]}"#)
        XCTAssertEqual(try value(e, "test.names", input: input), .set([.string("ab"), .string("c")]))
        XCTAssertEqual(try value(e, "test.by_len", input: input), try json(#"{"ab":2,"c":1}"#))
    }

    func testConflictingCompleteRulesRaiseConflictError() throws {
        let e = try engine("""
        package test
        p := 1 if input.a
        p := 2 if input.b
        """)
        XCTAssertThrowsError(try value(e, "test.p", input: try json(#"{"a":true,"b":true}"#))) { error in
            XCTAssertEqual((error as? RegoError)?.code, .evalConflict)
            XCTAssertTrue("\(error)".contains("complete rules must not produce multiple outputs"))
        }
    }

    func testFunctionsElseAndComprehensions() throws {
        let e = try engine("""
        package test
        grade(x) := "high" if x > 10
        else := "low"
        grades := [grade(x) | some x in input.xs]
        evens := {x | some x in input.xs; x % 2 == 0}
        """)
        let input = try json(#"{"xs":[4, 12]}"#)
        XCTAssertEqual(try value(e, "test.grades", input: input), try json(#"["low","high"]"#))
        XCTAssertEqual(try value(e, "test.evens", input: input), .set([.int(4), .int(12)]))
    }

    func testEveryAndNot() throws {
        let e = try engine("""
        package test
        all_positive if every x in input.xs { x > 0 }
        no_zero if not zero_present
        zero_present if 0 in input.xs
        """)
        XCTAssertEqual(try value(e, "test.all_positive", input: try json(#"{"xs":[1,2]}"#)), .bool(true))
        XCTAssertNil(try value(e, "test.all_positive", input: try json(#"{"xs":[1,-2]}"#)))
        XCTAssertEqual(try value(e, "test.no_zero", input: try json(#"{"xs":[1]}"#)), .bool(true))
        XCTAssertNil(try value(e, "test.no_zero", input: try json(#"{"xs":[0]}"#)))
    }

    func testWithReplacesInputDataAndFunctions() throws {
        let e = try engine("""
        package test
        allow if input.user == data.admins[_]
        mocked if count([1, 2]) == 7
        t1 if allow with input as {"user": "x"} with data.admins as ["x"]
        t2 if mocked with count as 7
        """)
        XCTAssertEqual(try value(e, "test.t1"), .bool(true))
        XCTAssertEqual(try value(e, "test.t2"), .bool(true))
        XCTAssertNil(try value(e, "test.allow", input: try json(#"{"user":"x"}"#)))
    }

    func testQueryBindingsAndExpressions() throws {
        let e = try engine("""
        package test
        xs := [1, 2, 3]
        """)
        let results = try e.query("x := data.test.xs[i]; x > 1")
        XCTAssertEqual(results.count, 2)
        XCTAssertEqual(Set(results.compactMap { $0.bindings["x"] }), [.int(2), .int(3)])
        XCTAssertEqual(results.first?.expressions.count, 2)
        XCTAssertEqual(results.first?.expressions.first?.text, "x := data.test.xs[i]")
    }

    func testRefHeadsBuildNestedObjects() throws {
        let e = try engine("""
        package test
        a.b.c := 1
        a.d[k] := v if some k, v in {"x": 2}
        """)
        XCTAssertEqual(try value(e, "test.a"), try json(#"{"b":{"c":1},"d":{"x":2}}"#))
    }

    func testUnsafeVariableIsACompileError() {
        XCTAssertThrowsError(try engine("""
        package test
        p if { x > 1 }
        """)) { error in
            XCTAssertTrue("\(error)".contains("rego_unsafe_var_error: var x is unsafe"), "\(error)")
        }
    }

    func testBaseDataAndRulesMerge() throws {
        let e = try engine("""
        package a
        r := 2
        """, data: try json(#"{"a":{"base":1}}"#))
        XCTAssertEqual(try value(e, "a"), try json(#"{"base":1,"r":2}"#))
    }
}

final class CompilerCheckTests: XCTestCase {
    func testRecursiveRulesAreRejectedWithTheCycle() {
        XCTAssertThrowsError(try RegoEngine(sources: [RegoSource(file: "r.rego", text: """
        package a
        p if q
        q if p
        """)])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("rego_recursion_error"), text)
            XCTAssertTrue(text.contains("data.a.p -> data.a.q -> data.a.p") || text.contains("data.a.q -> data.a.p -> data.a.q"), text)
        }
    }

    func testRecursiveFunctionIsRejected() {
        XCTAssertThrowsError(try RegoEngine(sources: [RegoSource(file: "r.rego", text: """
        package a
        f(x) := f(x - 1) if x > 0
        """)])) { error in
            XCTAssertTrue("\(error)".contains("rego_recursion_error"), "\(error)")
        }
    }

    func testConflictingRuleKindsAreRejected() {
        XCTAssertThrowsError(try RegoEngine(sources: [RegoSource(file: "r.rego", text: """
        package a
        p := 1
        p contains 2
        """)])) { error in
            XCTAssertTrue("\(error)".contains("conflicting rules data.a.p found"), "\(error)")
        }
    }

    func testParseErrorsCarryFileLineAndColumn() {
        XCTAssertThrowsError(try RegoEngine(sources: [RegoSource(file: "bad.rego", text: "package a\np if {\n  x := \n}\n")])) { error in
            XCTAssertTrue("\(error)".contains("bad.rego:"), "\(error)")
            XCTAssertTrue("\(error)".contains("rego_parse_error"), "\(error)")
        }
    }

    func testUndefinedFunctionIsACompileError() {
        XCTAssertThrowsError(try RegoEngine(sources: [RegoSource(file: "u.rego", text: "package a\np := nope(1)\n")])) { error in
            XCTAssertTrue("\(error)".contains("undefined function nope"), "\(error)")
        }
    }
}

final class StrictModeTests: XCTestCase {
    private func strictErrors(_ text: String) -> String {
        do {
            _ = try RegoEngine(sources: [RegoSource(file: "s.rego", text: text)], strict: true)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testUnusedImportAndAssignmentAreReportedWithLocations() {
        let text = strictErrors("""
        package a
        import data.lib.helpers
        p if {
            x := 1
            true
        }
        """)
        XCTAssertTrue(text.contains("s.rego:2:1: rego_compile_error: import data.lib.helpers unused"), text)
        XCTAssertTrue(text.contains("s.rego:4:5: rego_compile_error: assigned var x unused"), text)
    }

    func testVariableUsedOnlyInTheHeadIsNotUnused() {
        let text = strictErrors("""
        package a
        deny contains msg if {
            msg := "bad"
        }
        f(x) := y if { y := x + 1 }
        """)
        XCTAssertFalse(text.contains("unused"), text)
    }

    func testDeprecatedBuiltinsAndShadowingAreReported() {
        let text = strictErrors("""
        package a
        p if any([true])
        q if { input := 1; input > 0 }
        """)
        XCTAssertTrue(text.contains("deprecated built-in function calls in expression: any"), text)
        XCTAssertTrue(text.contains("variables must not shadow input"), text)
    }

    func testCleanPolicyPassesStrictMode() {
        XCTAssertEqual(strictErrors("""
        package a
        import data.lib.helpers
        p if { x := helpers.v; x > 1 }
        """), "")
    }

    func testStrictChecksAreOffByDefault() {
        XCTAssertNoThrow(try RegoEngine(sources: [RegoSource(file: "s.rego", text: "package a\nimport data.x\np if { y := 1; true }\n")]))
    }
}

final class CallFormOperatorTests: XCTestCase {
    func testEqAndAssignCallFormsUnify() throws {
        let e = try RegoEngine(sources: [RegoSource(file: "c.rego", text: """
        package c
        p := x if { assign(x, 2); eq(y, 3); y > 1 }
        """)])
        XCTAssertEqual(try e.evaluate(["c", "p"]), .int(2))
    }
}
