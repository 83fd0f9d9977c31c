import PalisadeCore
import XCTest
@testable import Posture

final class ReportsJSONTests: XCTestCase {
    private func document(_ report: ScanReport = ReportsFixtures.sample()) throws -> Value {
        try JSONReader.decode(ReportRenderer.render(report, as: .json, color: false))
    }

    func testTopLevelSchemaVersionAndSections() throws {
        let json = try document()
        XCTAssertEqual(json["schemaVersion"]?.intValue, 1)
        let keys = json.objectValue?.keys.compactMap(\.stringValue).sorted()
        XCTAssertEqual(keys, ["controls", "errors", "findings", "frameworks", "inputs", "notices", "resourceCount",
                              "schemaVersion", "summary", "tool"])
        XCTAssertEqual(json["inputs"], .array([.string("manifests/"), .string("cluster:kind-dev")]))
        XCTAssertEqual(json["resourceCount"]?.intValue, 9)
        XCTAssertEqual(json["errors"]?.arrayValue?.count, 1)
        XCTAssertEqual(json["notices"]?.arrayValue?.count, 1)
    }

    func testSummaryScoresAreRoundedToHundredths() throws {
        let summary = try XCTUnwrap(document()["summary"])
        XCTAssertEqual(summary["overallScore"]?.numberValue?.description, "77.78")
        XCTAssertEqual(summary["severityCounts"]?["critical"]?.intValue, 1)
        XCTAssertEqual(summary["severityCounts"]?["high"]?.intValue, 1)
        XCTAssertEqual(summary["severityCounts"]?["info"]?.intValue, 0)
        XCTAssertEqual(summary["findings"]?["failed"]?.intValue, 2)
        XCTAssertEqual(summary["findings"]?["exempted"]?.intValue, 1)
        XCTAssertEqual(summary["controls"]?["applied"]?.intValue, 3)
        XCTAssertEqual(summary["controls"]?["failed"]?.intValue, 2)
    }

    func testControlsCarryCountsScoreAndStatus() throws {
        let controls = try XCTUnwrap(document()["controls"]?.arrayValue)
        XCTAssertEqual(controls.compactMap { $0["id"]?.stringValue }, ["PAL-001", "PAL-010", "PAL-140", "PAL-180"])
        XCTAssertEqual(controls[0]["score"]?.numberValue?.description, "66.67")
        XCTAssertEqual(controls[0]["status"]?.stringValue, "fail")
        XCTAssertEqual(controls[0]["exempted"]?.intValue, 1)
        XCTAssertEqual(controls[2]["score"]?.numberValue?.description, "100")
        XCTAssertEqual(controls[2]["status"]?.stringValue, "pass")
        XCTAssertEqual(controls[3]["score"], .null, "a control that applied to nothing has no score")
        XCTAssertEqual(controls[3]["status"]?.stringValue, "n/a")
    }

    func testFrameworkViewListsControlsWithRequirementIDs() throws {
        let frameworks = try XCTUnwrap(document()["frameworks"]?.arrayValue)
        XCTAssertEqual(frameworks.compactMap { $0["framework"]?.stringValue }, ["CIS", "MITRE", "NSA-CISA", "PSS"])
        let cis = try XCTUnwrap(frameworks.first)
        XCTAssertEqual(cis["score"]?.numberValue?.description, "66.67")
        let rows = try XCTUnwrap(cis["requirements"]?.arrayValue)
        XCTAssertEqual(rows.compactMap { $0["control"]?.stringValue }, ["PAL-001", "PAL-010"])
        XCTAssertEqual(rows[0]["requirements"], .array([.string("5.2.2")]))
        XCTAssertEqual(rows[1]["status"]?.stringValue, "fail")
    }

    func testFindingsKeepExemptionJustificationAndExpiry() throws {
        let findings = try XCTUnwrap(document()["findings"]?.arrayValue)
        XCTAssertEqual(findings.count, 3)
        let exempted = try XCTUnwrap(findings.first { $0["status"]?.stringValue == "exempted" })
        XCTAssertEqual(exempted["exemption"]?["justification"]?.stringValue, "CNI agent needs host access")
        XCTAssertEqual(exempted["exemption"]?["expires"]?.stringValue, "2027-03-31T00:00:00Z")
        XCTAssertEqual(findings.filter { $0["status"]?.stringValue == "failed" }.count, 2)
    }

    func testEmptyReportIsValidJSON() throws {
        let json = try document(ReportsFixtures.empty())
        XCTAssertEqual(json["summary"]?["overallScore"]?.intValue, 100)
        XCTAssertEqual(json["findings"]?.arrayValue?.count, 0)
    }
}
