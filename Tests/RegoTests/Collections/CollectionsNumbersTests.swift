import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsNumbersTests: XCTestCase {
    typealias T = CollectionsTestSupport
    let n = CollectionsTestSupport.number

    func testRange() throws {
        XCTAssertEqual(try T.text("numbers.range", .int(0), .int(0)), "[0]")
        XCTAssertEqual(try T.text("numbers.range", .int(-2), .int(3)), "[-2,-1,0,1,2,3]")
        XCTAssertEqual(try T.text("numbers.range", .int(2), .int(-3)), "[2,1,0,-1,-2,-3]")
        XCTAssertEqual(try T.text("numbers.range", n("49649733057"), n("49649733060")),
                       "[49649733057,49649733058,49649733059,49649733060]")
        XCTAssertEqual(try T.text("numbers.range", n("18446744073709551616"), n("18446744073709551617")),
                       "[18446744073709551616,18446744073709551617]")
        T.assertError("numbers.range", n("3.14"), .int(4),
                      message: "numbers.range: operand 1 must be integer number but got floating-point number")
        T.assertError("numbers.range", .int(3), n("3.14"),
                      message: "numbers.range: operand 2 must be integer number but got floating-point number")
        T.assertError("numbers.range", .int(3), .string("x"), message: "numbers.range: operand 2 must be integer but got string")
        T.assertError("numbers.range", .int(0), n("100000000000"),
                      message: "numbers.range: timed out before generating all numbers in range", code: .builtin)
    }

    func testRangeStep() throws {
        XCTAssertEqual(try T.text("numbers.range_step", .int(0), .int(10), .int(2)), "[0,2,4,6,8,10]")
        XCTAssertEqual(try T.text("numbers.range_step", .int(0), .int(-10), .int(2)), "[0,-2,-4,-6,-8,-10]")
        XCTAssertEqual(try T.text("numbers.range_step", .int(10), .int(3), .int(2)), "[10,8,6,4]")
        XCTAssertEqual(try T.text("numbers.range_step", .int(1024), .int(4096), .int(1024)), "[1024,2048,3072,4096]")
        XCTAssertEqual(try T.text("numbers.range_step", .int(2), .int(2), .int(2)), "[2]")
        XCTAssertEqual(try T.text("numbers.range_step", .int(2), .int(5), .int(2)), "[2,4]")
        XCTAssertEqual(try T.text("numbers.range_step", .int(0), .int(10), n("99999999999999999999")), "[0]")
        T.assertError("numbers.range_step", .int(0), .int(10), .int(-2),
                      message: "numbers.range_step: step must be a positive integer", code: .builtin)
        T.assertError("numbers.range_step", .int(0), .int(10), .int(0),
                      message: "numbers.range_step: step must be a positive integer", code: .builtin)
    }

    func testRandIntnIsStableWithinOneEvaluation() throws {
        let context = BuiltinContext()
        let first = try XCTUnwrap(T.call("rand.intn", .string("k"), .int(1000), context: context))
        for _ in 0..<5 {
            XCTAssertEqual(try T.call("rand.intn", .string("k"), .int(1000), context: context), first)
            XCTAssertEqual(try T.call("rand.intn", .string("k"), .int(-1000), context: context), first)
        }
        let value = try XCTUnwrap(first.intValue)
        XCTAssertTrue((0..<1000).contains(value))
        XCTAssertEqual(try T.call("rand.intn", .string("k"), .int(0)), .int(0))
        XCTAssertEqual(try T.builtin("rand.intn").isNondeterministic, true)
        T.assertError("rand.intn", .int(1), .int(2), message: "rand.intn: operand 1 must be string but got number")
        T.assertError("rand.intn", .string("k"), n("1.5"),
                      message: "rand.intn: operand 2 must be integer number but got floating-point number")
    }

    func testBitwise() throws {
        XCTAssertEqual(try T.text("bits.and", .int(7), .int(9)), "1")
        XCTAssertEqual(try T.text("bits.and", .int(50), .int(0)), "0")
        XCTAssertEqual(try T.text("bits.or", .int(7), .int(9)), "15")
        XCTAssertEqual(try T.text("bits.xor", .int(42), .int(3)), "41")
        XCTAssertEqual(try T.text("bits.xor", .int(42), .int(42)), "0")
        XCTAssertEqual(try T.text("bits.negate", .int(42)), "-43")
        XCTAssertEqual(try T.text("bits.lsh", n("2147483647"), .int(1)), "4294967294")
        XCTAssertEqual(try T.text("bits.lsh", .int(1), .int(64)), "18446744073709551616")
        XCTAssertEqual(try T.text("bits.rsh", .int(-5), .int(1)), "-3")
        XCTAssertEqual(try T.text("bits.rsh", n("18446744073709551616"), .int(63)), "2")
        XCTAssertEqual(try T.text("bits.rsh", n("-18446744073709551617"), .int(64)), "-2")
        T.assertError("bits.and", n("7.2"), .int(42), message: "bits.and: operand 1 must be integer number but got floating-point number")
        T.assertError("bits.negate", n("7.2"), message: "bits.negate: operand 1 must be integer number but got floating-point number")
        XCTAssertEqual(try T.text("bits.rsh", .int(5), n("1000000000000")), "0")
        XCTAssertEqual(try T.text("bits.rsh", .int(-5), n("1000000000000")), "-1")
        XCTAssertEqual(try T.text("bits.lsh", .int(0), n("1000000000000")), "0")
        T.assertError("bits.lsh", .int(1), n("1000000000000"), message: "bits.lsh: shift amount too large", code: .builtin)
        T.assertError("bits.lsh", .int(1), .int(-1), message: "bits.lsh: operand 2 must be unsigned integer number but got negative integer")
    }

    /// Big integers use two's complement semantics, as Go's big.Int (values from Python).
    func testBigBitwise() throws {
        let cases: [(String, String, String, String, String)] = [
        ("1180591620717411303429", "1180591620717411303429", "1180591620717411303429", "1180591620717411303429", "0"),
        ("1180591620717411303429", "-1180591620717411303427", "5", "-3", "-8"),
        ("1180591620717411303429", "-18446744073709551616", "1180591620717411303424", "-18446744073709551611", "-1199038364791120855035"),
        ("1180591620717411303429", "18446744073709551615", "5", "1199038364791120855039", "1199038364791120855034"),
        ("-1180591620717411303427", "1180591620717411303429", "5", "-3", "-8"),
        ("-1180591620717411303427", "-1180591620717411303427", "-1180591620717411303427", "-1180591620717411303427", "0"),
        ("-1180591620717411303427", "-18446744073709551616", "-1199038364791120855040", "-3", "1199038364791120855037"),
        ("-1180591620717411303427", "18446744073709551615", "18446744073709551613", "-1180591620717411303425", "-1199038364791120855038"),
        ("-18446744073709551616", "1180591620717411303429", "1180591620717411303424", "-18446744073709551611", "-1199038364791120855035"),
        ("-18446744073709551616", "-1180591620717411303427", "-1199038364791120855040", "-3", "1199038364791120855037"),
        ("-18446744073709551616", "-18446744073709551616", "-18446744073709551616", "-18446744073709551616", "0"),
        ("-18446744073709551616", "18446744073709551615", "0", "-1", "-1"),
        ("18446744073709551615", "1180591620717411303429", "5", "1199038364791120855039", "1199038364791120855034"),
        ("18446744073709551615", "-1180591620717411303427", "18446744073709551613", "-1180591620717411303425", "-1199038364791120855038"),
        ("18446744073709551615", "-18446744073709551616", "0", "-1", "-1"),
        ("18446744073709551615", "18446744073709551615", "18446744073709551615", "18446744073709551615", "0"),
        ("-1", "1180591620717411303429", "1180591620717411303429", "-1", "-1180591620717411303430"),
        ("-1", "-1180591620717411303427", "-1180591620717411303427", "-1", "1180591620717411303426"),
        ("-1", "-18446744073709551616", "-18446744073709551616", "-1", "18446744073709551615"),
        ("-1", "18446744073709551615", "18446744073709551615", "-1", "-18446744073709551616"),
        ("7", "1180591620717411303429", "5", "1180591620717411303431", "1180591620717411303426"),
        ("7", "-1180591620717411303427", "5", "-1180591620717411303425", "-1180591620717411303430"),
        ("7", "-18446744073709551616", "0", "-18446744073709551609", "-18446744073709551609"),
        ("7", "18446744073709551615", "7", "18446744073709551615", "18446744073709551608"),
        ("-12345678901234567890123", "1180591620717411303429", "1180591620717411303429", "-12345678901234567890123", "-13526270521951979193552"),
        ("-12345678901234567890123", "-1180591620717411303427", "-13526270521951979193547", "-3", "13526270521951979193544"),
        ("-12345678901234567890123", "-18446744073709551616", "-12359318529385399582720", "-4807115922877859019", "12354511413462521723701"),
        ("-12345678901234567890123", "18446744073709551615", "13639628150831692597", "-12340871785311690031105", "-12354511413462521723702"),
        ]
        for (a, b, and, or, xor) in cases {
            XCTAssertEqual(try T.text("bits.and", n(a), n(b)), and, "\(a) & \(b)")
            XCTAssertEqual(try T.text("bits.or", n(a), n(b)), or, "\(a) | \(b)")
            XCTAssertEqual(try T.text("bits.xor", n(a), n(b)), xor, "\(a) ^ \(b)")
        }
    }
}
