import XCTest
import PalisadeCore
@testable import Posture

final class NodeBenchmarkJSONPathTests: XCTestCase {
    private func eval(_ path: String, _ json: String) throws -> String {
        try BenchJSONPath(path).execute(try JSONReader.decode(json))
    }

    func testFieldsIndexesAndRanges() throws {
        let doc = #"{"a":{"b-c":7,"list":["x","y","z"],"f":1.5,"t":true},"n":null}"#
        XCTAssertEqual(try eval("{.a.b-c}", doc), "7")
        XCTAssertEqual(try eval("{.a.list[1]}", doc), "y")
        XCTAssertEqual(try eval("{.a.list[-1]}", doc), "z")
        XCTAssertEqual(try eval("{.a.list[*]}", doc), "x y z")
        XCTAssertEqual(try eval("{range .a.list[:]}{}{','}{end}", doc), "x,y,z,")
        XCTAssertEqual(try eval("{.a.f} {.a.t}", doc), "1.5 true")
        XCTAssertEqual(try eval("{.missing.key}", doc), "")
        XCTAssertEqual(try eval("{['a']['b-c']}", doc), "7")
        XCTAssertEqual(try eval("{.n}", doc), "<nil>")
    }

    func testErrors() {
        XCTAssertThrowsError(try BenchJSONPath("{.a"))
        XCTAssertThrowsError(try BenchJSONPath("{range .a}{.b}"))
        XCTAssertThrowsError(try BenchJSONPath("{.a[?(@.x==1)]}"))
    }
}
