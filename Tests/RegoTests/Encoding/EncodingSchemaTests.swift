import XCTest
@testable import Rego
import PalisadeCore

final class EncodingSchemaTests: XCTestCase {
    let schema = encodingJSON(#"{"properties": {"id": {"type": "integer"}}, "required": ["id"]}"#)

    func testMatchSchemaSuccess() throws {
        XCTAssertEqual(try encodingCall("json.match_schema", encodingJSON(#"{"id": 5}"#), schema), encodingJSON("[true, []]"))
        XCTAssertEqual(try encodingCall("json.match_schema", .string(#"{"id": 5}"#), schema), encodingJSON("[true, []]"))
        XCTAssertEqual(try encodingCall("json.match_schema", encodingJSON(#"{"id": 5}"#), .string(JSONWriter.string(schema))),
                       encodingJSON("[true, []]"))
    }

    func testMatchSchemaErrors() throws {
        XCTAssertEqual(try encodingCall("json.match_schema", encodingJSON(#"{"id": "foo"}"#), schema), encodingJSON("""
            [false, [{"desc": "Invalid type. Expected: integer, given: string",
                      "error": "id: Invalid type. Expected: integer, given: string",
                      "field": "id", "type": "invalid_type"}]]
            """))
        XCTAssertEqual(try encodingCall("json.match_schema", .emptyObject, schema), encodingJSON("""
            [false, [{"desc": "id is required", "error": "(root): id is required", "field": "(root)", "type": "required"}]]
            """))
        let rich = encodingJSON("""
            {"type": "object", "additionalProperties": false,
             "properties": {"tags": {"type": "array", "items": {"enum": ["a", "b"]}, "maxItems": 1},
                            "n": {"minimum": 2, "multipleOf": 2}}}
            """)
        let result = try encodingCall("json.match_schema", encodingJSON(#"{"tags": ["a", "c"], "n": 3, "x": 1}"#), rich)
        let descs = result?.arrayValue?[1].arrayValue?.compactMap { $0["error"]?.stringValue }
        XCTAssertEqual(descs, [
            "(root): Additional property x is not allowed",
            "n: Must be a multiple of 2",
            "tags.1: tags.1 must be one of the following: \"a\", \"b\"",
            "tags: Array must have at most 1 items",
        ])
    }

    func testInvalidSchemas() throws {
        XCTAssertEqual(encodingError("json.match_schema", encodingJSON(#"{"id": "foo"}"#),
                                     encodingJSON(#"{"properties": {"id": {"type": "unknown"}}}"#)),
                       "json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:[array boolean integer number null object string]")
        XCTAssertEqual(try encodingCall("json.verify_schema", .string(#"{"type": "boolean"}"#)), encodingJSON("[true, null]"))
        XCTAssertEqual(try encodingCall("json.verify_schema", encodingJSON(#"{"type": "boolean"}"#)), encodingJSON("[true, null]"))
        XCTAssertEqual(try encodingCall("json.verify_schema", encodingJSON(#"{"type": "unknown_type"}"#)), encodingJSON("""
            [false, "jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]"]
            """))
        XCTAssertEqual(try encodingCall("json.verify_schema", .string("{")), encodingJSON(#"[false, "jsonschema: invalid JSON string"]"#))
    }

    func testRefsAndCombinators() throws {
        let schema = encodingJSON("""
            {"definitions": {"pos": {"type": "number", "exclusiveMinimum": 0}},
             "type": "array", "items": {"anyOf": [{"$ref": "#/definitions/pos"}, {"type": "string", "pattern": "^x"}]}}
            """)
        XCTAssertEqual(try encodingCall("json.match_schema", encodingJSON(#"[1, "xy"]"#), schema)?.arrayValue?.first, .true)
        let failed = try encodingCall("json.match_schema", encodingJSON("[-1]"), schema)
        XCTAssertEqual(failed?.arrayValue?[1].arrayValue?.first?["type"], .string("number_any_of"))
    }
}
