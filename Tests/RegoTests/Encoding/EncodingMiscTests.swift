import XCTest
@testable import Rego
import PalisadeCore

final class EncodingMiscTests: XCTestCase {
    func testSemver() throws {
        XCTAssertEqual(try encodingCall("semver.compare", .string("1.0.0"), .string("1.0.1")), .int(-1))
        XCTAssertEqual(try encodingCall("semver.compare", .string("v1.2.3"), .string("1.2.3+build")), .int(0))
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                       "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            XCTAssertEqual(try encodingCall("semver.compare", .string(a), .string(b)), .int(-1), "\(a) < \(b)")
            XCTAssertEqual(try encodingCall("semver.compare", .string(b), .string(a)), .int(1), "\(b) > \(a)")
        }
        XCTAssertEqual(try encodingCall("semver.is_valid", .string("1.0.0")), .true)
        XCTAssertEqual(try encodingCall("semver.is_valid", .string("1.0")), .false)
        XCTAssertEqual(try encodingCall("semver.is_valid", .string("1.0.0-")), .true)
        XCTAssertEqual(try encodingCall("semver.is_valid", .string("1.0.0-a..b")), .false)
        XCTAssertEqual(try encodingCall("semver.is_valid", .int(1)), .false)
        XCTAssertEqual(encodingError("semver.compare", .string("x"), .string("1.0.0")),
                       "semver.compare: operand 1: string x is not a valid SemVer")
    }

    func testUnitsParse() throws {
        XCTAssertEqual(try encodingCall("units.parse", .string("10Mi")), .int(10_485_760))
        XCTAssertEqual(try encodingCall("units.parse", .string("1K")), .int(1000))
        XCTAssertEqual(try encodingCall("units.parse", .string("1M")), .int(1_000_000))
        XCTAssertEqual(try encodingCall("units.parse", .string("1m")), .number(Number(literal: "0.001")!))
        XCTAssertEqual(try encodingCall("units.parse", .string("1.5G")), .int(1_500_000_000))
        XCTAssertEqual(try encodingCall("units.parse", .string("1e3")), .int(1000))
        XCTAssertEqual(try encodingCall("units.parse", .string("\"2\"")), .int(2))
        XCTAssertEqual(encodingError("units.parse", .string("1 K")), "units.parse: spaces not allowed in resource strings")
        XCTAssertEqual(encodingError("units.parse", .string("K")), "units.parse: no amount provided")
        XCTAssertEqual(encodingError("units.parse", .string("1mb")), "units.parse: unit mb not recognized")
    }

    func testUnitsParseBytes() throws {
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("1KB")), .int(1000))
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("1KiB")), .int(1024))
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("1.5ki")), .int(1536))
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("0.5GB")), .int(500_000_000))
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("100")), .int(100))
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("1.1KB")), .int(1100))
        XCTAssertEqual(try encodingCall("units.parse_bytes", .string("8EiB")), .number(Number(literal: "9223372036854775808")!))
        XCTAssertEqual(encodingError("units.parse_bytes", .string("foo")), "units.parse_bytes: no byte amount provided")
        XCTAssertEqual(encodingError("units.parse_bytes", .string("1XB")), "units.parse_bytes: byte unit xb not recognized")
    }

    func testUUIDParse() throws {
        XCTAssertEqual(try encodingCall("uuid.parse", .string("{00000000-0000-4000-8000-000000000000}")),
                       encodingJSON(#"{"variant": "RFC4122", "version": 4}"#))
        XCTAssertEqual(try encodingCall("uuid.parse", .string("6bea8ef2d3d33cd184e09bab06a52ece")),
                       encodingJSON(#"{"variant": "RFC4122", "version": 3}"#))
        let v2 = encodingJSON("""
            {"clocksequence": 12800, "domain": "Person", "id": 1000, "macvariables": "local:unicast",
             "nodeid": "32-50-96-b3-9f-47", "time": 1693566990121469600, "variant": "RFC4122", "version": 2}
            """)
        XCTAssertEqual(try encodingCall("uuid.parse", .string("000003e8-48b9-21ee-b200-325096b39f47")), v2)
        XCTAssertEqual(try encodingCall("uuid.parse", .string("urn:uuid:000003e8-48b9-21ee-b200-325096b39f47")), v2)
        XCTAssertNil(try encodingCall("uuid.parse", .string("not-a-uuid")))
    }

    func testUUIDRFC4122IsStablePerKey() throws {
        let ctx = BuiltinContext()
        let a = try encodingCall("uuid.rfc4122", .string("key"), context: ctx)
        XCTAssertEqual(a, try encodingCall("uuid.rfc4122", .string("key"), context: ctx))
        XCTAssertNotEqual(a, try encodingCall("uuid.rfc4122", .string("other"), context: ctx))
        let text = a?.stringValue ?? ""
        XCTAssertEqual(text.count, 36)
        XCTAssertEqual(Array(text)[14], "4")
        XCTAssertEqual(try encodingCall("uuid.parse", .string(text))?["version"], .int(4))
    }
}
