import Foundation
import XCTest
@testable import Posture

/// JUnit XML: well-formedness checked by libxml2's `xmllint` (Debian libxml2-utils,
/// installed with apt-get when missing), structure by XPath over the same parser.
final class ReportsJUnitTests: XCTestCase {
    private func xmllint() throws -> String {
        guard let path = ReportsExternalTool.ensure("xmllint", aptPackage: "libxml2-utils") else {
            throw XCTSkip("xmllint is not installed and libxml2-utils could not be installed with apt-get")
        }
        return path
    }

    private func xpath(_ expression: String, _ file: URL, _ tool: String) -> String {
        ReportsExternalTool.run(tool, ["--xpath", expression, file.path])?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    func testWellFormedForSampleHostileAndEmptyReports() throws {
        let tool = try xmllint()
        for report in [ReportsFixtures.sample(), ReportsFixtures.hostile(), ReportsFixtures.empty()] {
            let file = try ReportsExternalTool.temporaryFile(ReportRenderer.render(report, as: .junit, color: false), suffix: ".xml")
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try XCTUnwrap(ReportsExternalTool.run(tool, ["--noout", file.path]))
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "")
        }
    }

    func testSuitePerControlCaseperResourceAndCounts() throws {
        let tool = try xmllint()
        let file = try ReportsExternalTool.temporaryFile(ReportRenderer.render(ReportsFixtures.sample(), as: .junit, color: false), suffix: ".xml")
        defer { try? FileManager.default.removeItem(at: file) }
        // Four controls plus the inputs suite.
        XCTAssertEqual(xpath("count(/testsuites/testsuite)", file, tool), "5")
        XCTAssertEqual(xpath("string(/testsuites/testsuite[1]/@name)", file, tool), "PAL-001 Privileged container")
        // PAL-001: the failing Deployment, the exempted DaemonSet, one summary case for the passing resource.
        XCTAssertEqual(xpath("count(/testsuites/testsuite[1]/testcase)", file, tool), "3")
        XCTAssertEqual(xpath("string(/testsuites/testsuite[1]/testcase[failure]/@name)", file, tool),
                       "Deployment default/web (manifests/web.yaml:12)")
        XCTAssertEqual(xpath("string(/testsuites/testsuite[1]/testcase/failure/@message)", file, tool), "container \"web\" is privileged")
        XCTAssertTrue(xpath("string(/testsuites/testsuite[1]/testcase[skipped]/skipped/@message)", file, tool)
            .contains("CNI agent needs host access (until 2027-03-31"))
        XCTAssertEqual(xpath("string(/testsuites/testsuite[1]/testcase[3]/@name)", file, tool), "1 resource passed")
        XCTAssertEqual(xpath("string(/testsuites/@failures)", file, tool), "2")
        XCTAssertEqual(xpath("count(//testcase/failure)", file, tool), "2")
        XCTAssertEqual(xpath("string(/testsuites/@errors)", file, tool), "1")
        XCTAssertEqual(xpath("string(/testsuites/@tests)", file, tool), xpath("count(//testcase)", file, tool))
        // A control that applied to nothing is one skipped case, so no suite is empty.
        XCTAssertEqual(xpath("count(/testsuites/testsuite[4]/testcase/skipped)", file, tool), "1")
        XCTAssertEqual(xpath("count(/testsuites/testsuite[not(testcase)])", file, tool), "0")
    }

    func testHostileStringsSurviveRoundTrip() throws {
        let tool = try xmllint()
        let file = try ReportsExternalTool.temporaryFile(ReportRenderer.render(ReportsFixtures.hostile(), as: .junit, color: false), suffix: ".xml")
        defer { try? FileManager.default.removeItem(at: file) }
        let message = xpath("string(//testcase/failure/@message)", file, tool)
        XCTAssertTrue(message.hasPrefix("Message <script>alert(\"x\")</script> & 'quoted' | pipe ]]>"), message)
        XCTAssertTrue(message.contains("\u{FFFD}[31mred"), "ESC cannot appear in XML 1.0 and is replaced")
    }
}
