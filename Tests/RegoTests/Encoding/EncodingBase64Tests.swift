import XCTest
@testable import Rego
import PalisadeCore

final class EncodingBase64Tests: XCTestCase {
    func testBase64() throws {
        XCTAssertEqual(try encodingCall("base64.encode", .string("hello")), .string("aGVsbG8="))
        XCTAssertEqual(try encodingCall("base64.encode", .string("subjects?_d")), .string("c3ViamVjdHM/X2Q="))
        XCTAssertEqual(try encodingCall("base64.encode", .string("")), .string(""))
        XCTAssertEqual(try encodingCall("base64.decode", .string("dGhlcmU=")), .string("there"))
        XCTAssertEqual(try encodingCall("base64.decode", .string("c3ViamVjdHM/X2Q=")), .string("subjects?_d"))
        XCTAssertEqual(try encodingCall("base64.is_valid", .string("aGVsbG8=")), .true)
        XCTAssertEqual(try encodingCall("base64.is_valid", .string("{'not':'base64'}")), .false)
        XCTAssertEqual(try encodingCall("base64.is_valid", .string("aGVsbG8")), .false)
        XCTAssertEqual(try encodingCall("base64.is_valid", .int(1)), .false)
        XCTAssertEqual(encodingError("base64.decode", .string("aGVsbG8")), "base64.decode: illegal base64 data at input byte 4")
        XCTAssertEqual(encodingError("base64.encode", .int(1)), "base64.encode: operand 1 must be string but got number")
    }

    func testBase64DecodeInvalidUTF8CountsPerByte() throws {
        let decoded = try encodingCall("base64.decode", .string("2E84ZuPUd7zfvCZSNEchVpDEIj6PL7JfLpIqyxVG16k="))
        XCTAssertEqual(decoded?.stringValue?.unicodeScalars.count, 30)
    }

    func testBase64URL() throws {
        XCTAssertEqual(try encodingCall("base64url.encode", .string("hello")), .string("aGVsbG8="))
        XCTAssertEqual(try encodingCall("base64url.encode_no_pad", .string("there")), .string("dGhlcmU"))
        XCTAssertEqual(try encodingCall("base64url.decode", .string("aGVsbG8=")), .string("hello"))
        XCTAssertEqual(try encodingCall("base64url.decode", .string("aGVsbG8")), .string("hello"))
        XCTAssertEqual(try encodingCall("base64url.encode", .string("\u{FB}\u{FF}")), .string("w7vDvw=="))
        XCTAssertEqual(encodingError("base64url.decode", .string("a")), "base64url.decode: illegal base64url string: a")
    }

    func testHex() throws {
        XCTAssertEqual(try encodingCall("hex.encode", .string("lorem ipsum")), .string("6c6f72656d20697073756d"))
        XCTAssertEqual(try encodingCall("hex.decode", .string("6c6f72656d20697073756d")), .string("lorem ipsum"))
        XCTAssertEqual(encodingError("hex.decode", .string("fghijkl")), "hex.decode: encoding/hex: invalid byte: U+0067 'g'")
        XCTAssertEqual(encodingError("hex.decode", .string("abc")), "hex.decode: encoding/hex: odd length hex string")
    }

    func testURLQuery() throws {
        XCTAssertEqual(try encodingCall("urlquery.encode", .string("a=b+1")), .string("a%3Db%2B1"))
        XCTAssertEqual(try encodingCall("urlquery.encode", .string("x y/é~")), .string("x+y%2F%C3%A9~"))
        XCTAssertEqual(try encodingCall("urlquery.encode", .string("")), .string(""))
        XCTAssertEqual(try encodingCall("urlquery.decode", .string("a%3Db%2B1")), .string("a=b+1"))
        XCTAssertEqual(try encodingCall("urlquery.decode", .string("a+b")), .string("a b"))
        XCTAssertEqual(encodingError("urlquery.decode", .string("%zz")), "urlquery.decode: invalid URL escape \"%zz\"")
        XCTAssertEqual(try encodingCall("urlquery.encode_object", .emptyObject), .string(""))
        XCTAssertEqual(try encodingCall("urlquery.encode_object", encodingJSON(#"{"c": "d", "a": "b"}"#)), .string("a=b&c=d"))
        XCTAssertEqual(try encodingCall("urlquery.encode_object", encodingJSON(#"{"a": "c=b+1"}"#)), .string("a=c%3Db%2B1"))
        XCTAssertEqual(try encodingCall("urlquery.encode_object", encodingJSON(#"{"a": ["b+1", "c+2"]}"#)), .string("a=b%2B1&a=c%2B2"))
        XCTAssertEqual(try encodingCall("urlquery.encode_object", .object(fields: ["a": .set([.string("b+1")])])), .string("a=b%2B1"))
        XCTAssertEqual(encodingError("urlquery.encode_object", encodingJSON(#"{"a": 1}"#)),
                       "urlquery.encode_object: operand 1 values must be string, array[string], or set[string]")
        XCTAssertEqual(try encodingCall("urlquery.decode_object", .string("a=value_a1&b=value_b&a=value_a2")),
                       encodingJSON(#"{"a": ["value_a1", "value_a2"], "b": ["value_b"]}"#))
        XCTAssertEqual(try encodingCall("urlquery.decode_object", .string("a=value_a1&b")), encodingJSON(#"{"a": ["value_a1"], "b": [""]}"#))
        XCTAssertEqual(try encodingCall("urlquery.decode_object", .string("")), .emptyObject)
    }
}
