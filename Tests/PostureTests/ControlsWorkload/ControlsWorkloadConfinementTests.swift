import XCTest

/// Filesystem, seccomp, AppArmor, SELinux, /proc, sysctls, volumes, probes' hosts.
final class ControlsWorkloadConfinementTests: XCTestCase {
    func testWritableRootFilesystem() throws {
        try workloadDenies("writable_root_filesystem", """
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers: [{name: init, image: busybox, securityContext: {readOnlyRootFilesystem: false}}]
              containers: [{name: a, image: nginx}, {name: b, image: nginx, securityContext: {readOnlyRootFilesystem: true}}]
            """, [
                ("spec.initContainers[0].securityContext.readOnlyRootFilesystem", "init container \"init\""),
                ("spec.containers[0].securityContext.readOnlyRootFilesystem", "container \"a\""),
            ])
        try workloadPasses("writable_root_filesystem", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx, securityContext: {readOnlyRootFilesystem: true}}]
            """)
    }

    func testSeccompProfileNotSet() throws {
        try workloadDenies("seccomp_profile_not_set", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx}
              - {name: b, image: nginx, securityContext: {seccompProfile: {type: RuntimeDefault}}}
            """, [("spec.containers[0].securityContext.seccompProfile", "neither the pod nor container \"a\"")])
        try workloadPasses("seccomp_profile_not_set", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}
              containers: [{name: a, image: nginx}]
            """)
    }

    func testSeccompUnconfined() throws {
        try workloadDenies("seccomp_unconfined", """
            kind: Pod
            metadata:
              name: web
              annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}
            spec:
              securityContext: {seccompProfile: {type: RuntimeDefault}}
              containers: [{name: a, image: nginx, securityContext: {seccompProfile: {type: Unconfined}}}]
            """, [
                ("spec.containers[0].securityContext.seccompProfile.type", "container \"a\" sets seccompProfile.type Unconfined"),
                ("metadata.annotations", "seccomp.security.alpha.kubernetes.io/pod is unconfined"),
            ])
        try workloadPasses("seccomp_unconfined", """
            kind: Pod
            metadata:
              name: web
              annotations: {container.seccomp.security.alpha.kubernetes.io/a: runtime/default}
            spec:
              containers: [{name: a, image: nginx}]
            """)
    }

    func testAppArmorUnconfined() throws {
        try workloadDenies("apparmor_unconfined", """
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata:
                  annotations: {container.apparmor.security.beta.kubernetes.io/a: unconfined}
                spec:
                  securityContext: {appArmorProfile: {type: Unconfined}}
                  containers: [{name: a, image: nginx}]
            """, [
                ("spec.template.spec.securityContext.appArmorProfile.type", "pod sets appArmorProfile.type Unconfined"),
                ("spec.template.metadata.annotations", "container.apparmor.security.beta.kubernetes.io/a"),
            ])
        try workloadPasses("apparmor_unconfined", """
            kind: Pod
            metadata:
              name: web
              annotations: {container.apparmor.security.beta.kubernetes.io/a: localhost/k8s-nginx}
            spec:
              containers: [{name: a, image: nginx, securityContext: {appArmorProfile: {type: RuntimeDefault}}}]
            """)
    }

    func testSELinuxCustomOptions() throws {
        try workloadDenies("selinux_custom_options", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {seLinuxOptions: {type: spc_t}}
              containers:
              - {name: a, image: nginx, securityContext: {seLinuxOptions: {user: system_u}}}
              - {name: b, image: nginx, securityContext: {seLinuxOptions: {type: container_t, level: "s0:c123,c456"}}}
            """, [
                ("spec.securityContext.seLinuxOptions", "pod sets SELinux type \"spc_t\""),
                ("spec.containers[0].securityContext.seLinuxOptions", "container \"a\" sets SELinux a user"),
            ])
        try workloadPasses("selinux_custom_options", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {seLinuxOptions: {level: "s0:c1,c2"}}
              containers: [{name: a, image: nginx, securityContext: {seLinuxOptions: {type: container_engine_t}}}]
            """)
    }

    func testProcMountUnmasked() throws {
        try workloadDenies("proc_mount_unmasked", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx, securityContext: {procMount: Unmasked}}]
            """, [("spec.containers[0].securityContext.procMount", "sets procMount Unmasked")])
        try workloadPasses("proc_mount_unmasked", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx, securityContext: {procMount: Default}}]
            """)
        // Baseline lets a pod in its own user namespace unmask /proc (PAL-059 reports it).
        try workloadPasses("proc_mount_unmasked", """
            kind: Pod
            metadata: {name: web}
            spec:
              hostUsers: false
              containers: [{name: a, image: nginx, securityContext: {procMount: Unmasked}}]
            """)
    }

    func testProcMountUnmaskedInUserNamespace() throws {
        try workloadDenies("proc_mount_unmasked_in_user_namespace", """
            kind: Pod
            metadata: {name: web}
            spec:
              hostUsers: false
              containers: [{name: a, image: nginx, securityContext: {procMount: Unmasked}}]
            """, [("spec.containers[0].securityContext.procMount", "sets procMount Unmasked in a user namespace")])
        try workloadPasses("proc_mount_unmasked_in_user_namespace", """
            kind: Pod
            metadata: {name: web}
            spec:
              hostUsers: true
              containers: [{name: a, image: nginx, securityContext: {procMount: Unmasked}}]
            """)
    }

    func testUnsafeSysctls() throws {
        try workloadDenies("unsafe_sysctls", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext:
                sysctls:
                - {name: net.ipv4.tcp_syncookies, value: "1"}
                - {name: kernel.msgmax, value: "65536"}
              containers: [{name: a, image: nginx}]
            """, [("spec.securityContext.sysctls[1]", "unsafe sysctl kernel.msgmax")])
        try workloadPasses("unsafe_sysctls", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext:
                sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}, {name: net.ipv4.tcp_keepalive_time, value: "60"}]
              containers: [{name: a, image: nginx}]
            """)
    }

    func testRestrictedVolumeTypes() throws {
        try workloadDenies("restricted_volume_types", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes:
              - {name: a, configMap: {name: c}}
              - {name: b, nfs: {server: nfs.local, path: /exports}}
              - {name: c, gitRepo: {repository: "https://example.com/r.git"}}
              - {name: d, hostPath: {path: /tmp}}
              containers: [{name: a, image: nginx}]
            """, [
                ("spec.volumes[1].nfs", "volume \"b\" uses restricted volume type nfs"),
                ("spec.volumes[2].gitRepo", "volume \"c\" uses restricted volume type gitRepo"),
            ])
        try workloadPasses("restricted_volume_types", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes: [{name: a, emptyDir: {}}, {name: b, persistentVolumeClaim: {claimName: x}}, {name: c, projected: {sources: []}}]
              containers: [{name: a, image: nginx}]
            """)
    }

    func testHostProbesAndLifecycle() throws {
        try workloadDenies("host_probes_and_lifecycle", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: a
                image: nginx
                livenessProbe: {httpGet: {host: 169.254.169.254, path: /latest, port: 80}}
                readinessProbe: {httpGet: {path: /ready, port: 80}}
                lifecycle: {preStop: {tcpSocket: {host: internal.local, port: 22}}}
            """, [
                ("spec.containers[0].livenessProbe.httpGet.host", "httpGet to host 169.254.169.254"),
                ("spec.containers[0].lifecycle.preStop.tcpSocket.host", "tcpSocket to host internal.local"),
            ])
        try workloadPasses("host_probes_and_lifecycle", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, livenessProbe: {httpGet: {path: /healthz, port: 80, host: ""}}}
            """)
    }

    func testLinuxHardeningMissing() throws {
        try workloadDenies("linux_hardening_missing", """
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {seccompProfile: {type: RuntimeDefault}}
              containers:
              - {name: a, image: nginx}
              - {name: b, image: nginx, securityContext: {seccompProfile: {type: Unconfined}}}
              - {name: c, image: nginx, securityContext: {seccompProfile: {type: Unconfined}, capabilities: {drop: [ALL], add: [all]}}}
            """, [
                ("spec.containers[1].securityContext", "container \"b\""),
                ("spec.containers[2].securityContext", "container \"c\""),
            ])
        try workloadPasses("linux_hardening_missing", """
            kind: Pod
            metadata:
              name: web
              annotations: {container.apparmor.security.beta.kubernetes.io/d: runtime/default}
            spec:
              containers:
              - {name: a, image: nginx, securityContext: {capabilities: {drop: [NET_RAW]}}}
              - {name: b, image: nginx, securityContext: {seLinuxOptions: {level: "s0:c1"}}}
              - {name: c, image: nginx, securityContext: {seccompProfile: {type: Localhost, localhostProfile: x}}}
              - {name: d, image: nginx}
            """)
    }
}
