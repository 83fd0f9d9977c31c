import XCTest
@testable import Posture

/// Same input, byte-identical output: reports filled in different orders
/// (controls, findings, frameworks, severity-count dictionary) render the same bytes.
final class ReportsDeterminismTests: XCTestCase {
    func testEveryFormatIsByteIdenticalAcrossInsertionOrders() {
        for format in ReportFormat.allCases {
            for color in [false, true] {
                let first = ReportRenderer.render(ReportsFixtures.sample(), as: format, color: color)
                let again = ReportRenderer.render(ReportsFixtures.sample(), as: format, color: color)
                let reordered = ReportRenderer.render(ReportsFixtures.sample(reversed: true), as: format, color: color)
                XCTAssertEqual(Array(first.utf8), Array(again.utf8), "\(format) differs between two renders")
                XCTAssertEqual(Array(first.utf8), Array(reordered.utf8), "\(format) depends on insertion order")
            }
        }
    }

    func testHostileAndEmptyReportsAreStableToo() {
        for format in ReportFormat.allCases {
            for report in [ReportsFixtures.hostile, ReportsFixtures.empty] {
                XCTAssertEqual(ReportRenderer.render(report(), as: format, color: false),
                               ReportRenderer.render(report(), as: format, color: false))
            }
        }
    }

    func testColourChangesOnlyTheTable() {
        for format in ReportFormat.allCases where format != .table {
            XCTAssertEqual(ReportRenderer.render(ReportsFixtures.sample(), as: format, color: true),
                           ReportRenderer.render(ReportsFixtures.sample(), as: format, color: false))
        }
    }
}
