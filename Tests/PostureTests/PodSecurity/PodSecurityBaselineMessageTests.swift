import XCTest
import PalisadeCore
@testable import Posture

/// Reasons and details of the Baseline checks, worded as upstream words them.
final class PodSecurityBaselineMessageTests: XCTestCase {
    private typealias S = PodSecurityTestSupport

    func testCompliantPodPassesEveryLevelAndVersion() {
        let pod = S.restrictedPod()
        for level in PodSecurityLevel.allCases {
            for minor in [0, 8, 19, 22, 23, 25, 34, 35, 37] {
                XCTAssertEqual(S.violations(pod, "\(level):v1.\(minor)"), [], "\(level) v1.\(minor)")
            }
        }
    }

    func testPrivileged() {
        let v = S.single(S.restrictedPod(aSecurity: "privileged: true", bSecurity: "privileged: true"), "baseline:latest")
        XCTAssertEqual(v?.checkID, "privileged")
        XCTAssertEqual(v?.message, #"privileged (containers "a", "b" must not set securityContext.privileged=true)"#)
    }

    func testHostNamespacesKeepUpstreamOrder() {
        let v = S.single(S.restrictedPod(spec: "hostIPC: true\nhostNetwork: true\nhostPID: true"), "baseline:v1.0")
        XCTAssertEqual(v?.message, "host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)")
    }

    func testHostPortsSortedAsStrings() {
        let ports = "ports:\n- {containerPort: 80, hostPort: 9000}\n- {containerPort: 81, hostPort: 10000}\n- {containerPort: 82}"
        let v = S.single(S.restrictedPod(bFields: ports), "baseline:latest")
        XCTAssertEqual(v?.message, #"hostPort (container "b" uses hostPorts 10000, 9000)"#)
    }

    func testHostPathVolumesAtBaselineAndRestricted() {
        let volumes = "volumes:\n- name: host\n  hostPath: {path: /}\n- name: cache\n  emptyDir: {}"
        XCTAssertEqual(S.single(S.restrictedPod(spec: volumes), "baseline:latest")?.message,
                       #"hostPath volumes (volume "host")"#)
        let restricted = S.single(S.restrictedPod(spec: volumes), "restricted:latest")
        XCTAssertEqual(restricted?.checkID, "restrictedVolumes")
        XCTAssertEqual(restricted?.message, #"restricted volume types (volume "host" uses restricted volume type "hostPath")"#)
    }

    func testNonDefaultCapabilities() {
        let pod = """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
          - name: a
            securityContext: {capabilities: {add: [NET_RAW, CHOWN, SYS_ADMIN]}}
          - name: b
            securityContext: {capabilities: {add: [NET_RAW]}}
        """
        XCTAssertEqual(S.single(pod, "baseline:latest")?.message,
                       #"non-default capabilities (containers "a", "b" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)"#)
    }

    func testAppArmorAnnotationsAreSortedAndQuoted() {
        let annotations = """
        annotations:
          container.apparmor.security.beta.kubernetes.io/: bogus
          container.apparmor.security.beta.kubernetes.io/a: ""
          container.apparmor.security.beta.kubernetes.io/b: runtime/default
          container.apparmor.security.beta.kubernetes.io/c: localhost/
          container.apparmor.security.beta.kubernetes.io/e: unconfined
          container.apparmor.security.beta.kubernetes.io/f: unknown
        """
        let v = S.single(S.restrictedPod(metadata: annotations), "baseline:latest")
        XCTAssertEqual(v?.reason, "forbidden AppArmor profiles")
        // Each entry is `key=%q`, and joinQuote adds quotes without escaping.
        XCTAssertEqual(v?.detail, "annotations must not set AppArmor profile type to "
            + #""container.apparmor.security.beta.kubernetes.io/="bogus"", "#
            + #""container.apparmor.security.beta.kubernetes.io/e="unconfined"", "#
            + #""container.apparmor.security.beta.kubernetes.io/f="unknown"""#)
    }

    func testAppArmorFields() {
        let v = S.single(S.restrictedPod(bSecurity: "appArmorProfile: {type: Unconfined}",
                                         podSecurity: "appArmorProfile: {type: Unconfined}"), "baseline:v1.0")
        XCTAssertEqual(v?.message, #"forbidden AppArmor profile (pod and container "b" must not set AppArmor profile type to "Unconfined")"#)
        XCTAssertEqual(S.violations(S.restrictedPod(aSecurity: "appArmorProfile: {type: Localhost, localhostProfile: x}"), "baseline:latest"), [])
    }

    func testSELinuxOptionsTypeSetGrewIn1Dot31() {
        let pod = S.restrictedPod(bSecurity: "seLinuxOptions: {type: container_engine_t}")
        XCTAssertEqual(S.single(pod, "baseline:v1.30")?.message,
                       #"seLinuxOptions (container "b" set forbidden securityContext.seLinuxOptions: type "container_engine_t")"#)
        XCTAssertEqual(S.violations(pod, "baseline:v1.31"), [])
    }

    func testSELinuxUserAndRoleWithoutBadType() {
        let pod = S.restrictedPod(aSecurity: "seLinuxOptions: {user: u}", podSecurity: "seLinuxOptions: {type: foo, role: r}")
        XCTAssertEqual(S.single(pod, "baseline:latest")?.detail,
                       #"pod and container "a" set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set; role may not be set"#)
    }

    func testProcMountRelaxedForUserNamespacesFrom1Dot35AtBaselineOnly() {
        let pod = S.restrictedPod(bSecurity: "procMount: Unmasked", spec: "hostUsers: false")
        XCTAssertEqual(S.single(pod, "baseline:v1.34")?.message,
                       #"procMount (container "b" must not set securityContext.procMount to "Unmasked")"#)
        XCTAssertEqual(S.violations(pod, "baseline:v1.35"), [])
        XCTAssertEqual(S.single(pod, "restricted:latest")?.checkID, "procMount_restricted")
    }

    func testSeccompAnnotationsBefore1Dot19() {
        let annotations = """
        annotations:
          seccomp.security.alpha.kubernetes.io/pod: unconfined
          container.seccomp.security.alpha.kubernetes.io/b: docker/default
          container.seccomp.security.alpha.kubernetes.io/a: "x\\"y"
        """
        let pod = S.restrictedPod(metadata: annotations)
        XCTAssertEqual(S.single(pod, "baseline:v1.18")?.detail,
                       #"forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="x\"y", seccomp.security.alpha.kubernetes.io/pod="unconfined""#)
        XCTAssertEqual(S.violations(pod, "baseline:v1.19"), [])
    }

    func testSeccompFieldsFrom1Dot19() {
        let pod = S.restrictedPod(aSecurity: "seccompProfile: {type: Unconfined}", bSecurity: "seccompProfile: {type: Bogus}")
        XCTAssertEqual(S.single(pod, "baseline:latest")?.message,
                       #"seccompProfile (containers "a", "b" must not set securityContext.seccompProfile.type to "Bogus", "Unconfined")"#)
        XCTAssertEqual(S.violations(pod, "baseline:v1.18"), [])
    }

    func testSysctlSafeListPerVersion() {
        let pod = S.restrictedPod(podSecurity: "sysctls:\n- {name: net.ipv4.tcp_notsent_lowat, value: '1'}\n- {name: kernel.msgmax, value: '1'}")
        XCTAssertEqual(S.single(pod, "baseline:v1.36")?.message, "forbidden sysctls (net.ipv4.tcp_notsent_lowat, kernel.msgmax)")
        XCTAssertEqual(S.single(pod, "baseline:latest")?.message, "forbidden sysctls (kernel.msgmax)")
    }

    func testWindowsHostProcess() {
        let pod = S.restrictedPod(bSecurity: "windowsOptions: {hostProcess: true}", podSecurity: "windowsOptions: {hostProcess: true}")
        XCTAssertEqual(S.single(pod, "baseline:latest")?.message,
                       #"hostProcess (pod and container "b" must not set securityContext.windowsOptions.hostProcess=true)"#)
    }

    func testProbeAndLifecycleHostsFrom1Dot34() {
        let probes = """
        livenessProbe: {httpGet: {host: b.com, port: 80}}
        lifecycle: {preStop: {tcpSocket: {host: a.com, port: 80}}}
        """
        let pod = S.restrictedPod(aFields: "startupProbe: {tcpSocket: {host: a.com, port: 1}}", bFields: probes)
        XCTAssertEqual(S.single(pod, "baseline:latest")?.message,
                       #"probe or lifecycle host (containers "a", "b" use probe or lifecycle hosts "a.com", "b.com")"#)
        XCTAssertEqual(S.violations(pod, "baseline:v1.33"), [])
    }
}
