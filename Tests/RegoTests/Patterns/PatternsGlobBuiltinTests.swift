import XCTest
@testable import Rego
import PalisadeCore

/// glob.match and glob.quote_meta, with the cases of OPA's globmatch and globquotemeta folders.
final class PatternsGlobBuiltinTests: XCTestCase {
    private func glob(_ pattern: String, _ delimiters: Value, _ text: String, _ expected: Bool,
                      file: StaticString = #filePath, line: UInt = #line) {
        assertPatternsCall("glob.match", .string(pattern), delimiters, .string(text), equals: .bool(expected), file: file, line: line)
    }

    private func delimiters(_ items: String...) -> Value { PatternsTestSupport.strings(items) }

    func testConformanceCases() {
        glob("*.github.com", delimiters("."), "api.github.com", true)
        glob("api.**.com", delimiters("."), "api.github.com", true)
        glob("api.**.com", delimiters("."), "api.cdn.github.com", true)
        glob("*:github:com", delimiters(":"), "api:github:com", true)
        glob("*.github.com", delimiters("."), "api.not-github.com", false)
        glob("*.github.com", delimiters("."), "api.example.com", false)
        glob("[abc]at", delimiters(), "cat", true)
        glob("[abc]at", delimiters(), "fat", false)
        glob("[!abc]at", delimiters(), "fat", true)
        glob("[!abc]at", delimiters(), "cat", false)
        glob("[a-c]at", delimiters(), "bat", true)
        glob("[a-c]at", delimiters(), "fat", false)
        glob("[!a-c]at", delimiters(), "bat", false)
        glob("[!a-c]at", delimiters(), "fat", true)
        glob("?at", delimiters(), "fat", true)
        glob("?at", delimiters(), "at", false)
        glob("?at", delimiters("f"), "bat", true)
        glob("?at", delimiters("f"), "fat", false)
        for animal in ["cat", "bat", "fat", "rat"] {
            glob("{cat,bat,[fr]at}", delimiters(), animal, true)
        }
        glob("{cat,bat,[fr]at}", delimiters(), "at", false)
        glob("*", delimiters("."), "foo", true)
        glob("*", delimiters(), "foo", true)
        glob("*", delimiters("."), "foo.bar", false)
        glob("*", delimiters(), "foo.bar", false)
        glob("*", .null, "foo.bar", true)
        glob("foo*", .null, "foo.bar", true)
    }

    func testMoreSyntax() {
        glob("api.**", delimiters("."), "api.a.b.c", true)
        glob("api.**", delimiters("."), "api", false)
        glob("**", delimiters("."), "", true)
        glob("a.*.c", delimiters("."), "a..c", true)
        glob(#"\*.com"#, delimiters("."), "*.com", true)
        glob(#"\*.com"#, delimiters("."), "x.com", false)
        glob("{a,b{c,d}}x", delimiters(), "bdx", true)
        glob("{a,b{c,d}}x", delimiters(), "bx", false)
        glob("{a,}b", delimiters(), "b", true)
        glob("a}b,c", delimiters(), "a}b,c", true)
        glob("[!.]", delimiters("."), ".", false)
        glob("[.]", delimiters("."), ".", true)
        glob("?", delimiters("a", "b"), "c", true)
        glob("?", delimiters("a", "b"), "b", false)
        glob("日*", delimiters("."), "日本", true)
        glob("*", .null, "line1\nline2", true)
        glob("{a,b", delimiters(), "b", true)
    }

    func testErrors() {
        assertPatternsError("glob.match", .string("[a"), delimiters(), .string("a"), code: .builtin,
                            message: "glob.match: unexpected end of input")
        assertPatternsError("glob.match", .string("[]"), delimiters(), .string("a"), code: .builtin,
                            message: "glob.match: could not parse range")
        assertPatternsError("glob.match", .string("[z-a]"), delimiters(), .string("a"), code: .builtin,
                            message: "glob.match: hi character 'a' should be greater than lo 'z'")
        assertPatternsError("glob.match", .string("*"), .string("."), .string("a"), code: .type,
                            message: "glob.match: operand 2 must be one of {array, null} but got string")
        assertPatternsError("glob.match", .string("*"), .array([.int(1)]), .string("a"), code: .type,
                            message: "glob.match: operand 2 must be array of string but got array containing number")
        assertPatternsError("glob.match", .string("*"), delimiters("ab"), .string("a"), code: .type,
                            message: "glob.match: operand 2 must be array of rune but got array containing string")
        let deep = String(repeating: "{a,", count: 100) + String(repeating: "}", count: 100)
        assertPatternsError("glob.match", .string(deep), delimiters(), .string("a"), code: .builtin,
                            message: "glob.match: pattern nests too deeply")
        assertPatternsError("glob.match", .int(1), delimiters(), .string("a"), code: .type,
                            message: "glob.match: operand 1 must be string but got number")
    }

    func testQuoteMeta() {
        assertPatternsCall("glob.quote_meta", .string("*.github.com"), equals: .string(#"\*.github.com"#))
        assertPatternsCall("glob.quote_meta", .string(#"[a]{b}?\,!-"#), equals: .string(#"\[a\]\{b\}\?\\,!-"#))
        assertPatternsCall("glob.match", .string(#"\[a\]\{b\}\?\\,!-"#), .null, .string(#"[a]{b}?\,!-"#), equals: .true)
    }
}
