import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsRoundingTests: XCTestCase {
    typealias T = CollectionsTestSupport
    let n = CollectionsTestSupport.number

    func testAbs() throws {
        XCTAssertEqual(try T.text("abs", n("-5")), "5")
        XCTAssertEqual(try T.text("abs", n("-2147483648")), "2147483648")
        XCTAssertEqual(try T.text("abs", n("-9223372036854775808")), "9223372036854775808")
        XCTAssertEqual(try T.text("abs", n("-2.5")), "2.5")
        T.assertError("abs", .string("x"), message: "abs: operand 1 must be number but got string")
    }

    func testRoundIsHalfAwayFromZero() throws {
        XCTAssertEqual(try T.text("round", n("2.5")), "3")
        XCTAssertEqual(try T.text("round", n("-2.5")), "-3")
        XCTAssertEqual(try T.text("round", n("2.4")), "2")
        XCTAssertEqual(try T.text("round", n("-5")), "-5")
        XCTAssertEqual(try T.text("round", n("10.00")), "10")
        XCTAssertEqual(try T.text("round", n("0.49999")), "0")
    }

    func testCeilAndFloor() throws {
        XCTAssertEqual(try T.text("ceil", n("1.2")), "2")
        XCTAssertEqual(try T.text("ceil", n("-1.5")), "-1")
        XCTAssertEqual(try T.text("ceil", n("7")), "7")
        XCTAssertEqual(try T.text("floor", n("1.8")), "1")
        XCTAssertEqual(try T.text("floor", n("-1.5")), "-2")
        XCTAssertEqual(try T.text("floor", n("-0.5")), "-1")
        XCTAssertEqual(try T.text("ceil", n("-0.5")), "0")
    }

    /// arithmetic/divide+round: `round(i / x)` over data.a = [1, 2, 3, 4].
    func testDivideThenRound() throws {
        var results = Set<String>()
        for (i, x) in [1, 2, 3, 4].enumerated() {
            let quotient = try XCTUnwrap(T.call("div", .int(i), .int(x)))
            results.insert(try T.text("round", quotient))
        }
        XCTAssertEqual(results, ["0", "1"])
    }
}
