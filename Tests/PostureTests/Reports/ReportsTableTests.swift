import XCTest
@testable import Posture

final class ReportsTableTests: XCTestCase {
    private let plain = ReportRenderer.render(ReportsFixtures.sample(), as: .table, color: false)

    func testControlsGroupedMostSevereFirst() throws {
        let critical = try XCTUnwrap(plain.range(of: "PAL-001"))
        let high = try XCTUnwrap(plain.range(of: "PAL-010"))
        XCTAssertLessThan(critical.lowerBound, high.lowerBound)
        XCTAssertTrue(plain.contains("CRITICAL"))
        XCTAssertFalse(plain.contains("PAL-140"), "a passing control has no block")
    }

    func testFailingResourceShowsLocationPathAndMessage() {
        let line = plain.split(separator: "\n").first { $0.contains("Deployment default/web") }.map(String.init) ?? ""
        XCTAssertTrue(line.contains("FAIL"))
        XCTAssertTrue(line.contains("manifests/web.yaml:12"))
        XCTAssertTrue(line.contains("spec.template.spec.containers[0].securityContext.privileged"))
        XCTAssertTrue(plain.contains("container \"web\" is privileged"))
        XCTAssertTrue(plain.contains("Pod default/debug  cluster"))
    }

    func testExemptedFindingIsMarkedWithJustificationAndExpiry() {
        let line = plain.split(separator: "\n").first { $0.contains("DaemonSet kube-system/cilium") }.map(String.init) ?? ""
        XCTAssertTrue(line.contains("EXEMPT"))
        XCTAssertFalse(line.contains("FAIL"))
        XCTAssertTrue(plain.contains("exempted: CNI agent needs host access (until 2027-03-31, from exceptions.yaml)"))
    }

    func testSummaryHasScoresAndSeverityCounts() {
        XCTAssertTrue(plain.contains("Overall score       77.78%"))
        XCTAssertTrue(plain.contains("NSA-CISA            83.33%"))
        XCTAssertTrue(plain.contains("critical 1, high 1, medium 0, low 0, info 0"))
        XCTAssertTrue(plain.contains("Exempted findings   1"))
        XCTAssertTrue(plain.contains("manifests/broken.yaml:3: mapping values are not allowed here"))
        XCTAssertTrue(plain.contains("skipped a document that is not a Kubernetes object"))
    }

    func testColourOnlyWhenAsked() {
        XCTAssertFalse(plain.contains("\u{1B}"))
        let coloured = ReportRenderer.render(ReportsFixtures.sample(), as: .table, color: true)
        XCTAssertTrue(coloured.contains("\u{1B}[1;31mCRITICAL"))
        XCTAssertTrue(coloured.contains("\u{1B}[0m"))
    }

    func testHostileControlCharactersAreNotEmitted() {
        for color in [false, true] {
            let text = ReportRenderer.render(ReportsFixtures.hostile(), as: .table, color: color)
            XCTAssertFalse(text.contains("\u{1B}[31mred"), "an escape sequence from input must not reach the terminal")
            XCTAssertTrue(text.contains("\\u{1B}[31mred"))
        }
    }

    func testEmptyReportSaysNoFailures() {
        let text = ReportRenderer.render(ReportsFixtures.empty(), as: .table, color: false)
        XCTAssertTrue(text.contains("No failed findings."))
        XCTAssertTrue(text.contains("100.00%"))
    }
}
