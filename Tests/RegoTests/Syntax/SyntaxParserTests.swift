import XCTest
@testable import Rego
import PalisadeCore

/// The AST shape of each construct (rendered compactly by `SyntaxRender`).
final class SyntaxParserTests: XCTestCase {
    private func rules(_ body: String, version: RegoVersion = .v1, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        SyntaxRender.rules(try RegoParser.parseModule("package test\n" + body, file: "t.rego", version: version))
    }

    private func query(_ text: String) throws -> String {
        SyntaxRender.body(try RegoParser.parseQuery(text))
    }

    private func term(_ text: String) throws -> String {
        SyntaxRender.term(try RegoParser.parseTerm(text))
    }

    // MARK: Package and imports

    func testPackagePaths() throws {
        XCTAssertEqual(try RegoParser.parseModule("package a.b.c", file: "t").package, ["a", "b", "c"])
        XCTAssertEqual(try RegoParser.parseModule("package a[\"b.c\"].d", file: "t").package, ["a", "b.c", "d"])
        XCTAssertEqual(try RegoParser.parseModule("package foo.if.bar", file: "t").package, ["foo", "if", "bar"])
        let module = try RegoParser.parseModule("\n\npackage x", file: "t")
        XCTAssertEqual(module.packageLocation, Location(file: "t", line: 3, column: 1))
    }

    func testImports() throws {
        let module = try RegoParser.parseModule("""
        package p
        import data.x.y as z
        import input.a
        import rego.v1
        import future.keywords.in
        import data.foo["bar baz"]
        """, file: "t")
        XCTAssertEqual(module.imports.map { SyntaxRender.term($0.path) },
                       ["ref(data, \"x\", \"y\")", "ref(input, \"a\")", "ref(rego, \"v1\")",
                        "ref(future, \"keywords\", \"in\")", "ref(data, \"foo\", \"bar baz\")"])
        XCTAssertEqual(module.imports.map(\.alias), ["z", nil, nil, nil, nil])
        XCTAssertEqual(module.imports[1].location, Location(file: "t", line: 3, column: 1))
    }

    // MARK: Rules

    func testCompleteRules() throws {
        XCTAssertEqual(try rules("""
        p := 1
        q = "a"
        r if { input.x }
        s := 2 if { input.y }
        t if input.z
        u := 3 if input.w > 1
        """), [
            "ref(p) := 1",
            "ref(q) = \"a\"",
            "ref(r) { ref(input, \"x\") }",
            "ref(s) := 2 { ref(input, \"y\") }",
            "ref(t) { ref(input, \"z\") }",
            "ref(u) := 3 { call(ref(gt), ref(input, \"w\"), 1) }",
        ])
    }

    func testIfWithBracesIsABodyNotASet() throws {
        XCTAssertEqual(try rules("p if { true }"), ["ref(p) { true }"])
        XCTAssertEqual(try rules("p if {\n  x := 1\n  x > 0\n}"), ["ref(p) { x := 1; call(ref(gt), x, 0) }"])
    }

    func testDefaultRules() throws {
        let module = try RegoParser.parseModule("package t\ndefault allow := false\ndefault f(_) := 1\ndefault g = {\"a\": [1]}", file: "t")
        XCTAssertEqual(SyntaxRender.rules(module), ["default ref(allow) := false", "default ref(f)(_) := 1", "default ref(g) = {\"a\": [1]}"])
        XCTAssertTrue(module.rules.allSatisfy(\.isDefault))
        XCTAssertTrue(module.rules.allSatisfy(\.body.isEmpty))
    }

    func testPartialSetRules() throws {
        XCTAssertEqual(try rules("deny contains msg if { msg := \"no\" }\nnames contains \"a\""),
                       ["ref(deny) contains msg { msg := \"no\" }", "ref(names) contains \"a\""])
        XCTAssertEqual(try rules("violation[{\"msg\": msg}] { msg := 1 }", version: .v0),
                       ["ref(violation) contains {\"msg\": msg} { msg := 1 }"])
    }

    func testRefHeadRules() throws {
        XCTAssertEqual(try rules("""
        p[k] := v if { some k, v in input }
        a.b.c := 1
        a.b[x].c := y if { x := 1; y := 2 }
        q[x] if { x := 1 }
        """), [
            "ref(p, k) := v { some(k, v in ref(input)) }",
            "ref(a, \"b\", \"c\") := 1",
            "ref(a, \"b\", x, \"c\") := y { x := 1; y := 2 }",
            "ref(q, x) { x := 1 }",
        ])
        XCTAssertEqual(try rules("p[k] = v { k := 1; v := 2 }", version: .v0), ["ref(p, k) = v { k := 1; v := 2 }"])
    }

    func testFunctions() throws {
        XCTAssertEqual(try rules("""
        f(x, y) := z if { z := x + y }
        g(x) if x > 1
        h(_, [a, b]) := a
        """), [
            "ref(f)(x, y) := z { z := call(ref(plus), x, y) }",
            "ref(g)(x) { call(ref(gt), x, 1) }",
            "ref(h)(_, [a, b]) := a",
        ])
        XCTAssertEqual(try rules("f(x) = y { y := x }", version: .v0), ["ref(f)(x) = y { y := x }"])
        XCTAssertEqual(try rules("a.b.f(x) := x"), ["ref(a, \"b\", \"f\")(x) := x"])
    }

    func testElseChains() throws {
        XCTAssertEqual(try rules("""
        p := 1 if { input.a } else := 2 if { input.b } else := 3
        f(x) := "a" if x == 1 else := "b"
        """), [
            "ref(p) := 1 { ref(input, \"a\") } else = 2 { ref(input, \"b\") } else = 3",
            "ref(f)(x) := \"a\" { call(ref(equal), x, 1) } else = \"b\"",
        ])
        XCTAssertEqual(try rules("p = 1 { false } else = 2 { true } else { false }", version: .v0),
                       ["ref(p) = 1 { false } else = 2 { true } else { false }"])
        let module = try RegoParser.parseModule("package t\np := 1 if false\n  else := 2", file: "t")
        XCTAssertEqual(module.rules[0].elseBranches[0].location, Location(file: "t", line: 3, column: 3))
    }

    func testMultipleBodiesInV0() throws {
        let module = try RegoParser.parseModule("package t\np { input.a } { input.b }", file: "t", version: .v0)
        XCTAssertEqual(SyntaxRender.rules(module), ["ref(p) { ref(input, \"a\") }", "ref(p) { ref(input, \"b\") }"])
        XCTAssertEqual(module.rules[1].location, Location(file: "t", line: 2, column: 15))
    }

    func testV0KeywordsComeFromImports() throws {
        XCTAssertEqual(try rules("import future.keywords.if\nimport future.keywords.contains\np contains x if { x := 1 }", version: .v0),
                       ["ref(p) contains x { x := 1 }"])
        XCTAssertEqual(try rules("import rego.v1\np if { some x in [1] }", version: .v0), ["ref(p) { some(x in [1]) }"])
        XCTAssertEqual(try rules("import future.keywords.every\np { every x in [1] { x > 0 } }", version: .v0),
                       ["ref(p) { every(x in [1]){call(ref(gt), x, 0)} }"])
        // Without the imports they are plain names.
        XCTAssertEqual(try rules("p { contains(\"abc\", \"b\"); if := 1; in := 2 }", version: .v0),
                       ["ref(p) { call(ref(contains), \"abc\", \"b\"); if := 1; in := 2 }"])
    }

    func testModuleVersion() throws {
        XCTAssertEqual(try RegoParser.parseModule("package a", file: "t").version, .v1)
        XCTAssertEqual(try RegoParser.parseModule("package a", file: "t", version: .v0).version, .v0)
        XCTAssertEqual(try RegoParser.parseModule("package a\nimport rego.v1", file: "t", version: .v0).version, .v1)
    }

    func testKeywordsAsRefNames() throws {
        XCTAssertEqual(try rules("if.foo := 1\nfoo.else := 2\np if { not.x == 1; x := input.in.contains }"), [
            "ref(if, \"foo\") := 1",
            "ref(foo, \"else\") := 2",
            "ref(p) { call(ref(equal), ref(not, \"x\"), 1); x := ref(input, \"in\", \"contains\") }",
        ])
    }

    // MARK: Bodies and expressions

    func testBodySeparators() throws {
        XCTAssertEqual(try query("a; b\nc"), "a; b; c")
        XCTAssertEqual(try rules("p if {\n  a; b\n  c\n}"), ["ref(p) { a; b; c }"])
    }

    func testNegationWithAndSome() throws {
        XCTAssertEqual(try query("not input.x"), "not ref(input, \"x\")")
        XCTAssertEqual(try query("allow with input as {} with data.roles as [1]"),
                       "allow with ref(input) as {} with ref(data, \"roles\") as [1]")
        XCTAssertEqual(try query("some x, y"), "some(x, y)")
        XCTAssertEqual(try query("some x in xs"), "some(x in xs)")
        XCTAssertEqual(try query("some k, v in input.items"), "some(k, v in ref(input, \"items\"))")
        XCTAssertEqual(try query("every x in xs { x > 1 }"), "every(x in xs){call(ref(gt), x, 1)}")
        XCTAssertEqual(try query("every k, v in xs { k == v }"), "every(k, v in xs){call(ref(equal), k, v)}")
    }

    func testAssignmentAndComparison() throws {
        XCTAssertEqual(try query("x := y"), "x := y")
        XCTAssertEqual(try query("x = y"), "x = y")
        XCTAssertEqual(try query("x == y"), "call(ref(equal), x, y)")
        XCTAssertEqual(try query("x != y; x < y; x <= y; x > y; x >= y"),
                       "call(ref(neq), x, y); call(ref(lt), x, y); call(ref(lte), x, y); call(ref(gt), x, y); call(ref(gte), x, y)")
    }

    func testOperatorPrecedence() throws {
        XCTAssertEqual(try query("x := 1 + 2 * 3 - 4 / 5 % 6"),
                       "x := call(ref(minus), call(ref(plus), 1, call(ref(mul), 2, 3)), call(ref(rem), call(ref(div), 4, 5), 6))")
        XCTAssertEqual(try query("a | b & c"), "call(ref(or), a, call(ref(and), b, c))")
        XCTAssertEqual(try query("a + 1 == b * 2"), "call(ref(equal), call(ref(plus), a, 1), call(ref(mul), b, 2))")
        XCTAssertEqual(try query("(1 + 2) * 3"), "call(ref(mul), call(ref(plus), 1, 2), 3)")
        XCTAssertEqual(try query("x := a | b"), "x := call(ref(or), a, b)")
    }

    func testMembership() throws {
        XCTAssertEqual(try query("x in xs"), "call(ref(internal, \"member_2\"), x, xs)")
        XCTAssertEqual(try query("k, v in xs"), "call(ref(internal, \"member_3\"), k, v, xs)")
        XCTAssertEqual(try query("x == 1 in xs"), "call(ref(internal, \"member_2\"), call(ref(equal), x, 1), xs)")
        XCTAssertEqual(try query("y := x in xs"), "y := call(ref(internal, \"member_2\"), x, xs)")
        XCTAssertEqual(try query("f(x, y in z)"), "call(ref(f), x, call(ref(internal, \"member_2\"), y, z))")
        XCTAssertEqual(try query("not \"a\" in {\"b\"}"), "not call(ref(internal, \"member_2\"), \"a\", set(\"b\"))")
    }

    func testCallsAndRefs() throws {
        XCTAssertEqual(try query("count(x) > 1"), "call(ref(gt), call(ref(count), x), 1)")
        XCTAssertEqual(try query("a.b.c(x)"), "call(ref(a, \"b\", \"c\"), x)")
        XCTAssertEqual(try query("x := f(y).z[0]"), "x := ref(call(ref(f), y), \"z\", 0)")
        XCTAssertEqual(try query("x := [1, 2][0]"), "x := ref([1, 2], 0)")
        XCTAssertEqual(try query("x := a.b[c][\"d\"][0]"), "x := ref(a, \"b\", c, \"d\", 0)")
        XCTAssertEqual(try query("x := input"), "x := ref(input)")
        XCTAssertEqual(try query("x := data.y[_]"), "x := ref(data, \"y\", _)")
        XCTAssertEqual(try query("f()"), "call(ref(f))")
        XCTAssertEqual(try query("x := time.now_ns()"), "x := call(ref(time, \"now_ns\"))")
        // Whitespace ends a ref: `a [1]` is not an index but (as in OPA) a second expression.
        XCTAssertEqual(try query("x := a [1]"), "x := a; [1]")
    }

    // MARK: Terms

    func testNumbers() throws {
        XCTAssertEqual(try term("12345678901234567890123"), "12345678901234567890123")
        XCTAssertEqual(try term("-7"), "-7")
        XCTAssertEqual(try term("1.5e3"), "1500")
        XCTAssertEqual(try term("0.1"), "0.1")
        XCTAssertEqual(try term(".5"), "0.5")
        XCTAssertEqual(try term("-.25"), "-0.25")
        XCTAssertEqual(try term("[1, -2]"), "[1, -2]")
        guard case .scalar(.number(let n)) = try RegoParser.parseTerm("9007199254740993").kind else { return XCTFail() }
        XCTAssertEqual(n, Number(9_007_199_254_740_993))
    }

    func testStrings() throws {
        XCTAssertEqual(try term(#""a\"b\\c\n\u00e9\ud83d\ude00""#), "\"a\\\"b\\\\c\\né😀\"")
        XCTAssertEqual(try term("`raw \\n\nline`"), "\"raw \\\\n\\nline\"")
        XCTAssertEqual(try term("\"tab\tok\""), "\"tab\\tok\"")
    }

    func testTemplateStrings() throws {
        XCTAssertEqual(try term(#"$"a {x} b""#), "tpl(\"a \", {x}, \" b\")")
        XCTAssertEqual(try term(#"$"\{42} {1 + a}""#), "tpl(\"{42} \", {call(ref(plus), 1, a)})")
        XCTAssertEqual(try term(#"$"{$"{a}"}!""#), "tpl({tpl({a})}, \"!\")")
        XCTAssertEqual(try term("$`line\n{[x | x := 1]}`"), "tpl(\"line\\n\", {[x | x := 1]})")
        XCTAssertEqual(try term(#"$"{{"a": 1}}""#), "tpl({{\"a\": 1}})")
        XCTAssertEqual(try term(#"$"""#), "tpl()")
        // `with` inside a template expression becomes an indexed comprehension.
        XCTAssertEqual(try term(#"$"{a with input as 1}""#), "tpl({ref([$tpl0 | $tpl0 := a with ref(input) as 1], 0)})")
    }

    func testComposites() throws {
        XCTAssertEqual(try term("set()"), "set()")
        XCTAssertEqual(try term("{}"), "{}")
        XCTAssertEqual(try term("{1, 2}"), "set(1, 2)")
        XCTAssertEqual(try term("{\"a\": 1, 2: [true, null]}"), "{\"a\": 1, 2: [true, null]}")
        XCTAssertEqual(try term("[1, 2,]"), "[1, 2]")
        XCTAssertEqual(try term("{a + 1: b}"), "{call(ref(plus), a, 1): b}")
        XCTAssertEqual(try term("{1 + 2}"), "set(call(ref(plus), 1, 2))")
    }

    func testComprehensions() throws {
        XCTAssertEqual(try term("[x | x := input[_]]"), "[x | x := ref(input, _)]")
        XCTAssertEqual(try term("{x | some x in xs}"), "set[x | some(x in xs)]")
        XCTAssertEqual(try term("{k: v | some k, v in o; v > 1}"), "obj{k: v | some(k, v in o); call(ref(gt), v, 1)}")
        // `{a | b}` is a comprehension, `{a | b, c}` a set with an `or` call.
        XCTAssertEqual(try term("{a | b}"), "set[a | b]")
        XCTAssertEqual(try term("{a | b, c}"), "set(call(ref(or), a, b), c)")
    }

    func testLocations() throws {
        let body = try RegoParser.parseQuery("x := 1\n  not y", file: "q")
        XCTAssertEqual(body[1].location, Location(file: "q", line: 2, column: 3))
        guard case .assign(let lhs, let rhs) = body[0].kind else { return XCTFail() }
        XCTAssertEqual(lhs.location, Location(file: "q", line: 1, column: 1))
        XCTAssertEqual(rhs.location, Location(file: "q", line: 1, column: 6))
        let module = try RegoParser.parseModule("package t\n\ndefault p := 1\nq contains 1", file: "m.rego")
        XCTAssertEqual(module.rules.map(\.location.line), [3, 4])
    }

    // MARK: Annotations

    func testMetadataAnnotations() throws {
        let module = try RegoParser.parseModule("""
        # METADATA
        # title: The package
        # description: Docs
        package t

        # METADATA
        # title: Allow rule
        # authors:
        # - Jane Doe <jane@example.com>
        # related_resources:
        # - https://example.com
        # custom:
        #   severity: high
        allow if true

        # METADATA
        # scope: document
        # entrypoint: true
        deny contains 1
        """, file: "t")
        XCTAssertEqual(module.annotations.count, 3)
        XCTAssertEqual(module.annotations.map(\.scope), [.package, .rule, .document])
        XCTAssertEqual(module.annotations.map(\.ruleIndex), [nil, 0, 1])
        XCTAssertEqual(module.annotations[0].value["title"], .string("The package"))
        let rule = module.annotations[1].value
        XCTAssertEqual(rule["scope"], .string("rule"))
        XCTAssertEqual(rule["authors"], .array([.object(fields: ["name": .string("Jane Doe"), "email": .string("jane@example.com")])]))
        XCTAssertEqual(rule["related_resources"], .array([.object(fields: ["ref": .string("https://example.com")])]))
        XCTAssertEqual(rule["custom"], .object(fields: ["severity": .string("high")]))
        XCTAssertEqual(module.annotations[2].value["entrypoint"], .bool(true))
        XCTAssertEqual(module.annotations[1].location, Location(file: "t", line: 6, column: 1))
    }

    // MARK: Public entry points

    func testParseTermAndQuery() throws {
        XCTAssertEqual(try term("{\"a\": {1, {2}}, \"b\": [{\"c\": null}]}"), "{\"a\": set(1, set(2)), \"b\": [{\"c\": null}]}")
        XCTAssertThrowsError(try RegoParser.parseTerm("1; 2"))
        XCTAssertThrowsError(try RegoParser.parseTerm("x = 1"))
        XCTAssertThrowsError(try RegoParser.parseQuery(""))
        XCTAssertEqual(try query("data.test.p = x"), "ref(data, \"test\", \"p\") = x")
    }
}
