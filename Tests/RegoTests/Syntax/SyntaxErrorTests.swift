import XCTest
@testable import Rego
import PalisadeCore

/// Parse errors: OPA's messages, with file:line:col.
final class SyntaxErrorTests: XCTestCase {
    /// All reported errors as `line:col: message`.
    private func errors(_ source: String, version: RegoVersion = .v1) -> [String] {
        do {
            _ = try RegoParser.parseModule(source, file: "e.rego", version: version)
            return []
        } catch let error as RegoError {
            return [Self.render(error)]
        } catch let errors as RegoErrors {
            return errors.errors.map(Self.render)
        } catch {
            return ["unexpected error type: \(error)"]
        }
    }

    private static func render(_ error: RegoError) -> String {
        XCTAssertEqual(error.code, .parse)
        guard let at = error.location else { return "no location: \(error.message)" }
        XCTAssertEqual(at.file, "e.rego")
        return "\(at.line):\(at.column): \(error.message)"
    }

    func testUnexpectedTokens() {
        XCTAssertEqual(errors("package a\np if { x = y z }"), ["2:14: unexpected identifier token: expected \\n or ; or }"])
        XCTAssertEqual(errors("package a\np if { x := }"), ["2:13: unexpected } token"])
        XCTAssertEqual(errors("package a\np if { x := [1,2 }"), ["2:18: unexpected } token: expected \",\" or \"]\""])
        XCTAssertEqual(errors("package a\np if { x := f(1 2) }"), ["2:17: unexpected number token: expected \",\" or \")\""])
        XCTAssertEqual(errors("package a\np if { x := -y }"), ["2:14: unexpected identifier token: expected number"])
        XCTAssertEqual(errors("package a\np if { x.  y }"), ["2:12: unexpected whitespace token: expected identifier"])
    }

    func testNonTerminatedSet() {
        XCTAssertEqual(errors("package a\np if { x := {y := 1} }").first, "2:16: unexpected assign token: non-terminated set")
    }

    func testEmptyBodies() {
        XCTAssertEqual(errors("package a\np { }", version: .v0), ["2:5: found empty body"])
        XCTAssertEqual(errors("package a\np if { [x | ] }"), ["2:13: found empty body"])
    }

    func testRuleNameErrors() {
        XCTAssertEqual(errors("package a\np"), ["2:1: var cannot be used for rule name"])
        XCTAssertEqual(errors("package a\n\"s\" = 1"), ["2:1: string cannot be used for rule name"])
        XCTAssertEqual(errors("package a\ncontains := 1"), ["2:1: contains keyword cannot be used for rule name"])
        XCTAssertEqual(errors("package a\np := 1; q := 2"), ["2:1: multiple expressions cannot be used for rule head"])
        XCTAssertEqual(errors("package a\nx == 1"), ["2:1: rule name conflicts with built-in function"])
    }

    func testRegoV1Requirements() {
        XCTAssertEqual(errors("package a\n\np { true }"), ["3:1: `if` keyword is required before rule body"])
        XCTAssertEqual(errors("package a\np[x] { x := 1 }"), [
            "2:1: `if` keyword is required before rule body",
            "2:1: `contains` keyword is required for partial set rules",
        ])
        XCTAssertEqual(errors("package a\nf(x) = 1 { x }"), ["2:1: `if` keyword is required before function body"])
        XCTAssertEqual(errors("package a\na.b.c"), ["2:1: rule must have value assignment and/or body declaration"])
        XCTAssertEqual(errors("package a\nimport rego.v1\np { true }", version: .v0), ["3:1: `if` keyword is required before rule body"])
        XCTAssertEqual(errors("package a\np { true }", version: .v0), [])
    }

    func testElseErrors() {
        XCTAssertEqual(errors("package a\np[x] := 1 if { x := 1 } else := 2"),
                       ["2:25: else keyword cannot be used on rules with variables in head"])
        XCTAssertEqual(errors("package a\np contains 1 if { true } else := 2"), ["2:26: else keyword cannot be used on multi-value rules"])
        XCTAssertEqual(errors("package a\np := 1 if { true } else"), ["2:23: unexpected eof token: expected else value term or rule body"])
    }

    func testDefaultRuleErrors() {
        XCTAssertEqual(errors("package a\ndefault p := input.x"), ["2:1: illegal default rule (value cannot contain ref)"])
        XCTAssertEqual(errors("package a\ndefault f(x, x) := 1"), ["2:1: illegal default rule (arguments cannot be repeated x)"])
        XCTAssertEqual(errors("package a\ndefault p[x]"), ["2:1: illegal default rule (must have a value)"])
    }

    func testScannerErrors() {
        XCTAssertEqual(errors("package a\np := \"abc").first, "2:6: non-terminated string")
        XCTAssertEqual(errors("package a\np := 1.e5").first, "2:6: expected fraction")
        XCTAssertEqual(errors("package a\np if { 1 ! 2 }").first, "2:10: illegal ! character")
        XCTAssertEqual(errors("package a\np := 01"), [
            "2:6: unexpected number token: expected number without leading zero",
            "2:6: unexpected number token: expected rule value term (e.g., p := <VALUE> { ... })",
        ])
        XCTAssertEqual(errors("package a\np := \"\\q\"").first, "2:6: illegal escape sequence")
        XCTAssertEqual(errors("package a\np := \"\\u12G4\"").first, "2:6: illegal string literal: \"\\u12G4\"")
    }

    func testModuleErrors() {
        XCTAssertEqual(errors(""), ["1:1: empty module"])
        XCTAssertEqual(errors("p := 1"), ["1:1: package expected"])
        XCTAssertEqual(errors("package a\npackage b"), ["2:1: unexpected package"])
        XCTAssertEqual(errors("package a\nimport foo.bar"),
                       ["2:8: unexpected import path, must begin with one of: {data, future, input, rego}, got: foo (hint: if this is unexpected, try updating OPA)"])
        XCTAssertEqual(errors("package a\nimport future.keywords.foo"), ["2:8: unexpected keyword, must be one of [contains every if in]"])
        XCTAssertEqual(errors("package a\nimport rego.v2"), ["2:8: invalid import `rego.v2`, must be `rego.v1`"])
    }

    func testTemplateErrors() {
        XCTAssertEqual(errors("package a\np := $\"{x := 1}\"").first, "2:9: unexpected assignment (':=') in template-string expression")
        XCTAssertEqual(errors("package a\np := $\"{not x}\"").first, "2:9: unexpected negation ('not') in template-string expression")
        XCTAssertEqual(errors("package a\np := $\"{x y}\"").first, "2:11: expected } to end template string expression")
    }

    func testHintForFutureKeywords() {
        XCTAssertEqual(errors("package a\np { some x in [1] }", version: .v0),
                       ["2:12: unexpected identifier token: expected \\n or ; or } (hint: `import future.keywords.in` for `some x in xs` expressions)"])
    }

    func testAnnotationErrors() {
        XCTAssertEqual(errors("package a\n# METADATA\n# scope: package\np := 1"), ["2:1: annotation scope 'package' must be applied to package (have rule)"])
        XCTAssertEqual(errors("package a\n# METADATA\n# scope: nope\np := 1"),
                       ["2:1: invalid annotation scope 'nope'. Use one of 'rule', 'document', 'package', or 'subpackages'"])
        XCTAssertEqual(errors("package a\n# METADATA\n#  \np := 1"), ["2:1: expected METADATA block, found whitespace"])
        XCTAssertEqual(errors("package a\n# METADATA\n# authors: [{}]\np := 1"),
                       ["2:1: invalid author definition map[]: 'name' and/or 'email' values required in object"])
    }

    func testQueryAndTermErrorsCarryLocations() {
        XCTAssertThrowsError(try RegoParser.parseQuery("x := [1,", file: "q")) { error in
            XCTAssertEqual((error as? RegoError)?.location, Location(file: "q", line: 1, column: 8))
        }
        XCTAssertThrowsError(try RegoParser.parseTerm("{", file: "t")) { error in
            XCTAssertNotNil((error as? RegoError)?.location)
        }
    }

    func testDepthIsBounded() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        XCTAssertThrowsError(try RegoParser.parseTerm(deep)) { error in
            XCTAssertEqual((error as? RegoError)?.message, "max parsing recursion depth exceeded")
        }
        let chain = "x := 1" + String(repeating: " + 1", count: 5000)
        XCTAssertThrowsError(try RegoParser.parseQuery(chain))
        let fine = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        XCTAssertNoThrow(try RegoParser.parseTerm(fine))
    }
}
