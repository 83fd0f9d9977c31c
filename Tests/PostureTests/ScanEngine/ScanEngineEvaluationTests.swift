import Kube
import PalisadeCore
@testable import Posture
import Rego
import XCTest

/// Evaluation semantics of docs/controls.md: input, kinds, data.inventory, data.palisade.config, deny, errors.
final class ScanEngineEvaluationTests: XCTestCase {
    func testDenyElementsBecomeFailedFindingsWithPathAndMetadata() throws {
        let report = try ScanEngineFixtures.scan(
            [ScanEngineFixtures.deployment("bad", privileged: true), ScanEngineFixtures.deployment("good")],
            controls: [ScanEngineFixtures.privileged])
        XCTAssertEqual(report.findings.count, 1)
        let finding = try XCTUnwrap(report.findings.first)
        XCTAssertEqual(finding.ruleID, "TST-001")
        XCTAssertEqual(finding.status, .failed)
        XCTAssertEqual(finding.severity, .high)
        XCTAssertEqual(finding.message, "container \"app\" is privileged")
        XCTAssertEqual(finding.path, "spec.template.spec.containers[0].securityContext.privileged")
        XCTAssertEqual(finding.resource?.name, "bad")
        XCTAssertEqual(finding.resource?.file, "bad.yaml")
        XCTAssertEqual(finding.mappings, [ControlMapping(framework: .nsaCisa, control: "hardening")])
        let result = try XCTUnwrap(report.controls.first)
        XCTAssertEqual([result.passed, result.failed, result.exempted, result.errors], [1, 1, 0, 0])
    }

    func testControlsOnlyRunOnTheirKinds() throws {
        let report = try ScanEngineFixtures.scan(
            [ScanEngineFixtures.object("Service", "svc"), ScanEngineFixtures.object("ConfigMap", "cm")],
            controls: [ScanEngineFixtures.privileged])
        XCTAssertEqual(report.resourceCount, 2)
        XCTAssertEqual(report.controls.first?.total, 0)
        XCTAssertNil(report.controls.first?.score)
        XCTAssertEqual(report.overallScore, 100)
    }

    func testInventoryHoldsEveryObjectInGatekeeperLayout() throws {
        let netpol = ScanEngineFixtures.object("NetworkPolicy", "deny-all", apiVersion: "networking.k8s.io/v1", namespace: "covered")
        let report = try ScanEngineFixtures.scan(
            [ScanEngineFixtures.deployment("a", namespace: "covered"), ScanEngineFixtures.deployment("b", namespace: "bare"), netpol],
            controls: [ScanEngineFixtures.networkPolicy])
        XCTAssertEqual(report.failures.map { $0.resource?.name }, ["b"])
        XCTAssertEqual(report.failures.first?.message, "namespace \"bare\" has no NetworkPolicy")
    }

    func testClusterScopedObjectsAreUnderCluster() throws {
        let control = ScanEngineFixtures.control(id: "TST-010", slug: "needs_ns", kinds: "[Deployment]", body: """
        deny contains {"msg": "namespace object missing"} if not data.inventory.cluster.v1.Namespace[input.metadata.namespace]
        """)
        let namespace = ScanEngineFixtures.object("Namespace", "declared", namespace: nil)
        let report = try ScanEngineFixtures.scan(
            [ScanEngineFixtures.deployment("in", namespace: "declared"), ScanEngineFixtures.deployment("out", namespace: "undeclared"), namespace],
            controls: [control])
        XCTAssertEqual(report.failures.map { $0.resource?.name }, ["out"])
    }

    func testControlConfigIsReadAsDataPalisadeConfig() throws {
        let objects = [ScanEngineFixtures.deployment("a", image: "registry.example.com/app:1"), ScanEngineFixtures.deployment("b", image: "evil.io/x:1")]
        let defaults = try ScanEngineFixtures.scan(objects, controls: [ScanEngineFixtures.registry])
        XCTAssertEqual(defaults.failures.count, 2, "no trusted registry when the setting is absent")
        let config = Value.object(fields: ["trusted_registries": .array([.string("registry.example.com/")])])
        let configured = try ScanEngineFixtures.scan(objects, controls: [ScanEngineFixtures.registry], config: config)
        XCTAssertEqual(configured.failures.map { $0.resource?.name }, ["b"])
    }

    func testEvaluationErrorIsAnErrorNeverAPass() throws {
        let conflict = ScanEngineFixtures.control(id: "TST-011", slug: "conflict", kinds: "[Deployment]", body: """
        v := 1 if input.kind == "Deployment"
        v := 2 if input.kind == "Deployment"
        deny contains {"msg": "never"} if v == 3
        """)
        let report = try ScanEngineFixtures.scan([ScanEngineFixtures.deployment("a")], controls: [conflict])
        let result = try XCTUnwrap(report.controls.first)
        XCTAssertEqual([result.passed, result.failed, result.errors], [0, 0, 1])
        XCTAssertEqual(result.score, 0)
        XCTAssertEqual(report.errors.count, 1)
        XCTAssertTrue(report.errors[0].hasPrefix("a.yaml:1: Deployment apps/a: TST-011: evaluation error"), report.errors[0])
    }

    func testDenyElementBreakingTheContractIsAnError() throws {
        let numbers = ScanEngineFixtures.control(id: "TST-012", slug: "numbers", kinds: "[Deployment]", body: "deny contains 42 if true")
        let report = try ScanEngineFixtures.scan([ScanEngineFixtures.deployment("a")], controls: [numbers])
        XCTAssertEqual(report.controls.first?.errors, 1)
        XCTAssertTrue(report.errors.first?.contains("string msg") ?? false, "\(report.errors)")
    }

    func testTwoResultsOnOneObjectAreTwoFindingsWithDistinctIDs() throws {
        let twice = ScanEngineFixtures.control(id: "TST-013", slug: "twice", kinds: "[Deployment]", body: """
        deny contains {"msg": "first"} if true
        deny contains {"msg": "second"} if true
        """)
        let report = try ScanEngineFixtures.scan([ScanEngineFixtures.deployment("a")], controls: [twice])
        XCTAssertEqual(report.findings.map(\.message).sorted(), ["first", "second"])
        XCTAssertEqual(Set(report.findings.map(\.id)).count, 2)
        XCTAssertEqual(report.controls.first?.failed, 1, "resources are counted once per control")
    }

    func testPodSecurityChecksAreControlsOfTheSameReport() throws {
        let pss = PodSecurityControls(policy: try PodSecurityPolicy(parsing: "baseline:latest"))
        let report = try ScanEngineFixtures.scan(
            [ScanEngineFixtures.deployment("bad", privileged: true), ScanEngineFixtures.deployment("good")],
            controls: [ScanEngineFixtures.privileged], podSecurity: pss)
        XCTAssertTrue(report.controls.contains { $0.control.id == "PSS-baseline-privileged" })
        let pssFailures = report.failures.filter { $0.ruleID.hasPrefix("PSS-") }
        XCTAssertEqual(pssFailures.map(\.ruleID), ["PSS-baseline-privileged"])
        XCTAssertEqual(pssFailures.first?.resource?.name, "bad")
        let privileged = try XCTUnwrap(report.controls.first { $0.control.id == "PSS-baseline-privileged" })
        XCTAssertEqual([privileged.passed, privileged.failed], [1, 1])
    }
}
