import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsObjectTests: XCTestCase {
    typealias T = CollectionsTestSupport

    func testGet() throws {
        let doc = T.json(#"{"a": {"b": [10, {"c": true}]}, "x": 1}"#)
        XCTAssertEqual(try T.text("object.get", doc, .string("x"), .int(0)), "1")
        XCTAssertEqual(try T.text("object.get", doc, .string("y"), .int(0)), "0")
        XCTAssertEqual(try T.text("object.get", doc, T.json(#"["a","b",1,"c"]"#), .false), "true")
        XCTAssertEqual(try T.text("object.get", doc, T.json(#"["a","b",5]"#), .string("d")), #""d""#)
        XCTAssertEqual(try T.text("object.get", doc, T.json(#"["a","b","0"]"#), .string("d")), #""d""#)
        XCTAssertEqual(try T.text("object.get", doc, T.json("[]"), .null), JSONWriter.string(doc))
        let withSet = Value.object([.string("s"): .set([.string("m")])])
        XCTAssertEqual(try T.text("object.get", withSet, T.json(#"["s","m"]"#), .null), #""m""#)
        T.assertError("object.get", .int(1), .string("x"), .null, message: "object.get: operand 1 must be object but got number")
    }

    func testKeys() throws {
        XCTAssertEqual(try T.text("object.keys", T.json(#"{"a": 1, "b": 2}"#)), #"["a","b"]"#)
        XCTAssertEqual(try T.text("object.keys", .object([.int(1): .int(1), .int(2): .int(2)])), "[1,2]")
        XCTAssertEqual(try T.text("object.keys", .emptyObject), "[]")
        T.assertError("object.keys", .string("object"), message: "object.keys: operand 1 must be object but got string")
    }

    func testRemoveAndFilter() throws {
        let doc = T.json(#"{"a": 1, "b": {"c": 3}, "d": 4}"#)
        XCTAssertEqual(try T.text("object.remove", doc, T.strings("b", "d")), #"{"a":1}"#)
        XCTAssertEqual(try T.text("object.remove", doc, T.json(#"["d", "b"]"#)), #"{"a":1}"#)
        XCTAssertEqual(try T.text("object.remove", doc, T.json(#"{"b": 1, "d": ""}"#)), #"{"a":1}"#)
        XCTAssertEqual(try T.text("object.remove", doc, T.strings("z")), JSONWriter.string(doc))
        XCTAssertEqual(try T.text("object.filter", doc, T.strings("a", "d")), #"{"a":1,"d":4}"#)
        XCTAssertEqual(try T.text("object.filter", doc, T.json(#"{"b": "foo"}"#)), #"{"b":{"c":3}}"#)
        XCTAssertEqual(try T.text("object.filter", doc, .emptySet), "{}")
        XCTAssertEqual(try T.text("object.filter", .emptyObject, T.strings("a")), "{}")
        T.assertError("object.remove", T.json(#"["a"]"#), T.strings("a"), message: "object.remove: operand 1 must be object but got array")
        T.assertError("object.filter", T.json(#"{"a": 1}"#), .string("foo"),
                      message: "object.filter: operand 2 must be one of {object, set, array} but got string")
        T.assertError("object.remove", T.json(#"{"a": 1}"#), .null,
                      message: "object.remove: operand 2 must be one of {object, set, array} but got null")
    }

    func testUnion() throws {
        XCTAssertEqual(try T.text("object.union", T.json(#"{"a": {"b": {"c": 1}}}"#), T.json(#"{"b": 2}"#)), #"{"a":{"b":{"c":1}},"b":2}"#)
        XCTAssertEqual(try T.text("object.union", T.json(#"{"a": 1}"#), T.json(#"{"a": 2}"#)), #"{"a":2}"#)
        XCTAssertEqual(try T.text("object.union", T.json(#"{"a": {"b": {"c": 1}}, "e": 1}"#),
                                  T.json(#"{"a": {"b": "foo", "b1": "bar"}, "d": 7, "e": 17}"#)),
                       #"{"a":{"b":"foo","b1":"bar"},"d":7,"e":17}"#)
        XCTAssertEqual(try T.text("object.union", T.json(#"{"a": {"x": 1}}"#), T.json(#"{"a": {"y": 2}}"#)), #"{"a":{"x":1,"y":2}}"#)
        T.assertError("object.union", T.json("[1]"), T.json(#"{"b": 2}"#), message: "object.union: operand 1 must be object but got array")
        T.assertError("object.union", T.json(#"{"b": 2}"#), T.json("[1]"), message: "object.union: operand 2 must be object but got array")
    }

    func testUnionN() throws {
        XCTAssertEqual(try T.text("object.union_n", T.json("[{}]")), "{}")
        XCTAssertEqual(try T.text("object.union_n", T.json(#"[{"foo": "bar"}, {"foo": "baz"}]"#)), #"{"foo":"baz"}"#)
        XCTAssertEqual(try T.text("object.union_n", T.json(#"[{"a": 1, "b": 2, "c": 3}, {"foo": "baz", "a": "a", "b": 2, "d": 4}, {"a": "final A!", "e": 5.0}]"#)),
                       #"{"a":"final A!","b":2,"c":3,"d":4,"e":5,"foo":"baz"}"#)
        XCTAssertEqual(try T.text("object.union_n", T.json(#"[{"a": {"b": 2}}, {"a": 4}, {"a": {"c": 3}}]"#)), #"{"a":{"c":3}}"#)
        T.assertError("object.union_n", T.json(#"[{"foo": 1}, {"bar": 2}, "baz"]"#),
                      message: "object.union_n: operand 1 must be array of objects but got array containing string")
    }

    func testSubset() throws {
        XCTAssertEqual(try T.call("object.subset", T.json(#"{"a": {"b": 1, "c": [1, 2, 3]}, "d": 1}"#), T.json(#"{"a": {"c": [2, 3]}}"#)), .true)
        XCTAssertEqual(try T.call("object.subset", T.json(#"{"a": 1}"#), T.json(#"{"a": 2}"#)), .false)
        XCTAssertEqual(try T.call("object.subset", .set([.int(1), .int(2)]), .set([.int(2)])), .true)
        XCTAssertEqual(try T.call("object.subset", T.json("[1, 2, 3, 4]"), T.json("[2, 3]")), .true)
        XCTAssertEqual(try T.call("object.subset", T.json("[1, 2, 3, 4]"), T.json("[2, 4]")), .false)
        XCTAssertEqual(try T.call("object.subset", T.json("[1, 2, 3, 4]"), .set([.int(4), .int(1)])), .true)
        XCTAssertEqual(try T.call("object.subset", T.json("[1]"), .set([.int(4)])), .false)
        T.assertError("object.subset", .int(1), T.json("[1]"),
                      message: "object.subset: both arguments object.subset must be of the same type or array and set")
    }
}
