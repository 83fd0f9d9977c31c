import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsArraySetTests: XCTestCase {
    typealias T = CollectionsTestSupport

    func testConcatReverseFlatten() throws {
        XCTAssertEqual(try T.text("array.concat", T.json("[1,2]"), T.json("[3,4]")), "[1,2,3,4]")
        T.assertError("array.concat", T.json(#"{"v1":"hello"}"#), T.json("[3,4]"),
                      message: "array.concat: operand 1 must be array but got object")
        T.assertError("array.concat", T.json("[1]"), T.json(#"{"v1":"hello"}"#),
                      message: "array.concat: operand 2 must be array but got object")
        XCTAssertEqual(try T.text("array.reverse", T.json("[1,2,3]")), "[3,2,1]")
        XCTAssertEqual(try T.text("array.reverse", T.json("[]")), "[]")
        T.assertError("array.reverse", T.json(#"{"bar":"baz"}"#), message: "array.reverse: operand 1 must be array but got object")
        XCTAssertEqual(try T.text("array.flatten", T.json("[[[1], [2, 3, []]], [[4, 5]]]")), "[[1],[2,3,[]],[4,5]]")
        XCTAssertEqual(try T.text("array.flatten", T.json(#"[[1, 2], "string", [3, {"a": "b"}], 4.5, [6, [7, 8]]]"#)),
                       #"[1,2,"string",3,{"a":"b"},4.5,6,[7,8]]"#)
        T.assertError("array.flatten", .int(42), message: "array.flatten: operand 1 must be array but got number")
    }

    func testSliceClamps() throws {
        let five = T.json("[1,2,3,4,5]")
        XCTAssertEqual(try T.text("array.slice", five, .int(1), .int(3)), "[2,3]")
        XCTAssertEqual(try T.text("array.slice", T.json("[1,2,3]"), .int(0), .int(0)), "[]")
        XCTAssertEqual(try T.text("array.slice", five, .int(-4), .int(-1)), "[]")
        XCTAssertEqual(try T.text("array.slice", five, .int(4), .int(1)), "[]")
        XCTAssertEqual(try T.text("array.slice", five, .int(-1), .int(2)), "[1,2]")
        XCTAssertEqual(try T.text("array.slice", five, .int(3), .int(6)), "[4,5]")
        XCTAssertEqual(try T.text("array.slice", T.json("[]"), .int(1000), .int(2000)), "[]")
        XCTAssertEqual(try T.text("array.slice", T.json("[1,2,3]"), .int(1000), .int(2000)), "[]")
        T.assertError("array.slice", five, .string("1"), .int(2), message: "array.slice: operand 2 must be number but got string")
    }

    func testSetOperators() throws {
        let a = Value.set([.int(1), .int(2), .int(3)]), b = Value.set([.int(2), .int(4)])
        XCTAssertEqual(try T.text("and", a, b), "[2]")
        XCTAssertEqual(try T.text("or", a, b), "[1,2,3,4]")
        XCTAssertEqual(try T.text("set_diff", a, b), "[1,3]")
        T.assertError("and", a, T.json("[1]"), message: "and: operand 2 must be set but got array")
        T.assertError("or", .int(1), b, message: "or: operand 1 must be set but got number")
    }

    func testIntersectionAndUnionOfSets() throws {
        let s1 = Value.set([.int(1), .int(2), .int(3)]), s2 = Value.set([.int(2), .int(3), .int(4)]), s3 = Value.set([.int(4), .int(5), .int(6)])
        XCTAssertEqual(try T.text("intersection", .emptySet), "[]")
        XCTAssertEqual(try T.text("intersection", .set([.emptySet, .set([.int(1), .int(2)])])), "[]")
        XCTAssertEqual(try T.text("intersection", .set([s1, .set([.int(2)])])), "[2]")
        XCTAssertEqual(try T.text("intersection", .set([s1, s2, s3])), "[]")
        XCTAssertEqual(try T.text("intersection", .set([T.strings("a", "b", "c", "d"), T.strings("b", "c", "d"), T.strings("c", "d"), T.strings("d")])), #"["d"]"#)
        XCTAssertEqual(try T.text("union", .emptySet), "[]")
        XCTAssertEqual(try T.text("union", .set([.emptySet, .set([.int(1), .int(2)])])), "[1,2]")
        XCTAssertEqual(try T.text("union", .set([s1, s2, s3])), "[1,2,3,4,5,6]")
        T.assertError("union", T.json("[1]"), message: "union: operand 1 must be set but got array")
        T.assertError("intersection", .set([.int(1)]), message: "intersection: operand 1 must be set but got number")
    }
}
