import Kube
import PalisadeCore
@testable import Posture
import XCTest

/// Scores by the formulas of docs/controls.md, against values computed by hand.
final class ScanEngineScoreTests: XCTestCase {
    /// A: privileged (high; NSA-CISA, CIS) fails on a → 3 passed, 1 failed → 75.
    /// B: names a, b, c fail (medium; CIS, MITRE); b exempted → 1 passed, 1 exempted, 2 failed → 50.
    /// C: Services only (MITRE), applies to nothing → no score.
    private func report() throws -> ScanReport {
        let a = ScanEngineFixtures.control(id: "S-A", slug: "a", kinds: "[Deployment]", frameworks: "{NSA-CISA: [n1], CIS: [\"5.2.1\"]}", body: """
        deny contains {"msg": "privileged"} if input.spec.template.spec.containers[_].securityContext.privileged == true
        """)
        let b = ScanEngineFixtures.control(id: "S-B", slug: "b", severity: "medium", kinds: "[Deployment]", frameworks: "{CIS: [\"5.1.1\"], MITRE: [T1]}", body: """
        deny contains {"msg": "listed"} if input.metadata.name in {"a", "b", "c"}
        """)
        let c = ScanEngineFixtures.control(id: "S-C", slug: "c", kinds: "[Service]", frameworks: "{MITRE: [T2]}", body: """
        deny contains {"msg": "any"} if true
        """)
        let objects = [ScanEngineFixtures.deployment("a", privileged: true), ScanEngineFixtures.deployment("b"),
                       ScanEngineFixtures.deployment("c"), ScanEngineFixtures.deployment("d")]
        let exception = ScanException(control: GlobPattern("S-B"), name: GlobPattern("b"), justification: "ok",
                                      origin: .file(SourceLocation(file: "x", line: 1, column: 1)))
        return try ScanEngineFixtures.scan(objects, controls: [a, b, c], exceptions: [exception])
    }

    func testPerControlScore() throws {
        let results = Dictionary(uniqueKeysWithValues: try report().controls.map { ($0.control.id, $0) })
        XCTAssertEqual(results["S-A"]?.score, 75)
        XCTAssertEqual(results["S-B"].map { [$0.passed, $0.exempted, $0.failed] }, [1, 1, 2])
        XCTAssertEqual(results["S-B"]?.score, 50)
        XCTAssertEqual(results["S-C"]?.total, 0)
        XCTAssertNil(results["S-C"]?.score)
    }

    func testOverallIsTheMeanOfAppliedControls() throws {
        XCTAssertEqual(try report().overallScore, 62.5)
    }

    func testFrameworkScoresLeaveOutControlsThatDidNotApply() throws {
        let frameworks = Dictionary(uniqueKeysWithValues: try report().frameworks.map { ($0.framework.rawValue, $0) })
        XCTAssertEqual(frameworks.keys.sorted(), ["CIS", "MITRE", "NSA-CISA"])
        XCTAssertEqual(frameworks["CIS"]?.score, 62.5)
        XCTAssertEqual(frameworks["NSA-CISA"]?.score, 75)
        XCTAssertEqual(frameworks["MITRE"]?.score, 50)
        XCTAssertEqual(frameworks["MITRE"]?.controls, 2)
        XCTAssertEqual(frameworks["MITRE"]?.failedControls, 1)
    }

    func testSeverityCountsCountFailedFindingsOnly() throws {
        let counts = try report().severityCounts
        XCTAssertEqual(counts[.high], 1)
        XCTAssertEqual(counts[.medium], 2)
        XCTAssertEqual(counts[.critical], 0)
        XCTAssertEqual(counts[.low], 0)
        XCTAssertEqual(counts[.info], 0)
    }

    func testNothingAppliedScoresHundred() {
        XCTAssertEqual(ScanScoring.overall([]), 100)
    }
}

/// `--fail-threshold` and `--severity-threshold` (exit status 1 when breached).
final class ScanEngineThresholdTests: XCTestCase {
    private func report(score: Double, failures: [Severity]) -> ScanReport {
        let findings = failures.map { Finding(ruleID: "X", title: "x", severity: $0, resource: nil, message: "m") }
        return ScanReport(inputs: [], resourceCount: 1, controls: [], findings: findings, frameworks: [], overallScore: score,
                          severityCounts: ScanScoring.severityCounts(findings))
    }

    func testWithoutThresholdsAnyFailureBreaches() {
        XCTAssertTrue(ScanThresholds().breaches(report(score: 100, failures: [])).isEmpty)
        XCTAssertFalse(ScanThresholds().breaches(report(score: 99, failures: [.info])).isEmpty)
    }

    func testFailThresholdComparesNonCompliance() {
        let thresholds = ScanThresholds(failThreshold: 20)
        XCTAssertTrue(thresholds.breaches(report(score: 80, failures: [.critical])).isEmpty, "20% non-compliance is not above 20")
        XCTAssertFalse(thresholds.breaches(report(score: 79.5, failures: [.low])).isEmpty)
        XCTAssertFalse(ScanThresholds(failThreshold: 0).breaches(report(score: 99.9, failures: [.low])).isEmpty)
    }

    func testSeverityThresholdCountsFailuresAtOrAbove() {
        let thresholds = ScanThresholds(severityThreshold: .high)
        XCTAssertTrue(thresholds.breaches(report(score: 10, failures: [.medium, .low])).isEmpty)
        XCTAssertEqual(thresholds.breaches(report(score: 10, failures: [.high, .critical, .low])),
                       ["2 failed findings at or above severity high"])
    }

    func testExemptedFindingsNeverBreach() {
        let exempted = Finding(ruleID: "X", title: "x", severity: .critical, resource: nil, message: "m",
                               status: .exempted(Exemption(justification: "j")))
        let report = ScanReport(inputs: [], resourceCount: 1, controls: [], findings: [exempted], frameworks: [], overallScore: 100,
                                severityCounts: ScanScoring.severityCounts([exempted]))
        XCTAssertTrue(ScanThresholds().breaches(report).isEmpty)
        XCTAssertTrue(ScanThresholds(severityThreshold: .info).breaches(report).isEmpty)
    }
}
