import XCTest
@testable import Rego
import PalisadeCore

final class EncodingJSONYAMLTests: XCTestCase {
    func testJSONMarshal() throws {
        XCTAssertEqual(try encodingCall("json.marshal", encodingJSON(#"{"b": [1, 2.5], "a": "<&>"}"#)),
                       .string(#"{"a":"\u003c\u0026\u003e","b":[1,2.5]}"#))
        XCTAssertEqual(try encodingCall("json.marshal", .set([.int(2), .int(1)])), .string("[1,2]"))
        XCTAssertEqual(try encodingCall("json.marshal", .object([.int(1): .string("x")])), .string(#"{"1":"x"}"#))
        XCTAssertEqual(try encodingCall("json.marshal", .string("a\u{08}\u{01}")), .string(#""a\b\u0001""#))
    }

    func testJSONMarshalWithOptions() throws {
        let value = encodingJSON(#"{"foo": [1, {}], "bar": {"x": true}}"#)
        XCTAssertEqual(try encodingCall("json.marshal_with_options", value, .emptyObject),
                       .string(#"{"bar":{"x":true},"foo":[1,{}]}"#))
        XCTAssertEqual(try encodingCall("json.marshal_with_options", value, .object(fields: ["pretty": .true])),
                       .string("{\n\t\"bar\": {\n\t\t\"x\": true\n\t},\n\t\"foo\": [\n\t\t1,\n\t\t{}\n\t]\n}"))
        XCTAssertEqual(try encodingCall("json.marshal_with_options", encodingJSON("[1]"),
                                        .object(fields: ["indent": .string("  "), "prefix": .string("--")])),
                       .string("--[\n--  1\n--]"))
        XCTAssertEqual(try encodingCall("json.marshal_with_options", encodingJSON("[1]"),
                                        .object(fields: ["indent": .string("  "), "pretty": .false])),
                       .string("[1]"))
        XCTAssertEqual(encodingError("json.marshal_with_options", .null, .object(fields: ["x": .true])),
                       "json.marshal_with_options: operand 2 object contained unknown key x")
    }

    func testJSONUnmarshalAndValid() throws {
        XCTAssertEqual(try encodingCall("json.unmarshal", .string(#"{"a": 18446744073709551616, "b": 0.1}"#)),
                       encodingJSON(#"{"a": 18446744073709551616, "b": 0.1}"#))
        XCTAssertNotNil(encodingError("json.unmarshal", .string("{")))
        XCTAssertEqual(try encodingCall("json.is_valid", .string(#"{"a": [1]}"#)), .true)
        XCTAssertEqual(try encodingCall("json.is_valid", .string("{'a': 1}")), .false)
        XCTAssertEqual(try encodingCall("json.is_valid", .int(1)), .false)
    }

    func testYAMLMarshal() throws {
        let value = encodingJSON(#"{"foo": [1, "two", {"a": null}], "bar": {"x": true, "y": "yes"}, "a10": 1, "a2": 2.5, "empty": ""}"#)
        XCTAssertEqual(try encodingCall("yaml.marshal", value), .string("""
            a2: 2.5
            a10: 1
            bar:
              x: true
              "y": "yes"
            empty: ""
            foo:
            - 1
            - two
            - a: null

            """))
        XCTAssertEqual(try encodingCall("yaml.marshal", .string("a: b")), .string("'a: b'\n"))
        XCTAssertEqual(try encodingCall("yaml.marshal", .string("line1\nline2")), .string("|-\n  line1\n  line2\n"))
        XCTAssertEqual(try encodingCall("yaml.marshal", encodingJSON(#"{"k": ["2020-01-01", "1.5", "x\ty"]}"#)),
                       .string("k:\n- \"2020-01-01\"\n- \"1.5\"\n- \"x\\ty\"\n"))
        XCTAssertEqual(try encodingCall("yaml.marshal", .emptyObject), .string("{}\n"))
        XCTAssertEqual(try encodingCall("yaml.marshal", encodingJSON("[[1, 2], []]")), .string("- - 1\n  - 2\n- []\n"))
        XCTAssertEqual(try encodingCall("yaml.marshal", encodingJSON("1e300")), .string("1e+300\n"))
    }

    func testYAMLUnmarshalAndValid() throws {
        XCTAssertEqual(try encodingCall("yaml.unmarshal", .string("foo: [1, 2]\nbar: yes\n1: x\n")),
                       encodingJSON(#"{"foo": [1, 2], "bar": true, "1": "x"}"#))
        XCTAssertEqual(try encodingCall("yaml.unmarshal", .string("")), .null)
        XCTAssertEqual(try encodingCall("yaml.is_valid", .string("a: [1")), .false)
        XCTAssertEqual(try encodingCall("yaml.is_valid", .string("a: 1")), .true)
        XCTAssertNotNil(encodingError("yaml.unmarshal", .string("a: [1")))
    }
}
