import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsArithmeticTests: XCTestCase {
    typealias T = CollectionsTestSupport
    let n = CollectionsTestSupport.number

    func testIntegerArithmeticStaysExact() throws {
        XCTAssertEqual(try T.text("plus", n("2147483647"), n("1")), "2147483648")
        XCTAssertEqual(try T.text("minus", n("-2147483648"), n("1")), "-2147483649")
        XCTAssertEqual(try T.text("mul", n("2147483647"), n("2147483647")), "4611686014132420609")
        XCTAssertEqual(try T.text("plus", n("9223372036854775807"), n("1")), "9223372036854775808")
        XCTAssertEqual(try T.text("plus", n("1e30"), n("1")), "1000000000000000000000000000001")
        XCTAssertEqual(try T.text("plus", n("10.00"), n("5")), "15")
        XCTAssertEqual(try T.text("plus", n("18446744073709551617"), n("1")), "18446744073709551618")
        XCTAssertEqual(try T.text("minus", n("-18446744073709551617"), n("1")), "-18446744073709551618")
        XCTAssertEqual(try T.text("mul", n("18446744073709551617"), n("2")), "36893488147419103234")
        XCTAssertEqual(try T.text("plus", n("123456789012345678901234567890"), n("1")), "123456789012345678901234567891")
    }

    func testFloatArithmeticMatchesOPABigFloats() throws {
        XCTAssertEqual(try T.text("plus", n("1.5"), n("2.5")), "4")
        XCTAssertEqual(try T.text("plus", n("1"), n("2.5")), "3.5")
        XCTAssertEqual(try T.text("mul", n("2.5"), n("2")), "5")
        XCTAssertEqual(try T.text("plus", n("0.1"), n("0.2")), "0.3")
        XCTAssertEqual(try T.text("plus", n("1.1"), n("2.2")), "3.3000000000000000002")
        XCTAssertEqual(try T.text("minus", n("0.5"), n("0.25")), "0.25")
        XCTAssertEqual(try T.text("mul", n("1000000.5"), n("3")), "3.0000015e+06")
        XCTAssertEqual(try T.text("mul", n("0.00001"), n("0.5")), "5e-06")
    }

    func testDivision() throws {
        XCTAssertEqual(try T.text("div", n("6"), n("3")), "2")
        XCTAssertEqual(try T.text("div", n("-6"), n("3")), "-2")
        XCTAssertEqual(try T.text("div", n("1"), n("4")), "0.25")
        XCTAssertEqual(try T.text("div", n("0"), n("5")), "0")
        XCTAssertEqual(try T.text("div", n("1"), n("3")), "0.33333333333333333334")
        XCTAssertEqual(try T.text("div", n("2"), n("3")), "0.6666666666666666667")
        XCTAssertEqual(try T.text("div", n("10"), n("4")), "2.5")
        T.assertError("div", n("1"), n("0"), message: "div: divide by zero", code: .builtin)
        T.assertError("div", n("1"), n("0.0"), message: "div: divide by zero", code: .builtin)
        T.assertError("div", n("1.5"), n("0"), message: "div: divide by zero", code: .builtin)
    }

    func testRemainder() throws {
        XCTAssertEqual(try T.text("rem", n("-17"), n("5")), "-2")
        XCTAssertEqual(try T.text("rem", n("17"), n("-5")), "2")
        XCTAssertEqual(try T.text("rem", n("4.0"), n("3")), "1")
        XCTAssertEqual(try T.text("rem", n("10"), n("18446744073709551616")), "10")
        XCTAssertEqual(try T.text("rem", n("100"), n("-18446744073709551616")), "100")
        XCTAssertEqual(try T.text("rem", n("18446744073709551617"), n("18446744073709551616")), "1")
        XCTAssertEqual(try T.text("rem", n("7"), n("340282366920938463463374607431768211456")), "7")
        T.assertError("rem", n("1"), n("0"), message: "rem: modulo by zero", code: .builtin)
        T.assertError("rem", n("1.5"), n("1"), message: "rem: modulo on floating-point number", code: .builtin)
    }

    func testOperandTypeErrors() {
        T.assertError("plus", n("1"), .string("a"), message: "plus: operand 2 must be number but got string")
        T.assertError("mul", .null, n("1"), message: "mul: operand 1 must be number but got null")
        T.assertError("div", .emptySet, n("1"), message: "div: operand 1 must be number but got set")
    }

    func testMinusOnSetsAndItsTypeErrors() throws {
        let a = Value.set([.int(1), .int(2), .int(3)]), b = Value.set([.int(2)])
        XCTAssertEqual(try T.call("minus", a, b), .set([.int(1), .int(3)]))
        XCTAssertEqual(try T.text("minus", n("3"), n("5")), "-2")
        T.assertError("minus", .set([.int(1)]), n("1"), message: "minus: operand 2 must be set but got number")
        T.assertError("minus", n("1"), .set([.int(1)]), message: "minus: operand 2 must be number but got set")
        T.assertError("minus", .string("a"), n("1"), message: "minus: operand 1 must be one of {number, set} but got string")
    }

    func testComparisonsUseRegoOrder() throws {
        XCTAssertEqual(try T.call("equal", n("1"), n("1.0")), .true)
        XCTAssertEqual(try T.call("equal", T.json("[1]"), T.json("[1.0]")), .true)
        XCTAssertEqual(try T.call("equal", T.json(#"{"x":[1,2,{"b":3.0}]}"#), T.json(#"{"x":[1,2,{"b":3}]}"#)), .true)
        XCTAssertEqual(try T.call("neq", n("0"), n("1")), .true)
        XCTAssertEqual(try T.call("neq", n("28857836529306024611913"), n("28857836529306024611912")), .true)
        XCTAssertEqual(try T.call("lt", n("-1"), n("0")), .true)
        XCTAssertEqual(try T.call("lt", n("1"), n("-1")), .false)
        XCTAssertEqual(try T.call("lte", n("1"), n("1")), .true)
        XCTAssertEqual(try T.call("gt", n("1"), n("2")), .false)
        XCTAssertEqual(try T.call("gte", n("4"), n("4")), .true)
        XCTAssertEqual(try T.call("lt", .null, .false), .true)
        XCTAssertEqual(try T.call("gt", .emptySet, .emptyObject), .true)
        XCTAssertEqual(try T.call("lt", .string("a"), .emptyArray), .true)
    }
}
