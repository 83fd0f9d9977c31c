import XCTest
import Kube
import PalisadeCore
@testable import Posture

final class PodSecurityScanTests: XCTestCase {
    private let manifests = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web, namespace: shop}
    spec:
      template:
        spec:
          hostNetwork: true
          containers:
          - name: app
            image: nginx
            securityContext: {privileged: true}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {a: b}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: fine}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: app
        image: nginx
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {drop: [ALL]}
    """

    func testBaselineViolationsBecomeFindingsPerWorkload() throws {
        let set = ManifestLoader().load(text: manifests, file: "m.yaml")
        XCTAssertTrue(set.errors.isEmpty, "\(set.errors)")
        let findings = PodSecurityScan.findings(for: set.objects, policy: try PodSecurityPolicy(parsing: "baseline:latest"))
        let checks = Set(findings.map(\.ruleID))
        XCTAssertEqual(checks, ["PSS-baseline-hostNamespaces", "PSS-baseline-privileged"])
        XCTAssertTrue(findings.allSatisfy { $0.resource?.name == "web" && $0.resource?.file == "m.yaml" })
        XCTAssertTrue(findings.allSatisfy { $0.mappings.first?.framework == .podSecurityStandards })
        XCTAssertTrue(findings.contains { $0.message.contains("privileged") })
    }

    func testRestrictedPodThatMeetsTheStandardHasNoFindings() throws {
        let set = ManifestLoader().load(text: manifests, file: "m.yaml")
        let findings = PodSecurityScan.findings(for: set.objects, policy: try PodSecurityPolicy(parsing: "restricted:latest"))
        XCTAssertFalse(findings.contains { $0.resource?.name == "fine" }, "\(findings.map(\.message))")
        XCTAssertTrue(findings.contains { $0.resource?.name == "web" })
        let privileged = findings.first { $0.ruleID == "PSS-restricted-privileged" }
        XCTAssertEqual(privileged?.severity, .high, "baseline checks stay high under restricted")
        XCTAssertEqual(findings.first { $0.ruleID == "PSS-restricted-runAsNonRoot" }?.severity, .medium)
    }
}
