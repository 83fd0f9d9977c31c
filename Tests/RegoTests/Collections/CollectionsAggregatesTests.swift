import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsAggregatesTests: XCTestCase {
    typealias T = CollectionsTestSupport
    let n = CollectionsTestSupport.number

    func testCount() throws {
        XCTAssertEqual(try T.text("count", T.json("[1,2,3,4]")), "4")
        XCTAssertEqual(try T.text("count", T.json(#"{"v1":"hello","v2":"goodbye"}"#)), "2")
        XCTAssertEqual(try T.text("count", .set([.int(1), .int(2)])), "2")
        XCTAssertEqual(try T.text("count", .string("abcde")), "5")
        XCTAssertEqual(try T.text("count", .string("åäö")), "3")
        T.assertError("count", .null, message: "count: operand 1 must be one of {array, object, set, string} but got null")
        T.assertError("count", n("5"), message: "count: operand 1 must be one of {array, object, set, string} but got number")
    }

    func testSumAndProduct() throws {
        XCTAssertEqual(try T.text("sum", T.json("[1,2,3,4]")), "10")
        XCTAssertEqual(try T.text("sum", .set([.int(1), .int(2), .int(3), .int(4)])), "10")
        XCTAssertEqual(try T.text("sum", T.json("[49649733057, 1]")), "49649733058")
        XCTAssertEqual(try T.text("sum", T.json("[18446744073709551617, 1]")), "18446744073709551618")
        XCTAssertEqual(try T.text("sum", T.json("[9223372036854775807, 1]")), "9223372036854775808")
        XCTAssertEqual(try T.text("sum", .set([n("9223372036854775807"), .int(1), .int(2)])), "9223372036854775810")
        XCTAssertEqual(try T.text("sum", T.json("[-9223372036854775808, -1]")), "-9223372036854775809")
        XCTAssertEqual(try T.text("sum", T.json("[1.5, 2.5]")), "4")
        XCTAssertEqual(try T.text("sum", T.json("[1, 2.5]")), "3.5")
        XCTAssertEqual(try T.text("sum", T.json("[0.1, 0.2]")), "0.3")
        XCTAssertEqual(try T.text("sum", T.json("[]")), "0")
        XCTAssertEqual(try T.text("product", T.json("[1,2,3,4]")), "24")
        XCTAssertEqual(try T.text("product", T.json("[18446744073709551617, 2]")), "36893488147419103234")
        XCTAssertEqual(try T.text("product", T.json("[1.5, 2]")), "3")
        XCTAssertEqual(try T.text("product", T.json("[]")), "1")
        T.assertError("sum", T.json(#"[1, "a"]"#), message: "sum: operand 1 must be array of numbers but got array containing string")
        T.assertError("product", .set([.string("a")]), message: "product: operand 1 must be set of numbers but got set containing string")
        T.assertError("sum", .string("a"), message: "sum: operand 1 must be one of {set, array} but got string")
    }

    func testMaxMinSort() throws {
        XCTAssertEqual(try T.text("max", T.json("[1,2,3,4]")), "4")
        XCTAssertEqual(try T.text("min", T.json("[3,2,1,4,6,-7,10]")), "-7")
        XCTAssertEqual(try T.text("min", T.json("[1,2,1,3,4]")), "1")
        XCTAssertEqual(try T.text("max", .set([.int(1), .int(4)])), "4")
        XCTAssertEqual(try T.text("max", T.json("[]")), "undefined")
        XCTAssertEqual(try T.text("min", .emptySet), "undefined")
        XCTAssertEqual(try T.text("max", T.json(#"[1, "a", null]"#)), #""a""#)
        XCTAssertEqual(try T.text("max", T.json("[3, 3.5, 3.25, 3.4999]")), "3.5")
        XCTAssertEqual(try T.text("sort", T.json("[4,3,2,1]")), "[1,2,3,4]")
        XCTAssertEqual(try T.text("sort", .set([.int(3), .int(1)])), "[1,3]")
        XCTAssertEqual(try T.text("sort", T.json(#"[[1], "b", {}, null, true, 2]"#)), #"[null,true,2,"b",[1],{}]"#)
        T.assertError("sort", .null, message: "sort: operand 1 must be one of {set, array} but got null")
    }

    func testAllAndAny() throws {
        XCTAssertEqual(try T.call("all", T.json("[true, true]")), .true)
        XCTAssertEqual(try T.call("all", T.json("[true, 1]")), .false)
        XCTAssertEqual(try T.call("all", T.json("[]")), .true)
        XCTAssertEqual(try T.call("any", .set([.false, .true])), .true)
        XCTAssertEqual(try T.call("any", T.json("[]")), .false)
        T.assertError("any", .string("x"), message: "any: operand 1 must be one of {array, set} but got string")
    }

    func testMembership() throws {
        XCTAssertEqual(try T.call("internal.member_2", .int(1), .set([.int(1)])), .true)
        XCTAssertEqual(try T.call("internal.member_2", .int(1), T.json(#"{"foo": 1}"#)), .true)
        XCTAssertEqual(try T.call("internal.member_2", .int(1), .string("foo")), .false)
        XCTAssertEqual(try T.call("internal.member_3", .int(1), .string("two"), T.json(#"["one","two"]"#)), .true)
        XCTAssertEqual(try T.call("internal.member_3", .string("foo"), .int(1), T.json(#"{"foo": 1}"#)), .true)
        XCTAssertEqual(try T.call("internal.member_3", .int(1), .string("foo"), .int(1)), .false)
    }
}
