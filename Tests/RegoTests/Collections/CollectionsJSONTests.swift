import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsJSONTests: XCTestCase {
    typealias T = CollectionsTestSupport
    let doc = #"{"a": {"b": {"c": 7, "d": 8}}, "e": 9}"#

    func testFilter() throws {
        XCTAssertEqual(try T.text("json.filter", T.json(doc), T.strings("a/b/c")), #"{"a":{"b":{"c":7}}}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(doc), T.json(#"["a/b/c", "e"]"#)), #"{"a":{"b":{"c":7}},"e":9}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a": {"b": {"c": 7, "d": 8}, "e": 9}}"#), T.strings("a/b/c", "a/e")),
                       #"{"a":{"b":{"c":7},"e":9}}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a": {"b": 7}}"#), T.strings("a", "a/b")), #"{"a":{"b":7}}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a": 7}"#), .emptySet), "{}")
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a": [{"b": 7, "c": 8}, {"d": 9}]}"#), T.strings("a/0/b", "a/1")),
                       #"{"a":[{"b":7},{"d":9}]}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a": [{"1": ["b", "c", "d"]}, {"x": "y"}]}"#), T.strings("a/0/1/2")),
                       #"{"a":[{"1":["d"]}]}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(doc), .set([T.json(#"["a", "b", "c"]"#), T.json(#"["e"]"#)])),
                       #"{"a":{"b":{"c":7}},"e":9}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a": {"b": {"c": 7, "d": 8, "x": 0}}, "e": 9}"#),
                                  .set([.string("a/b/d"), T.json(#"["a", "b", "c"]"#)])),
                       #"{"a":{"b":{"c":7,"d":8}}}"#)
        XCTAssertEqual(try T.text("json.filter", T.json(#"{"a/b": 1, "c~d": 2, "e": 3}"#), T.strings("a~1b", "c~0d")),
                       #"{"a/b":1,"c~d":2}"#)
    }

    func testRemove() throws {
        XCTAssertEqual(try T.text("json.remove", T.json(doc), T.strings("a/b/c")), #"{"a":{"b":{"d":8}},"e":9}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(doc), T.json(#"["a/b/c", "e"]"#)), #"{"a":{"b":{"d":8}}}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(#"{"a": {"b": 7}, "c": 1}"#), T.strings("a", "a/b")), #"{"c":1}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(#"{"a": 7}"#), .emptySet), #"{"a":7}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(#"{"a": {"b": 7}, "c": 1}"#), T.strings("a/b", "c")), #"{"a":{}}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(#"{"a": [{"b": 7, "c": 8}, {"d": 9}]}"#), T.strings("a/0/b", "a/1")),
                       #"{"a":[{"c":8}]}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(#"{"a": [{"1": ["b", "c", "d"]}, {"x": "y"}]}"#), T.strings("a/0/1/2")),
                       #"{"a":[{"1":["b","c"]},{"x":"y"}]}"#)
        XCTAssertEqual(try T.text("json.remove", T.json(#"{"a": {"b": {"c": 7, "d": 8, "x": 0}}, "e": 9}"#),
                                  .set([.string("a/b/d"), T.json(#"["a", "b", "c"]"#)])),
                       #"{"a":{"b":{"x":0}},"e":9}"#)
    }

    func testPathErrors() throws {
        T.assertError("json.remove", .string("foo"), T.strings("a/b/c"), message: "json.remove: operand 1 must be object but got string")
        T.assertError("json.remove", T.json(doc), .string("foo"), message: "json.remove: operand 2 must be one of {set, array} but got string")
        T.assertError("json.remove", T.json(doc), .set([.int(1), .int(2), .string("a")]),
                      message: "json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got number")
        T.assertError("json.remove", T.json(doc), T.json(#"["a", {"x": 1}]"#),
                      message: "json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got object")
        T.assertError("json.filter", T.json(doc), .int(22), message: "json.filter: operand 2 must be one of {set, array} but got number")
    }

    func testPatch() throws {
        func patch(_ target: String, _ ops: String) throws -> String {
            try T.text("json.patch", T.json(target), T.json(ops))
        }
        XCTAssertEqual(try patch(#"{"a": {"foo": 1}}"#, #"[{"op": "add", "path": "/a/bar", "value": 2}]"#), #"{"a":{"bar":2,"foo":1}}"#)
        XCTAssertEqual(try patch(#"{"a": [1, 2]}"#, #"[{"op": "add", "path": "/a/-", "value": 3}, {"op": "add", "path": "/a/0", "value": 0}]"#),
                       #"{"a":[0,1,2,3]}"#)
        XCTAssertEqual(try patch(#"{"a": [1, 2, 3]}"#, #"[{"op": "remove", "path": "/a/1"}]"#), #"{"a":[1,3]}"#)
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "replace", "path": "/a", "value": 5}]"#), #"{"a":5}"#)
        XCTAssertEqual(try patch(#"{"a": {"b": 1}}"#, #"[{"op": "move", "from": "/a/b", "path": "/c"}]"#), #"{"a":{},"c":1}"#)
        XCTAssertEqual(try patch(#"{"a": {"b": 1}}"#, #"[{"op": "copy", "from": "/a", "path": "/c"}]"#), #"{"a":{"b":1},"c":{"b":1}}"#)
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "test", "path": "/a", "value": 1}]"#), #"{"a":1}"#)
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "test", "path": "/a", "value": 2}]"#), "undefined")
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "add", "path": "", "value": [1]}]"#), "[1]")
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "add", "path": ["b", "c"], "value": 1}]"#), "undefined")
        XCTAssertEqual(try patch(#"{"a~b": {"c/d": 1}}"#, #"[{"op": "replace", "path": "/a~0b/c~1d", "value": 2}]"#), #"{"a~b":{"c/d":2}}"#)
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "remove", "path": "/x"}]"#), "undefined")
        XCTAssertEqual(try patch(#"{"a": [1]}"#, #"[{"op": "add", "path": "/a/01", "value": 2}]"#), "undefined")
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "frob", "path": "/a"}]"#), "undefined")
        XCTAssertEqual(try patch(#"{"a": 1}"#, #"[{"op": "add", "path": "/b"}]"#), "undefined")
        XCTAssertEqual(try patch(#"[1, 2]"#, #"[{"op": "add", "path": "/1", "value": 9}]"#), "[1,9,2]")
        // Sets: members are their own keys.
        let set = Value.object([.string("s"): .set([.string("x")])])
        let addToSet = T.json(#"[{"op": "add", "path": ["s", "y"], "value": "y"}]"#)
        XCTAssertEqual(JSONWriter.string(try XCTUnwrap(T.call("json.patch", set, addToSet))), #"{"s":["x","y"]}"#)
        T.assertError("json.patch", .emptyObject, .emptyObject, message: "json.patch: operand 2 must be array but got object")
    }
}
