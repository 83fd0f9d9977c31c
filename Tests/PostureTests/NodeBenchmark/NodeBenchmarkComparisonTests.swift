import XCTest
@testable import Posture

final class NodeBenchmarkComparisonTests: XCTestCase {
    private struct Outcome: Equatable {
        var text: String
        var passed: Bool
        init(_ text: String, _ passed: Bool) { self.text = text; self.passed = passed }
    }

    private func check(_ op: String, _ actual: String, _ expected: String, _ name: String = "f") -> Outcome {
        let r = BenchComparison.evaluate(op: op, actual: actual, expected: expected, name: name)
        return Outcome(r.expected, r.passed)
    }

    func testEqualityIsCaseInsensitiveOnlyForBooleans() {
        XCTAssertEqual(check("eq", "FALSE", "false").passed, true)
        XCTAssertEqual(check("eq", "Webhook", "webhook").passed, false)
        XCTAssertEqual(check("eq", "0", "0").text, "'f' is equal to '0'")
        XCTAssertEqual(check("noteq", "True", "true").passed, false)
        XCTAssertEqual(check("noteq", "a", "b"), Outcome("'f' is not equal to 'b'", true))
    }

    func testIntegerOrderingRejectsNonIntegers() {
        XCTAssertEqual(check("gt", "5", "4"), Outcome("'f' is greater than 4", true))
        XCTAssertEqual(check("gte", " 30 ", "30").passed, true)
        XCTAssertEqual(check("lt", "4", "5"), Outcome("'f' is lower than 5", true))
        XCTAssertEqual(check("lte", "6", "5"), Outcome("'f' is lower or equal to 5", false))
        XCTAssertEqual(check("gt", "1.5", "1"), Outcome("Invalid Number(s) used for comparison: '1.5' '1'", false))
    }

    func testSubstringRegexAndElements() {
        XCTAssertEqual(check("has", "Node,RBAC", "RBAC"), Outcome("'f' has 'RBAC'", true))
        XCTAssertEqual(check("nothave", "Node,RBAC", "AlwaysAllow"), Outcome("'f' does not have 'AlwaysAllow'", true))
        XCTAssertEqual(check("regex", "v1.12.7", "^v1\\.12").passed, true)
        XCTAssertEqual(check("regex", "x", "(").passed, false, "an invalid expression fails instead of crashing")
        XCTAssertEqual(check("valid_elements", "a, c,", "a,b,c").passed, true)
        XCTAssertEqual(check("valid_elements", "a,d", "a,b,c").passed, false)
        XCTAssertEqual(check("valid_elements", "", "").passed, true)
    }

    func testBitmaskAcceptsEqualOrStricterModes() {
        XCTAssertEqual(check("bitmask", "600", "644", "/etc/x"), Outcome("/etc/x has permissions 600, expected 644 or more restrictive", true))
        XCTAssertEqual(check("bitmask", "664", "644").passed, false)
        XCTAssertEqual(check("bitmask", "9", "644"), Outcome("Not numeric value - flag: 9", false))
    }

    func testUnknownOperatorFails() {
        XCTAssertEqual(check("noteqx", "a", "b"), Outcome("", false))
    }
}
