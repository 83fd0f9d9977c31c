import XCTest
@testable import PalisadeCore

final class ValueTests: XCTestCase {
    func testLargeIntegersAndLongDecimalsRoundTrip() throws {
        for text in ["9223372036854775807", "18446744073709551614", "-123456789012345678901234567890",
                     "0.10000000000000000000000000001", "1.5e-300", "1234567890123456789.5"] {
            XCTAssertEqual(try JSONReader.decode(text).description, text)
        }
    }

    func testIntegralFloatsEqualIntegers() throws {
        let one = try JSONReader.decode("1"), oneFloat = try JSONReader.decode("1.0")
        XCTAssertEqual(one, oneFloat)
        XCTAssertEqual(Set([one, oneFloat]).count, 1)
        XCTAssertEqual(try JSONReader.decode("1e3"), .int(1000))
    }

    func testOrderFollowsOPA() {
        let ordered: [Value] = [.null, .bool(false), .bool(true), .int(-1), .int(2), .string("A"), .string("a"),
                                .array([]), .array([.int(1)]), .emptyObject, .set([])]
        XCTAssertEqual(ordered.shuffled().sorted(), ordered)
    }

    func testArithmeticIsExactForIntegersAndPromotesOnOverflow() {
        let max = Number(Int.max)
        XCTAssertEqual((max + Number(1)).description, "9223372036854775808")
        XCTAssertEqual((Number(6) * Number(7)).intValue, 42)
        XCTAssertEqual(Number.divide(Number(7), Number(2))?.description, "3.5")
        XCTAssertNil(Number.divide(Number(1), Number(0)))
        XCTAssertEqual(Number.remainder(Number(-7), Number(3))?.intValue, -1)
    }

    func testWriterSortsKeysAndRendersSetsAsArrays() {
        let v = Value.object([.string("b"): .set([.int(2), .int(1)]), .string("a"): .null])
        XCTAssertEqual(JSONWriter.string(v), #"{"a":null,"b":[1,2]}"#)
        XCTAssertEqual(JSONWriter.string(.string("<&>"), options: .init(escapeHTML: true)), #""\u003c\u0026\u003e""#)
    }

    func testJSONErrorsCarryLineAndColumn() {
        XCTAssertThrowsError(try JSONReader.decode("{\n  \"a\": tru\n}", file: "x.json")) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.location?.line, 2)
            XCTAssertEqual(e?.location?.file, "x.json")
        }
        XCTAssertThrowsError(try JSONReader.decode("[1, 2"))
        XCTAssertThrowsError(try JSONReader.decode(String(repeating: "[", count: 5_000)))
    }

    func testYAMLDocumentsKeepLocationsAndExactNumbers() throws {
        let docs = try YAMLReader.documents("a: 1\n---\nb: 18446744073709551614\nc: [x, true, null, 1.5]\n", file: "m.yaml")
        XCTAssertEqual(docs.count, 2)
        XCTAssertEqual(docs[1].location.line, 3)
        XCTAssertEqual(docs[1].value["b"]?.description, "18446744073709551614")
        XCTAssertEqual(docs[1].value["c"], .array([.string("x"), .bool(true), .null, .number(Number(1.5, literal: "1.5"))]))
    }

    func testYAMLSyntaxErrorNamesFileAndLine() {
        XCTAssertThrowsError(try YAMLReader.documents("a: [1, 2\nb: 3\n", file: "bad.yaml")) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.location?.file, "bad.yaml")
            XCTAssertNotNil(e?.location?.line)
        }
    }

    func testYAMLAliasBombIsBounded() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        XCTAssertThrowsError(try YAMLReader.documents(text))
    }
}

final class NumberFormatTests: XCTestCase {
    func testDoublesFormatLikeGoJSON() {
        XCTAssertEqual(Number.format(0.1), "0.1")
        XCTAssertEqual(Number.format(123456789.5), "123456789.5")
        XCTAssertEqual(Number.format(0.00001), "0.00001")
        XCTAssertEqual(Number.format(1e-7), "1e-07")
        XCTAssertEqual(Number.format(1.5e300), "1.5e+300")
        XCTAssertEqual(Number.format(-2.5), "-2.5")
        XCTAssertEqual(Number.format(1e20 + 0.5 * 0), "100000000000000000000")
    }

    func testHugeExponentLiteralKeepsItsText() throws {
        XCTAssertEqual(try JSONReader.decode("2e308").description, "2e308")
        XCTAssertEqual(try JSONReader.decode("2e3"), .int(2000))
    }
}

final class JSONWriterEscapingTests: XCTestCase {
    func testGoEscapingWithoutHTML() {
        XCTAssertEqual(JSONWriter.string(.string("<\u{8}\u{c}\u{1f}\u{2029}>")), #""<\b\f\u001f\u2029>""#)
    }
}
