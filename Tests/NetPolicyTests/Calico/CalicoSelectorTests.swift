import XCTest
@testable import NetPolicy

final class CalicoSelectorTests: XCTestCase {
    private func parse(_ text: String) throws -> CalicoSelector { try CalicoSelector(parsing: text) }

    private func matches(_ text: String, _ labels: [String: String], file: StaticString = #filePath, line: UInt = #line) -> Bool {
        do { return try parse(text).matches(labels) } catch {
            XCTFail("\(error)", file: file, line: line)
            return false
        }
    }

    func testEmptySelectorIsAll() throws {
        XCTAssertEqual(try parse(""), .all)
        XCTAssertEqual(try parse("  \t "), .all)
        XCTAssertTrue(matches("", [:]))
    }

    func testEqualityAndAbsentLabels() {
        XCTAssertTrue(matches("app == 'web'", ["app": "web"]))
        XCTAssertFalse(matches("app == 'web'", ["app": "db"]))
        XCTAssertFalse(matches("app == 'web'", [:]), "== is false when the label is absent")
        XCTAssertTrue(matches("app != 'web'", [:]), "!= is true when the label is absent")
        XCTAssertFalse(matches("app != 'web'", ["app": "web"]))
    }

    func testSetOperatorsAndAbsentLabels() {
        XCTAssertTrue(matches("role in {'a', 'b'}", ["role": "b"]))
        XCTAssertFalse(matches("role in {'a', 'b'}", [:]))
        XCTAssertFalse(matches("role in {}", ["role": ""]))
        XCTAssertTrue(matches("role not in {'a'}", [:]), "not in is true when the label is absent")
        XCTAssertTrue(matches("role notin {'a'}", ["role": "c"]))
        XCTAssertFalse(matches("role not in {'a'}", ["role": "a"]))
    }

    func testStringOperators() {
        XCTAssertTrue(matches("name starts with 'fro'", ["name": "frontend"]))
        XCTAssertTrue(matches("name startswith 'fro'", ["name": "frontend"]))
        XCTAssertTrue(matches("name ends with 'end'", ["name": "frontend"]))
        XCTAssertTrue(matches("name contains 'ont'", ["name": "frontend"]))
        XCTAssertFalse(matches("name contains 'x'", [:]))
        XCTAssertFalse(matches("name starts with ''", [:]))
    }

    func testHasAllGlobalAndNegation() {
        XCTAssertTrue(matches("has(app)", ["app": ""]))
        XCTAssertTrue(matches("has( app )", ["app": "x"]))
        XCTAssertFalse(matches("!has(app)", ["app": "x"]))
        XCTAssertTrue(matches("!!has(app)", ["app": "x"]))
        XCTAssertTrue(matches("all()", [:]))
        XCTAssertTrue(matches("global()", [:]))
    }

    func testNamespaceSelectorsReadAllAsNamespacedAndGlobalAsNot() throws {
        let either = try parse("global() || all()"), notBoth = try parse("!(global() && all())")
        let namespacedOnly = try parse("all() && !global()"), globalOnly = try parse("global()")
        for namespaced in [true, false] {
            XCTAssertTrue(either.matchesNamespace([:], namespaced: namespaced))
            XCTAssertTrue(notBoth.matchesNamespace([:], namespaced: namespaced))
            XCTAssertEqual(namespacedOnly.matchesNamespace([:], namespaced: namespaced), namespaced)
            XCTAssertEqual(globalOnly.matchesNamespace([:], namespaced: namespaced), !namespaced)
        }
    }

    func testNotBindsToOneOperation() throws {
        XCTAssertEqual(try parse("!a == 'x'"), .not(.equals("a", "x")))
        XCTAssertEqual(try parse("!a == 'x' && has(b)"), .and([.not(.equals("a", "x")), .has("b")]))
        XCTAssertTrue(matches("!a == 'x'", [:]))
    }

    func testPrecedenceAndParentheses() throws {
        XCTAssertEqual(try parse("has(a) || has(b) && has(c)"), .or([.has("a"), .and([.has("b"), .has("c")])]))
        XCTAssertEqual(try parse("(has(a) || has(b)) && has(c)"), .and([.or([.has("a"), .has("b")]), .has("c")]))
        XCTAssertTrue(matches("has(a) || has(b) && has(c)", ["a": "1"]))
        XCTAssertFalse(matches("(has(a) || has(b)) && has(c)", ["a": "1"]))
    }

    func testCanonicalPrinting() throws {
        XCTAssertEqual(try parse("").description, "all()")
        XCTAssertEqual(try parse("a in {'z','x','a','x'}").description, "a in {\"a\", \"x\", \"z\"}")
        XCTAssertEqual(try parse("a startswith 'p'").description, "a starts with \"p\"")
        XCTAssertEqual(try parse("a notin {}").description, "a not in {}")
        XCTAssertEqual(try parse("a == 'say \"hi\"'").description, "a == 'say \"hi\"'")
        XCTAssertEqual(try parse("a in {'x',}").description, "a in {\"x\"}")
        XCTAssertEqual(try parse("!(has(a)&&has(b))").description, "!(has(a) && has(b))")
    }

    func testLabelsMayHoldSlashesDotsAndDashes() {
        XCTAssertTrue(matches("projectcalico.org/namespace == 'kube-system'", ["projectcalico.org/namespace": "kube-system"]))
        XCTAssertTrue(matches("in == 'x'", ["in": "x"]), "a keyword at the start is a label")
    }

    func testRejectsInvalidSelectors() {
        let invalid = [
            "a == b", "'x' == a", "a", "has(a) & has(b)", "has(a) | has(b)", "a in \"x\"", "a == 'x",
            "(has(a)", "()", "a % 'x'", "has(a) &&", "has (a)", "a = 'x'", "a in {'x' 'y'}", "has(a))",
            "a in {,}", String(repeating: "x", count: 513) + " == 'y'", "!", "a == 'x' b == 'y'", "ünï == 'x'",
        ]
        for text in invalid {
            XCTAssertThrowsError(try parse(text), "\(text) should be rejected") { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains("invalid selector"), message)
            }
        }
    }

    func testErrorNamesPosition() {
        XCTAssertThrowsError(try parse("has(a) && b")) { error in
            guard let error = error as? CalicoSelectorError else { return XCTFail("wrong error type") }
            XCTAssertEqual(error.offset, 11, "the end of input, after the bare label")
        }
    }
}
