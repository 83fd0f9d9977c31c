import Foundation
import XCTest
@testable import PalisadeCore

/// Parse errors must carry Go's `regexp.Compile` messages.
final class PatternsRE2SyntaxTests: XCTestCase {
    private func assertError(_ pattern: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try RE2Regex(pattern)
            XCTFail("\(pattern) should not compile", file: file, line: line)
        } catch {
            XCTAssertEqual(error.description, expected, file: file, line: line)
        }
        XCTAssertFalse(RE2Regex.isValid(pattern), file: file, line: line)
    }

    func testBracketAndParenErrors() {
        assertError("[", "error parsing regexp: missing closing ]: `[`")
        assertError("$^[[[", "error parsing regexp: missing closing ]: `[[[`")
        assertError("a[b-", "error parsing regexp: missing closing ]: `[b-`")
        assertError("(abc", "error parsing regexp: missing closing ): `(abc`")
        assertError("abc)", "error parsing regexp: unexpected ): `abc)`")
        assertError("a|)", "error parsing regexp: unexpected ): `a|)`")
    }

    func testRepetitionErrors() {
        assertError("++", "error parsing regexp: missing argument to repetition operator: `+`")
        assertError("*", "error parsing regexp: missing argument to repetition operator: `*`")
        assertError("(*)", "error parsing regexp: missing argument to repetition operator: `*`")
        assertError("a|*", "error parsing regexp: missing argument to repetition operator: `*`")
        assertError("{2}", "error parsing regexp: missing argument to repetition operator: `{2}`")
        assertError("a**", "error parsing regexp: invalid nested repetition operator: `**`")
        assertError("a*?*", "error parsing regexp: invalid nested repetition operator: `*?*`")
        assertError("a{2}{3}", "error parsing regexp: invalid nested repetition operator: `{2}{3}`")
        assertError("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`")
        assertError("a{2,1}", "error parsing regexp: invalid repeat count: `{2,1}`")
        assertError("(a{100}){100}", "error parsing regexp: invalid repeat count: `{100}`")
        XCTAssertTrue(RE2Regex.isValid("a{1000}"))
        XCTAssertTrue(RE2Regex.isValid("(a{10}){100}"))
        XCTAssertTrue(RE2Regex.isValid("a{,5}"), "an unparsable count is a literal brace")
    }

    func testPerlSyntaxRejectedLikeRE2() {
        assertError("(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`")
        assertError("a(?!b)", "error parsing regexp: invalid or unsupported Perl syntax: `(?!`")
        assertError("(?<", "error parsing regexp: invalid or unsupported Perl syntax: `(?<`")
        assertError("(?<=a)b", "error parsing regexp: invalid named capture: `(?<=a)b`")
        assertError("(?z)", "error parsing regexp: invalid or unsupported Perl syntax: `(?z`")
        assertError("(?i-)", "error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`")
        assertError("(?P=n)", "error parsing regexp: invalid or unsupported Perl syntax: `(?P`")
        assertError("(?P<>a)", "error parsing regexp: invalid named capture: `(?P<>`")
        assertError("(?P<a-b>x)", "error parsing regexp: invalid named capture: `(?P<a-b>`")
        assertError("(?P<name", "error parsing regexp: invalid named capture: `(?P<name`")
    }

    func testEscapeErrors() {
        assertError(#"(a)\1"#, #"error parsing regexp: invalid escape sequence: `\1`"#)
        assertError(#"\8"#, #"error parsing regexp: invalid escape sequence: `\8`"#)
        assertError(#"\q"#, #"error parsing regexp: invalid escape sequence: `\q`"#)
        assertError(#"\C"#, #"error parsing regexp: invalid escape sequence: `\C`"#)
        assertError(#"\x{zz}"#, #"error parsing regexp: invalid escape sequence: `\x{z`"#)
        assertError(#"\x{110000}"#, #"error parsing regexp: invalid escape sequence: `\x{110000`"#)
        assertError("a\\", "error parsing regexp: trailing backslash at end of expression: ``")
    }

    func testClassErrors() {
        assertError("[z-a]", "error parsing regexp: invalid character class range: `z-a`")
        assertError(#"\p{Foo}"#, #"error parsing regexp: invalid character class range: `\p{Foo}`"#)
        assertError(#"\pX"#, #"error parsing regexp: invalid character class range: `\pX`"#)
        assertError(#"\p{Greek"#, #"error parsing regexp: invalid character class range: `\p{Greek`"#)
        assertError("[[:foo:]]", "error parsing regexp: invalid character class range: `[:foo:]`")
    }

    func testLimits() {
        let deep = String(repeating: "(", count: 1001) + "a" + String(repeating: ")", count: 1001)
        assertError(deep, "error parsing regexp: expression nests too deeply: `\(deep)`")
        XCTAssertTrue(RE2Regex.isValid(String(repeating: "(?:", count: 2000) + "a" + String(repeating: ")", count: 2000)))
        let large = String(repeating: #"(\pL{1000})"#, count: 4000)
        assertError(large, "error parsing regexp: expression too large: `\(large)`")
    }

    func testDeepExpressionsNeedNoDeepStack() {
        let nested = String(repeating: "(", count: 499) + "a" + String(repeating: ")*", count: 499)
        let tooDeep = String(repeating: "(", count: 1000) + "a" + String(repeating: ")*", count: 1000)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var results: [Bool] = []
        let thread = Thread {
            results.append((try? RE2Regex(nested))?.matches("aaa") ?? false)
            results.append(RE2Regex.isValid(tooDeep))
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        XCTAssertEqual(results, [true, false])
    }

    func testAcceptedSyntax() throws {
        let accepted = [
            "", "a|", "|", "()", "(?:)", "(?i)", "(?)", "(?i-s:a.)", "(?U)a+", "(?P<x>a)(?<y>b)",
            #"\Qa.b\E+"#, #"\Qunterminated"#, #"[]a]"#, #"[^]a]"#, "[a-]", #"[\d-z]"#, "x{2,}", "x{0}",
            #"\pL\PL\p{^Greek}\P{^Greek}\p{Any}\p{Assigned}\p{ASCII}\p{Lu}\p{greek}\p{Letter}"#,
            "[[:alpha:][:^digit:]]", #"\x41\x{1F600}\101\0\a\f\t\n\r\v\_\-"#, #"\A\z\b\B^$"#,
        ]
        for pattern in accepted {
            XCTAssertTrue(RE2Regex.isValid(pattern), pattern)
        }
        let re = try RE2Regex("(?P<first>a)(b)(?<third>c)")
        XCTAssertEqual(re.captureNames, ["", "first", "", "third"])
        XCTAssertEqual(re.captureCount, 3)
        XCTAssertEqual(re.captureIndex(named: "third"), 3)
        XCTAssertNil(re.captureIndex(named: "missing"))
    }
}
