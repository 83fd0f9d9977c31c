import XCTest
import PalisadeCore
@testable import Posture

/// Reasons and details of the Restricted checks, and the admission message.
final class PodSecurityRestrictedMessageTests: XCTestCase {
    private typealias S = PodSecurityTestSupport

    private let bare = """
    apiVersion: v1
    kind: Pod
    metadata: {name: bare}
    spec:
      initContainers: [{name: init, image: x}]
      containers: [{name: app, image: x}]
    """

    func testBarePodAtRestrictedLatest() throws {
        let found = S.violations(bare, "restricted:latest")
        XCTAssertEqual(found.map(\.checkID), ["allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted"])
        let policy = try PodSecurityPolicy(parsing: "restricted:latest")
        XCTAssertEqual(PodSecurityEvaluator.denialMessage(found, policy: policy), """
            violates PodSecurity "restricted:latest": \
            allowPrivilegeEscalation != false (containers "init", "app" must set securityContext.allowPrivilegeEscalation=false), \
            unrestricted capabilities (containers "init", "app" must set securityContext.capabilities.drop=["ALL"]), \
            runAsNonRoot != true (pod or containers "init", "app" must set securityContext.runAsNonRoot=true), \
            seccompProfile (pod or containers "init", "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")
            """)
        XCTAssertNil(PodSecurityEvaluator.denialMessage([], policy: policy))
    }

    func testBarePodAtOldVersionsHasFewerChecks() {
        XCTAssertEqual(S.violations(bare, "restricted:v1.0").map(\.checkID), ["runAsNonRoot"])
        XCTAssertEqual(S.violations(bare, "restricted:v1.8").map(\.checkID), ["allowPrivilegeEscalation", "runAsNonRoot"])
        XCTAssertEqual(S.violations(bare, "baseline:latest"), [])
    }

    func testWindowsPodsExemptFrom1Dot25() {
        let windows = bare.replacingOccurrences(of: "spec:\n", with: "spec:\n  os: {name: windows}\n  securityContext: {runAsNonRoot: true}\n")
        XCTAssertEqual(S.violations(windows, "restricted:v1.25"), [])
        XCTAssertEqual(S.violations(windows, "restricted:v1.24").map(\.checkID),
                       ["allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted"])
    }

    func testExplicitRunAsNonRootFalse() {
        let pod = S.restrictedPod(bSecurity: "runAsNonRoot: false").replacingOccurrences(of: "runAsNonRoot: true", with: "runAsNonRoot: false")
        XCTAssertEqual(S.single(pod, "restricted:latest")?.message,
                       #"runAsNonRoot != true (pod and container "b" must not set securityContext.runAsNonRoot=false)"#)
    }

    func testRunAsUserZero() {
        let pod = S.restrictedPod(aSecurity: "runAsUser: 0", bSecurity: "runAsUser: 1000", podSecurity: "runAsUser: 0")
        XCTAssertEqual(S.single(pod, "restricted:latest")?.message, #"runAsUser=0 (pod and container "a" must not set runAsUser=0)"#)
        XCTAssertEqual(S.violations(pod, "restricted:v1.22"), [])
    }

    func testUserNamespacePodsSkipRunAsChecksFrom1Dot35() {
        let pod = S.restrictedPod(aSecurity: "runAsUser: 0", spec: "hostUsers: false")
            .replacingOccurrences(of: "runAsNonRoot: true", with: "runAsNonRoot: false")
        XCTAssertEqual(S.violations(pod, "restricted:v1.34").map(\.checkID), ["runAsNonRoot", "runAsUser"])
        XCTAssertEqual(S.violations(pod, "restricted:v1.35"), [])
    }

    func testUnrestrictedCapabilities() {
        let pod = """
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: Localhost, localhostProfile: p}}
          containers:
          - {name: a, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [all], add: [NET_BIND_SERVICE]}}}
          - {name: b, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [SYS_TIME, CHOWN]}}}
        """
        XCTAssertEqual(S.single(pod, "restricted:latest")?.message, "unrestricted capabilities ("
            + #"container "a" must set securityContext.capabilities.drop=["ALL"]; "#
            + #"container "b" must not include "CHOWN", "SYS_TIME" in securityContext.capabilities.add)"#)
    }

    func testSeccompRestrictedExplicitBadValue() {
        let pod = S.restrictedPod(bSecurity: "seccompProfile: {type: Unconfined}")
        XCTAssertEqual(S.single(pod, "restricted:latest")?.message,
                       #"seccompProfile (container "b" must not set securityContext.seccompProfile.type to "Unconfined")"#)
    }

    func testRestrictedVolumeTypes() {
        let volumes = """
        volumes:
        - {name: a, nfs: {server: s, path: /}}
        - {name: b, gitRepo: {repository: r}}
        - {name: c, image: {reference: r}}
        - {name: d}
        - {name: e, csi: {driver: d}}
        """
        XCTAssertEqual(S.single(S.restrictedPod(spec: volumes), "restricted:v1.0")?.message,
                       #"restricted volume types (volumes "a", "b" use restricted volume types "gitRepo", "nfs")"#)
    }
}
