import XCTest

/// Privileged mode, capabilities, users and privilege escalation.
final class ControlsWorkloadPrivilegeTests: XCTestCase {
    func testPrivilegedContainer() throws {
        try workloadDenies("privileged_container", """
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  initContainers: [{name: init, image: busybox, securityContext: {privileged: true}}]
                  containers:
                  - {name: app, image: nginx, securityContext: {privileged: false}}
                  - {name: side, image: envoy, securityContext: {privileged: true}}
            """, [
                ("spec.template.spec.initContainers[0].securityContext.privileged", "init container \"init\" runs privileged"),
                ("spec.template.spec.containers[1].securityContext.privileged", "container \"side\" runs privileged"),
            ])
        try workloadPasses("privileged_container", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: app, image: nginx, securityContext: {privileged: false}}]
            """)
    }

    func testDangerousCapabilities() throws {
        try workloadDenies("dangerous_capabilities", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: app
                image: nginx
                securityContext: {capabilities: {add: [NET_BIND_SERVICE, sys_admin, CAP_SYS_PTRACE]}}
            """, [
                ("spec.containers[0].securityContext.capabilities.add[1]", "adds capability sys_admin"),
                ("spec.containers[0].securityContext.capabilities.add[2]", "adds capability CAP_SYS_PTRACE"),
            ])
        try workloadPasses("dangerous_capabilities", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: app, image: nginx, securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}}}
            """)
    }

    func testNetRawCapability() throws {
        try workloadDenies("net_raw_capability", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx}
              - {name: b, image: nginx, securityContext: {capabilities: {drop: [ALL], add: [NET_RAW]}}}
              - {name: c, image: nginx, securityContext: {capabilities: {drop: [NET_RAW]}}}
            """, [
                ("spec.containers[0].securityContext.capabilities.drop", "container \"a\" does not drop NET_RAW"),
                ("spec.containers[1].securityContext.capabilities.add[0]", "container \"b\" adds NET_RAW"),
            ])
        try workloadPasses("net_raw_capability", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx, securityContext: {capabilities: {drop: [ALL]}}}]
            """)
    }

    func testCapabilitiesNotDropped() throws {
        // PSS restricted compares the drop list with "ALL" exactly.
        try workloadDenies("capabilities_not_dropped", """
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers: [{name: init, image: busybox}]
              containers:
              - {name: a, image: nginx, securityContext: {capabilities: {drop: [ALL]}}}
              - {name: b, image: nginx, securityContext: {capabilities: {drop: [All]}}}
            """, [
                ("spec.initContainers[0].securityContext.capabilities.drop", "init container \"init\""),
                ("spec.containers[1].securityContext.capabilities.drop", "container \"b\" does not drop ALL"),
            ])
        try workloadPasses("capabilities_not_dropped", """
            kind: Pod
            metadata: {name: web}
            spec:
              os: {name: windows}
              containers: [{name: a, image: iis}]
            """)
    }

    func testCapabilitiesBeyondBaseline() throws {
        try workloadDenies("capabilities_beyond_baseline", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, securityContext: {capabilities: {add: [CHOWN, NET_ADMIN]}}}
            """, [("spec.containers[0].securityContext.capabilities.add[1]", "adds capability NET_ADMIN, outside the Baseline set")])
        try workloadPasses("capabilities_beyond_baseline", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, securityContext: {capabilities: {add: [CHOWN, SETUID, NET_BIND_SERVICE]}}}
            """)
    }

    func testCapabilitiesBeyondRestricted() throws {
        try workloadDenies("capabilities_beyond_restricted", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}}}
            """, [("spec.containers[0].securityContext.capabilities.add[1]", "adds capability CHOWN")])
        try workloadPasses("capabilities_beyond_restricted", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}}
            """)
    }

    func testRunAsNonRoot() throws {
        try workloadDenies("run_as_non_root_not_set", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx}
              - {name: b, image: nginx, securityContext: {runAsNonRoot: true}}
              - {name: c, image: nginx, securityContext: {runAsNonRoot: false}}
            """, [
                ("spec.containers[0].securityContext.runAsNonRoot", "neither the pod nor container \"a\""),
                ("spec.containers[2].securityContext.runAsNonRoot", "container \"c\" sets runAsNonRoot: false"),
            ])
        try workloadDenies("run_as_non_root_not_set", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsNonRoot: false}
              containers: [{name: a, image: nginx, securityContext: {runAsNonRoot: true}}]
            """, [("spec.securityContext.runAsNonRoot", "pod sets runAsNonRoot: false")])
        try workloadPasses("run_as_non_root_not_set", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsNonRoot: true}
              containers: [{name: a, image: nginx}, {name: b, image: nginx, securityContext: {runAsNonRoot: true}}]
            """)
        // A pod in its own user namespace is exempt (PSS 1.35).
        try workloadPasses("run_as_non_root_not_set", """
            kind: Pod
            metadata: {name: web}
            spec:
              hostUsers: false
              containers: [{name: a, image: nginx}]
            """)
    }

    func testRunAsUserRoot() throws {
        try workloadDenies("run_as_user_root", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsUser: 0}
              containers: [{name: a, image: nginx, securityContext: {runAsUser: 0}}, {name: b, image: nginx, securityContext: {runAsUser: 1000}}]
            """, [
                ("spec.securityContext.runAsUser", "pod sets runAsUser: 0"),
                ("spec.containers[0].securityContext.runAsUser", "container \"a\" sets runAsUser: 0"),
            ])
        try workloadPasses("run_as_user_root", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsUser: 1000}
              containers: [{name: a, image: nginx}]
            """)
    }

    func testRunAsGroupRoot() throws {
        try workloadDenies("run_as_group_root", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx, securityContext: {runAsGroup: 0}}]
            """, [("spec.containers[0].securityContext.runAsGroup", "container \"a\" sets runAsGroup: 0")])
        try workloadPasses("run_as_group_root", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsGroup: 3000}
              containers: [{name: a, image: nginx}]
            """)
    }

    func testAllowPrivilegeEscalation() throws {
        try workloadDenies("allow_privilege_escalation", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx}
              - {name: b, image: nginx, securityContext: {allowPrivilegeEscalation: true}}
              - {name: c, image: nginx, securityContext: {allowPrivilegeEscalation: false}}
            """, [
                ("spec.containers[0].securityContext.allowPrivilegeEscalation", "container \"a\""),
                ("spec.containers[1].securityContext.allowPrivilegeEscalation", "container \"b\""),
            ])
        try workloadPasses("allow_privilege_escalation", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx, securityContext: {allowPrivilegeEscalation: false}}]
            """)
    }
}
