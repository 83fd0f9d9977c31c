import XCTest
@testable import Posture

final class PodSecurityRegistryTests: XCTestCase {
    private func ids(_ level: PodSecurityLevel, _ version: PodSecurityVersion) -> [String] {
        PodSecurityEvaluator.checkIDs(level: level, version: version)
    }

    func testPrivilegedHasNoChecks() {
        XCTAssertEqual(ids(.privileged, .latest), [])
    }

    func testBaselineChecksInByteOrder() {
        XCTAssertEqual(ids(.baseline, .v1(0)), [
            "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPathVolumes", "hostPorts",
            "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline", "sysctls", "windowsHostProcess",
        ])
        XCTAssertTrue(ids(.baseline, .v1(34)).contains("hostProbesAndHostLifecycle"))
        XCTAssertFalse(ids(.baseline, .v1(33)).contains("hostProbesAndHostLifecycle"))
    }

    func testRestrictedOverridesBaselineChecks() {
        let v1Dot0 = ids(.restricted, .v1(0))
        XCTAssertFalse(v1Dot0.contains("hostPathVolumes"))
        XCTAssertTrue(v1Dot0.contains("capabilities_baseline"))
        XCTAssertTrue(v1Dot0.contains("seccompProfile_baseline"))
        XCTAssertFalse(v1Dot0.contains("allowPrivilegeEscalation"))
        XCTAssertTrue(ids(.restricted, .v1(8)).contains("allowPrivilegeEscalation"))
        XCTAssertFalse(ids(.restricted, .v1(19)).contains("seccompProfile_baseline"))
        XCTAssertFalse(ids(.restricted, .v1(22)).contains("capabilities_baseline"))
        XCTAssertTrue(ids(.restricted, .v1(34)).contains("procMount"))
        XCTAssertFalse(ids(.restricted, .v1(35)).contains("procMount"))
        XCTAssertEqual(ids(.restricted, .latest), [
            "appArmorProfile", "hostNamespaces", "hostPorts", "hostProbesAndHostLifecycle", "privileged",
            "seLinuxOptions", "sysctls", "windowsHostProcess",
            "allowPrivilegeEscalation", "capabilities_restricted", "procMount_restricted", "restrictedVolumes",
            "runAsNonRoot", "runAsUser", "seccompProfile_restricted",
        ])
    }

    func testVersionsAboveNewestClampToNewest() {
        XCTAssertEqual(ids(.restricted, .v1(99)), ids(.restricted, .latest))
        XCTAssertEqual(ids(.baseline, .v1(37)), ids(.baseline, .latest))
    }
}
