import Foundation
import PalisadeCore
import XCTest
@testable import Posture

/// Structural checks against the SARIF 2.1.0 specification (OASIS), since no copy of its JSON
/// schema is available offline here: required properties, the `additionalProperties: false`
/// property sets of every object kind emitted (see `ReportsSARIFSpec`), enum values, and the
/// cross-references (ruleIndex → rules, uniqueness of tags).
final class ReportsSARIFTests: XCTestCase {
    private func log(_ report: ScanReport = ReportsFixtures.sample()) throws -> Value {
        try JSONReader.decode(ReportRenderer.render(report, as: .sarif, color: false))
    }

    func testLogConformsToSpecObjectModel() throws {
        for report in [ReportsFixtures.sample(), ReportsFixtures.hostile(), ReportsFixtures.empty()] {
            let problems = ReportsSARIFSpec.validate(try log(report))
            XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
        }
    }

    func testOneRunWithPalisadeDriverAndRules() throws {
        let sarif = try log()
        XCTAssertEqual(sarif["version"]?.stringValue, "2.1.0")
        let runs = try XCTUnwrap(sarif["runs"]?.arrayValue)
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap(runs[0]["tool"]?["driver"])
        XCTAssertEqual(driver["name"]?.stringValue, "palisade")
        let rules = try XCTUnwrap(driver["rules"]?.arrayValue)
        XCTAssertEqual(rules.compactMap { $0["id"]?.stringValue }, ["PAL-001", "PAL-010", "PAL-140", "PAL-180"])
        let rule = rules[0]
        XCTAssertEqual(rule["name"]?.stringValue, "PrivilegedContainer")
        XCTAssertEqual(rule["shortDescription"]?["text"]?.stringValue, "Privileged container")
        XCTAssertEqual(rule["help"]?["text"]?.stringValue, "Remove securityContext.privileged or set it to false.")
        XCTAssertEqual(rule["properties"]?["severity"]?.stringValue, "critical")
        XCTAssertEqual(rule["properties"]?["security-severity"]?.stringValue, "9.5")
        let tags = rule["properties"]?["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertTrue(tags.contains("CIS:5.2.2"))
        XCTAssertTrue(tags.contains("MITRE:T1611"))
    }

    func testResultsLevelsLocationsAndFingerprints() throws {
        let results = try XCTUnwrap(log()["runs"]?[item: 0]?["results"]?.arrayValue)
        XCTAssertEqual(results.count, 3)
        let web = try XCTUnwrap(results.first { $0["partialFingerprints"]?[SARIFReport.fingerprintKey]?.stringValue == ReportsFixtures.privilegedWeb.id })
        XCTAssertEqual(web["ruleId"]?.stringValue, "PAL-001")
        XCTAssertEqual(web["level"]?.stringValue, "error")
        let physical = web["locations"]?[item: 0]?["physicalLocation"]
        XCTAssertEqual(physical?["artifactLocation"]?["uri"]?.stringValue, "manifests/web.yaml")
        XCTAssertEqual(physical?["region"]?["startLine"]?.intValue, 12)
        XCTAssertEqual(web["locations"]?[item: 0]?["logicalLocations"]?[item: 0]?["fullyQualifiedName"]?.stringValue, "default/Deployment/web")

        let debug = try XCTUnwrap(results.first { $0["ruleId"]?.stringValue == "PAL-010" })
        XCTAssertNil(debug["locations"]?[item: 0]?["physicalLocation"], "a cluster object has no file")
        XCTAssertEqual(debug["locations"]?[item: 0]?["logicalLocations"]?[item: 0]?["name"]?.stringValue, "debug")
        XCTAssertNil(debug["suppressions"])
    }

    func testExemptedFindingIsExternallySuppressed() throws {
        let results = try XCTUnwrap(log()["runs"]?[item: 0]?["results"]?.arrayValue)
        let suppressed = results.filter { $0["suppressions"] != nil }
        XCTAssertEqual(suppressed.count, 1)
        let suppression = try XCTUnwrap(suppressed.first?["suppressions"]?[item: 0])
        XCTAssertEqual(suppression["kind"]?.stringValue, "external")
        XCTAssertEqual(suppression["status"]?.stringValue, "accepted")
        XCTAssertEqual(suppression["justification"]?.stringValue, "CNI agent needs host access")
        XCTAssertEqual(suppression["properties"]?["expires"]?.stringValue, "2027-03-31T00:00:00Z")
    }

    func testLevelsFollowSeverity() {
        XCTAssertEqual(Severity.allCases.map(SARIFReport.level), ["note", "note", "warning", "error", "error"])
    }

    func testErrorsAndNoticesAreToolNotifications() throws {
        let invocation = try XCTUnwrap(log()["runs"]?[item: 0]?["invocations"]?[item: 0])
        let levels = invocation["toolExecutionNotifications"]?.arrayValue?.compactMap { $0["level"]?.stringValue }
        XCTAssertEqual(levels, ["error", "note"])
    }

    /// Full JSON-schema validation with Python's `jsonschema`, when a copy of the official
    /// `sarif-schema-2.1.0.json` is named by `SARIF_SCHEMA` (none ships offline with pip or Debian).
    func testValidatesAgainstOfficialSchemaWhenProvided() throws {
        guard let schema = ProcessInfo.processInfo.environment["SARIF_SCHEMA"], FileManager.default.fileExists(atPath: schema) else {
            throw XCTSkip("set SARIF_SCHEMA to a copy of sarif-schema-2.1.0.json to validate against the official schema")
        }
        guard let python = ReportsExternalTool.find("python3") else { throw XCTSkip("python3 is not installed") }
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        log = json.load(sys.stdin)
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=str)
        for e in errors: print(list(e.absolute_path), e.message)
        sys.exit(1 if errors else 0)
        """
        for report in [ReportsFixtures.sample(), ReportsFixtures.hostile(), ReportsFixtures.empty()] {
            let text = ReportRenderer.render(report, as: .sarif, color: false)
            let result = try XCTUnwrap(ReportsExternalTool.run(python, ["-c", script, schema], stdin: text))
            if result.stderr.contains("No module named 'jsonschema'") { throw XCTSkip("python3 has no jsonschema module") }
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        }
    }

    func testArtifactURIsArePercentEncoded() {
        XCTAssertEqual(SARIFURI.reference(forPath: "./dir with space/<evil>.yaml"), "dir%20with%20space/%3Cevil%3E.yaml")
        XCTAssertEqual(SARIFURI.reference(forPath: "/abs/app.yaml"), "file:///abs/app.yaml")
    }
}

extension Value {
    /// Array element access for test navigation.
    subscript(item index: Int) -> Value? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
