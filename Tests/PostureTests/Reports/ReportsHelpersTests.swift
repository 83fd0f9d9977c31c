import PalisadeCore
import XCTest
@testable import Posture

final class ReportsHelpersTests: XCTestCase {
    func testFixedPrecisionScores() {
        XCTAssertEqual(ReportNumber.fixed(200.0 / 3), "66.67")
        XCTAssertEqual(ReportNumber.fixed(100), "100.00")
        XCTAssertEqual(ReportNumber.fixed(0.004), "0.00")
        XCTAssertEqual(ReportNumber.fixed(5.5), "5.50")
        XCTAssertEqual(ReportNumber.fixed(.nan), "0.00")
        XCTAssertEqual(ReportNumber.percent(nil), "n/a")
        XCTAssertEqual(ReportNumber.jsonValue(200.0 / 3).description, "66.67")
        XCTAssertEqual(ReportNumber.jsonValue(100).description, "100")
        XCTAssertEqual(ReportNumber.jsonValue(nil), .null)
    }

    func testExpiryDates() throws {
        XCTAssertEqual(ReportNumber.date(try XCTUnwrap(Timestamp(parsing: "2027-03-31"))), "2027-03-31")
        XCTAssertEqual(ReportNumber.date(try XCTUnwrap(Timestamp(parsing: "2027-03-31T12:30:00Z"))), "2027-03-31T12:30:00Z")
    }

    func testXMLEscaping() {
        XCTAssertEqual(ReportEscaping.xml("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        XCTAssertEqual(ReportEscaping.xml("a\nb\u{0}c"), "a&#10;b\u{FFFD}c")
        XCTAssertEqual(ReportEscaping.xml("a\nb", attribute: false), "a\nb")
    }

    func testHTMLEscaping() {
        XCTAssertEqual(ReportEscaping.html("<script>\"&'"), "&lt;script&gt;&quot;&amp;&#39;")
    }

    func testMarkdownCellEscaping() {
        XCTAssertEqual(ReportEscaping.markdownCell("a|b"), "a\\|b")
        XCTAssertEqual(ReportEscaping.markdownCell("x\r\ny\nz"), "x<br>y<br>z")
        XCTAssertEqual(ReportEscaping.markdownCell("*[link](u)* <b>"), "\\*\\[link\\](u)\\* &lt;b&gt;")
    }

    func testTerminalEscaping() {
        XCTAssertEqual(ReportEscaping.terminal("a\u{1B}[2Jb\u{9B}"), "a\\u{1B}[2Jb\\u{9B}")
    }

    func testIdentifiers() {
        XCTAssertEqual(ReportEscaping.identifier("PAL-001"), "PAL-001")
        XCTAssertEqual(ReportEscaping.identifier("a b\"<"), "a_20b_22_3c")
    }

    func testSARIFSpecCheckerRejectsUnknownAndMissingProperties() {
        let log: Value = .object(fields: [
            "version": .string("2.1.0"),
            "runs": .array([.object(fields: [
                "tool": .object(fields: ["driver": .object(fields: [:])]),
                "results": .array([.object(fields: [
                    "message": .object(fields: ["text": .string("m")]),
                    "suppressions": .array([.object(fields: ["kind": .string("external"), "state": .string("accepted")])]),
                    "level": .string("fatal"),
                ])]),
            ])]),
        ])
        let problems = ReportsSARIFSpec.validate(log)
        XCTAssertTrue(problems.contains { $0.contains("toolComponent requires 'name'") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("suppression does not allow 'state'") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains(".level") }, "\(problems)")
    }

    func testFindingWithoutControlEntryIsNeverDropped() throws {
        let finding = Finding(ruleID: "USR-9", title: "Custom rule", severity: .medium,
                              resource: ResourceRef(kind: "Pod", namespace: "x", name: "orphan"), message: "custom failure")
        let report = ScanReport(inputs: ["-"], resourceCount: 1, controls: [], findings: [finding], frameworks: [],
                                overallScore: 100, severityCounts: [.medium: 1])
        for format in ReportFormat.allCases {
            let text = ReportRenderer.render(report, as: format, color: false)
            XCTAssertTrue(text.contains("USR-9"), "\(format) lost the rule")
            XCTAssertTrue(text.contains("orphan"), "\(format) lost the resource")
        }
        let sarif = try JSONReader.decode(ReportRenderer.render(report, as: .sarif, color: false))
        XCTAssertEqual(sarif["runs"]?[item: 0]?["tool"]?["driver"]?["rules"]?[item: 0]?["id"]?.stringValue, "USR-9")
        XCTAssertEqual(sarif["runs"]?[item: 0]?["results"]?[item: 0]?["ruleIndex"]?.intValue, 0)
    }
}
