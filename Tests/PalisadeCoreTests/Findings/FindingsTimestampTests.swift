import XCTest
@testable import PalisadeCore

final class FindingsTimestampTests: XCTestCase {
    func testFormatting() {
        XCTAssertEqual(Timestamp(seconds: 0).rfc3339, "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp(seconds: 1_700_000_000).rfc3339, "2023-11-14T22:13:20Z")
        XCTAssertEqual(Timestamp(nanoseconds: 1_700_000_000_000_000_123).rfc3339, "2023-11-14T22:13:20.000000123Z")
        XCTAssertEqual(Timestamp(seconds: -1).rfc3339, "1969-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp(nanoseconds: -1).rfc3339, "1969-12-31T23:59:59.999999999Z")
        XCTAssertEqual(Timestamp(seconds: 951_782_400).rfc3339, "2000-02-29T00:00:00Z")
    }

    func testParsing() {
        XCTAssertEqual(Timestamp(parsing: "2023-11-14T22:13:20Z"), Timestamp(seconds: 1_700_000_000))
        XCTAssertEqual(Timestamp(parsing: "2023-11-14T23:13:20+01:00"), Timestamp(seconds: 1_700_000_000))
        XCTAssertEqual(Timestamp(parsing: "2023-11-14T22:13:20.5Z")?.nanoseconds, 1_700_000_000_500_000_000)
        XCTAssertEqual(Timestamp(parsing: "2000-02-29"), Timestamp(seconds: 951_782_400))
        XCTAssertNil(Timestamp(parsing: "2001-02-29"))
        XCTAssertNil(Timestamp(parsing: "2023-11-14T22:13:20"))
        XCTAssertNil(Timestamp(parsing: "yesterday"))
        for seconds in stride(from: Int64(-5_000_000_000), to: 5_000_000_000, by: 123_456_789) {
            let t = Timestamp(seconds: seconds)
            XCTAssertEqual(Timestamp(parsing: t.rfc3339), t, t.rfc3339)
        }
    }
}
