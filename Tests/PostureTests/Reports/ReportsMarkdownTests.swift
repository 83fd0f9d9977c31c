import XCTest
@testable import Posture

final class ReportsMarkdownTests: XCTestCase {
    private let sample = ReportRenderer.render(ReportsFixtures.sample(), as: .markdown, color: false)

    /// The number of cell separators: pipes not escaped by a backslash.
    private func separators(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    func testSummaryFrameworksAndFailedFindings() {
        XCTAssertTrue(sample.contains("| Overall score | **77.78%** |"))
        XCTAssertTrue(sample.contains("| Failed: critical | 1 |"))
        XCTAssertTrue(sample.contains("### NSA-CISA (83.33%)"))
        XCTAssertTrue(sample.contains("| PAL-001 | Privileged container | 5.2.2 | 66.67% | ❌ fail |"))
        XCTAssertTrue(sample.contains("| PAL-140 | Service of type NodePort | Network separation | 100.00% | ✅ pass |"))
        XCTAssertTrue(sample.contains("| critical | PAL-001 | Deployment default/web | manifests/web.yaml:12 |"))
    }

    func testExemptedFindingsHaveTheirOwnTable() throws {
        let failed = try XCTUnwrap(sample.range(of: "## Failed findings"))
        let exempted = try XCTUnwrap(sample.range(of: "## Exempted findings"))
        XCTAssertFalse(sample[failed.upperBound..<exempted.lowerBound].contains("cilium"))
        XCTAssertTrue(sample[exempted.upperBound...].contains(
            "| PAL-001 | DaemonSet kube-system/cilium | container \"agent\" is privileged | CNI agent needs host access | 2027-03-31 | exceptions.yaml |"))
    }

    func testHostileCellsKeepTableShape() {
        let text = ReportRenderer.render(ReportsFixtures.hostile(), as: .markdown, color: false)
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertTrue(text.contains("&lt;script&gt;"))
        XCTAssertTrue(text.contains("a\\|b"))
        var expected = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = 0; continue }
            if expected == 0 { expected = separators(line) }
            XCTAssertEqual(separators(line), expected, "row has a different column count: \(line)")
        }
    }
}
