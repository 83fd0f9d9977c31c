import XCTest
@testable import PalisadeCore

final class FindingsSeverityTests: XCTestCase {
    func testOrderAndNames() {
        XCTAssertEqual(Severity.allCases.sorted(), [.info, .low, .medium, .high, .critical])
        XCTAssertTrue(Severity.high > .medium)
        XCTAssertEqual(Severity.critical.name, "critical")
        XCTAssertEqual("\(Severity.low)", "low")
    }

    func testParsing() throws {
        XCTAssertEqual(Severity(parsing: " HIGH "), .high)
        XCTAssertEqual(Severity(parsing: "Informational"), .info)
        XCTAssertEqual(Severity(parsing: "moderate"), .medium)
        XCTAssertNil(Severity(parsing: "severe"))
        XCTAssertThrowsError(try Severity.parse("bad", at: SourceLocation(file: "r.yaml", line: 3, column: 5))) { error in
            XCTAssertEqual("\(error)", "r.yaml:3:5: unknown severity 'bad', expected one of info, low, medium, high, critical")
        }
    }

    func testAlertPriority() {
        XCTAssertEqual(AlertPriority(parsing: "info"), .informational)
        XCTAssertEqual(AlertPriority(parsing: "WARNING"), .warning)
        XCTAssertNil(AlertPriority(parsing: "loud"))
        XCTAssertTrue(AlertPriority.emergency > .critical)
        XCTAssertEqual(AlertPriority.warning.severity, .medium)
        XCTAssertEqual(AlertPriority.critical.name, "Critical")
    }
}
