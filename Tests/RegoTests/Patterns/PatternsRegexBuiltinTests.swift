import XCTest
@testable import Rego
import PalisadeCore

/// regex.* builtins, with cases from OPA's conformance suite and documentation.
final class PatternsRegexBuiltinTests: XCTestCase {
    private let strings = PatternsTestSupport.strings

    func testMatch() {
        assertPatternsCall("regex.match", .string(#"^[a-z]+\[[0-9]+\]$"#), .string("foo[1]"), equals: .true)
        assertPatternsCall("regex.match", .string("^$"), .string(""), equals: .true)
        assertPatternsCall("regex.match", .string(""), .string(""), equals: .true)
        assertPatternsCall("regex.match", .string(""), .string("x"), equals: .true)
        assertPatternsCall("regex.match", .string("^$"), .string("something"), equals: .false)
        assertPatternsCall("re_match", .string("^a+$"), .string("aaa"), equals: .true)
        assertPatternsError("regex.match", .string("$^[[["), .string("something"), code: .builtin,
                            message: "regex.match: error parsing regexp: missing closing ]: `[[[`")
        assertPatternsError("regex.match", .int(1), .string("x"), code: .type,
                            message: "regex.match: operand 1 must be string but got number")
        assertPatternsError("re_match", .string("x"), .null, code: .type,
                            message: "re_match: operand 2 must be string but got null")
        assertPatternsError("regex.match", .string("(?=x)"), .string("x"), code: .builtin,
                            message: "regex.match: error parsing regexp: invalid or unsupported Perl syntax: `(?=`")
    }

    func testIsValid() {
        assertPatternsCall("regex.is_valid", .int(10), equals: .false)
        assertPatternsCall("regex.is_valid", .string("++"), equals: .false)
        assertPatternsCall("regex.is_valid", .string(".+"), equals: .true)
        assertPatternsCall("regex.is_valid", .string(#"(?P<x>\d+)-\p{Greek}"#), equals: .true)
        assertPatternsCall("regex.is_valid", .string(#"(a)\1"#), equals: .false)
    }

    func testSplit() {
        assertPatternsCall("regex.split", .string(#"^[a-z]+\[[0-9]+\]$"#), .string(""), equals: strings([""]))
        assertPatternsCall("regex.split", .string("^[a-z]+"), .string("foobar baz"), equals: strings(["", " baz"]))
        assertPatternsCall("regex.split", .string("[a-z]+$"), .string("foobar baz"), equals: strings(["foobar ", ""]))
        assertPatternsCall("regex.split", .string("^[a-z]+$"), .string("foobar baz"), equals: strings(["foobar baz"]))
        assertPatternsCall("regex.split", .string("^[a-z ]+$"), .string("foobar baz"), equals: strings(["", ""]))
        assertPatternsCall("regex.split", .string("a"), .string("banana"), equals: strings(["b", "n", "n", ""]))
        assertPatternsCall("regex.split", .string("z+"), .string("pizza"), equals: strings(["pi", "a"]))
    }

    func testFind() {
        assertPatternsCall("regex.find_n", .string("a."), .string("paranormal"), .int(-1), equals: strings(["ar", "an", "al"]))
        assertPatternsCall("regex.find_n", .string("a."), .string("paranormal"), .int(2), equals: strings(["ar", "an"]))
        assertPatternsCall("regex.find_n", .string("a."), .string("paranormal"), .int(0), equals: strings([]))
        assertPatternsError("regex.find_n", .string("a."), .string("x"), .double(1.5), code: .type,
                            message: "regex.find_n: operand 3 must be integer number but got floating-point number")
    }

    func testFindAllStringSubmatch() {
        let pattern = Value.string("a(x*)b")
        let call = { (s: String, n: Int) in
            try PatternsTestSupport.call("regex.find_all_string_submatch_n", pattern, .string(s), .int(n))
        }
        XCTAssertEqual(try call("-", -1), .array([]))
        XCTAssertEqual(try call("-ab-", -1), .array([strings(["ab", ""])]))
        XCTAssertEqual(try call("-axxb-", -1), .array([strings(["axxb", "xx"])]))
        XCTAssertEqual(try call("-ab-axb-", -1), .array([strings(["ab", ""]), strings(["axb", "x"])]))
        XCTAssertEqual(try call("-axxb-ab-", -1), .array([strings(["axxb", "xx"]), strings(["ab", ""])]))
        let vowels = Value.string("[^aouiye]([aouiye])([^aouiye])?")
        assertPatternsCall("regex.find_all_string_submatch_n", vowels, .string("somestri"), .int(-1),
                           equals: .array([strings(["som", "o", "m"]), strings(["ri", "i", ""])]))
        assertPatternsCall("regex.find_all_string_submatch_n", vowels, .string("somestri"), .int(1),
                           equals: .array([strings(["som", "o", "m"])]))
        let long = String(repeating: "a", count: 62) + "bc"
        assertPatternsCall("regex.find_all_string_submatch_n", .string("^.*$"), .string(long), .int(-1),
                           equals: .array([strings([long])]))
    }

    func testReplace() {
        let cases: [(String, String, String, String)] = [
            ("-wy-wxxy-", "w(x*)y", "0", "-0-0-"),
            ("foo", "(foo)", "$1$1", "foofoo"),
            ("foo", "^[a-z]", "F", "Foo"),
            ("foo", "^[a-z]$", "F", "foo"),
            ("foo", "^[a-z]+$", "M", "M"),
            ("foo", "[a-z]$", "F", "foF"),
            ("foo", "x[a-z]$", "F", "foo"),
            ("foo bar", "[a-z]", "_", "___ ___"),
            ("foo barx", "[a-z]{3}", "_", "_ _x"),
            ("foo barx", "[a-z]{2}", "_", "_o __"),
            ("key: value", #"(?P<k>\w+): (?P<v>\w+)"#, "${v}=${k}", "value=key"),
        ]
        for (base, pattern, replacement, expected) in cases {
            assertPatternsCall("regex.replace", .string(base), .string(pattern), .string(replacement), equals: .string(expected))
        }
        assertPatternsError("regex.replace", .string("foo"), .string("["), .string("$1"), code: .builtin,
                            message: "regex.replace: error parsing regexp: missing closing ]: `[`")
    }

    func testTemplateMatch() {
        assertPatternsCall("regex.template_match", .string("urn:foo:{.*}"), .string("urn:foo:bar:baz"),
                           .string("{"), .string("}"), equals: .true)
        assertPatternsCall("regex.template_match", .string("urn:foo:<.*>"), .string("urn:foo:bar:baz"),
                           .string("<"), .string(">"), equals: .true)
        assertPatternsCall("regex.template_match", .string("urn:foo.bar:{[0-9]{2}}"), .string("urn:foo.bar:12"),
                           .string("{"), .string("}"), equals: .true)
        assertPatternsCall("regex.template_match", .string("urn:foo.bar:{[0-9]{2}}"), .string("urn:fooxbar:12"),
                           .string("{"), .string("}"), equals: .false)
        assertPatternsError("regex.template_match", .string("urn:{.*"), .string("x"), .string("{"), .string("}"),
                            code: .builtin, message: #"regex.template_match: unbalanced braces in "urn:{.*""#)
        assertPatternsError("regex.template_match", .string("a"), .string("a"), .string("{{"), .string("}"),
                            code: .builtin, message: "regex.template_match: start delimiter has to be exactly one character long but is 2 long")
        assertPatternsError("regex.template_match", .string("a"), .string("a"), .string("{"), .string("}}"),
                            code: .builtin, message: "regex.template_match: end delimiter has to be exactly one character long but is 1 long")
        assertPatternsError("regex.template_match", .string("x:{[}"), .string("x:a"), .string("{"), .string("}"),
                            code: .builtin, message: "regex.template_match: error parsing regexp: missing closing ]: `[$`")
    }

    func testGlobsMatch() {
        assertPatternsCall("regex.globs_match", .string("a.a.[0-9]+z"), .string(".b.b2359825792*594823z"), equals: .true)
        assertPatternsCall("regex.globs_match", .string("[a-z]+"), .string("[0-9]*"), equals: .false)
        assertPatternsCall("regex.globs_match", .string("b.*"), .string("bar"), equals: .true)
        assertPatternsCall("regex.globs_match", .string("b.*"), .string("car"), equals: .false)
        assertPatternsCall("regex.globs_match", .string(#"[a-z]+\[[0-9]+\]"#), .string(#"foo\[1\]"#), equals: .true)
        assertPatternsCall("regex.globs_match", .string(#"[a-z]+\[[0-9]+\]"#), .string(#"foo["bar"]"#), equals: .false)
        assertPatternsCall("regex.globs_match", .string("a*b*"), .string("b+"), equals: .true)
        assertPatternsCall("regex.globs_match", .string(""), .string("x*"), equals: .true)
        assertPatternsError("regex.globs_match", .string("*a"), .string("a"), code: .builtin,
                            message: "regex.globs_match: pos:1:flag '*' must be preceded by a non-flag: the input provided is invalid")
        assertPatternsError("regex.globs_match", .string("[ab"), .string("a"), code: .builtin,
                            message: "regex.globs_match: pos:3:found [ without matching ]: the input provided is invalid")
    }

    func testCompiledRegexIsCachedPerEvaluation() throws {
        let context = BuiltinContext()
        for _ in 0..<3 {
            XCTAssertEqual(try PatternsTestSupport.call("regex.match", .string("^(a|b)+$"), .string("abba"), context: context), .true)
        }
        let cached = context.memoized("patterns.regex:^(a|b)+$") { () -> RE2Regex? in nil }
        XCTAssertEqual(cached?.pattern, "^(a|b)+$")
    }

    func testOversizedPatternIsRejected() {
        let huge = String(repeating: "a", count: PatternBuiltins.maxPatternBytes + 1)
        assertPatternsError("regex.match", .string(huge), .string("a"), code: .builtin,
                            message: "regex.match: regular expression too large (limit 262144 bytes)")
        assertPatternsCall("regex.is_valid", .string(huge), equals: .false)
    }
}
