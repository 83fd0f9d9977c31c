import XCTest
@testable import Detection

final class FilterParserTests: XCTestCase {
    func testPrecedenceNotAndOr() throws {
        let expr = try FilterParser.parse("a or b and not c")
        XCTAssertEqual(expr, .or([.identifier("a"), .and([.identifier("b"), .not(.identifier("c"))])]))
    }

    func testChecksWithArgumentsModifiersAndTransformers() throws {
        let expr = try FilterParser.parse("proc.aname[2] startswith oneof (ssh, su) and tolower(fd.name) = val(proc.name)")
        guard case .and(let items) = expr, case .check(let first) = items[0], case .check(let second) = items[1] else {
            return XCTFail("unexpected \(expr)")
        }
        XCTAssertEqual(first.lhs, .field(name: "proc.aname", argument: "2"))
        XCTAssertEqual(first.modifier, .oneof)
        XCTAssertEqual(first.rhs, .list([FilterLiteral("ssh"), FilterLiteral("su")]))
        XCTAssertEqual(second.lhs, .transformer(name: "tolower", args: [.field(name: "fd.name", argument: nil)], argument: nil))
        XCTAssertEqual(second.rhs, .field(.transformer(name: "val", args: [.field(name: "proc.name", argument: nil)], argument: nil)))
    }

    func testQuotedStringsKeepEscapedQuotes() throws {
        let expr = try FilterParser.parse(#"c.x = "hello \"quoted\"""#)
        guard case .check(let check) = expr else { return XCTFail() }
        XCTAssertEqual(check.rhs, .value(FilterLiteral(#"hello "quoted""#, quoted: true)))
    }

    func testRejectsMalformedConditions() {
        for text in ["a andb", "a and", "(a.b = 1", "test.str[] = x", "b64 (x.y) exists", "x.y = b64(val(x.z))",
                     "proc.name == oneof(cat)", "macro > 12", "test.list = (value)"] {
            XCTAssertThrowsError(try FilterParser.parse(text), text)
        }
    }

    func testMissingBracketMessage() {
        XCTAssertThrowsError(try FilterParser.parse(#"evt.arg["x" = value"#)) { error in
            XCTAssertEqual((error as? FilterParseError)?.message, "expected a ']' token")
        }
    }

    func testUnexpectedTokenNamesLastToken() {
        XCTAssertThrowsError(try FilterParser.parse("evt.type=open xxx")) { error in
            XCTAssertEqual((error as? FilterParseError)?.message, "unexpected token after 'open', expecting 'or', 'and'")
        }
    }

    func testPrinterMatchesFalcoCompiledForm() throws {
        let expr = try FilterParser.parse("evt.type=open and (proc.name in (a,b) or fd.name contains 'x y') and not c.d exists")
        XCTAssertEqual(FilterPrinter.string(expr),
                       #"(evt.type = open and (proc.name in (a, b) or fd.name contains "x y") and not c.d exists)"#)
    }

    /// Random conditions from the language's characters never crash the
    /// parser, printer or compiler (deterministic generator).
    func testRandomInputsDoNotCrash() {
        let alphabet = Array("ab.c()[]'\" =!<>,\\ \tnotandorinexistsval(b64(join(oneof ")
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            if let expr = try? FilterParser.parse(text) {
                _ = FilterPrinter.string(expr)
                var compiler = FilterCompiler()
                _ = try? compiler.compile(expr)
            }
        }
    }

    func testDeepNestingIsBounded() {
        XCTAssertThrowsError(try FilterParser.parse(String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)))
        XCTAssertThrowsError(try FilterParser.parse(String(repeating: "not ", count: 5000) + "a"))
    }
}
