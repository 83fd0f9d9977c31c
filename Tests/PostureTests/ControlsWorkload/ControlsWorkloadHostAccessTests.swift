import XCTest

/// Host namespaces, ports, paths and Windows host processes.
final class ControlsWorkloadHostAccessTests: XCTestCase {
    func testHostNetwork() throws {
        try workloadDenies("host_network", """
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers: [{name: app, image: nginx}]
            """, [("spec.template.spec.hostNetwork", "hostNetwork: true")])
        try workloadPasses("host_network", """
            kind: Pod
            metadata: {name: web}
            spec:
              hostNetwork: false
              containers: [{name: app, image: nginx}]
            """)
    }

    func testHostPID() throws {
        try workloadDenies("host_pid", """
            kind: CronJob
            metadata: {name: job}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      hostPID: true
                      containers: [{name: app, image: busybox}]
            """, [("spec.jobTemplate.spec.template.spec.hostPID", "hostPID: true")])
        try workloadPasses("host_pid", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: app, image: nginx}]
            """)
    }

    func testHostIPC() throws {
        try workloadDenies("host_ipc", """
            kind: PodTemplate
            metadata: {name: t}
            template:
              spec:
                hostIPC: true
                containers: [{name: app, image: nginx}]
            """, [("template.spec.hostIPC", "hostIPC: true")])
        try workloadPasses("host_ipc", """
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  hostIPC: false
                  containers: [{name: app, image: nginx}]
            """)
    }

    func testHostPort() throws {
        try workloadDenies("host_port", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: app
                image: nginx
                ports: [{containerPort: 80}, {containerPort: 443, hostPort: 8443}]
            """, [("spec.containers[0].ports[1].hostPort", "binds host port 8443")])
        try workloadPasses("host_port", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: app
                image: nginx
                ports: [{containerPort: 80, hostPort: 0}]
            """)
    }

    func testHostPathVolume() throws {
        try workloadDenies("host_path_volume", """
            kind: StatefulSet
            metadata: {name: db}
            spec:
              template:
                spec:
                  volumes:
                  - {name: data, emptyDir: {}}
                  - {name: logs, hostPath: {path: /var/log/db}}
                  containers: [{name: app, image: postgres}]
            """, [("spec.template.spec.volumes[1].hostPath", "volume \"logs\" mounts host path /var/log/db")])
        try workloadPasses("host_path_volume", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes: [{name: data, emptyDir: {}}]
              containers: [{name: app, image: nginx}]
            """)
    }

    func testSensitiveHostPath() throws {
        try workloadDenies("sensitive_host_path", """
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  volumes:
                  - {name: sock, hostPath: {path: /var/run/docker.sock}}
                  - {name: root, hostPath: {path: /}}
                  - {name: etc, hostPath: {path: /etc/}}
                  - {name: logs, hostPath: {path: /var/log/app}}
                  - {name: kubelet, hostPath: {path: /var/lib/kubelet/pods}}
                  containers: [{name: app, image: agent}]
            """, [
                ("spec.template.spec.volumes[0].hostPath.path", "/var/run/docker.sock"),
                ("spec.template.spec.volumes[1].hostPath.path", "sensitive host path /"),
                ("spec.template.spec.volumes[2].hostPath.path", "/etc/"),
                ("spec.template.spec.volumes[4].hostPath.path", "/var/lib/kubelet/pods"),
            ])
        try workloadPasses("sensitive_host_path", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes: [{name: logs, hostPath: {path: /var/log/app}}, {name: data, emptyDir: {}}]
              containers: [{name: app, image: nginx}]
            """)
    }

    func testWritableHostPath() throws {
        try workloadDenies("writable_host_path", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes:
              - {name: logs, hostPath: {path: /var/log/app}}
              - {name: data, emptyDir: {}}
              containers:
              - name: app
                image: nginx
                volumeMounts: [{name: data, mountPath: /data}, {name: logs, mountPath: /logs}]
              - name: reader
                image: busybox
                volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]
            """, [("spec.containers[0].volumeMounts[1].readOnly", "container \"app\" mounts hostPath volume \"logs\" read-write")])
        try workloadPasses("writable_host_path", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes: [{name: logs, hostPath: {path: /var/log/app}}]
              containers:
              - {name: app, image: nginx, volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]}
            """)
    }

    func testWindowsHostProcess() throws {
        try workloadDenies("windows_host_process", """
            kind: Pod
            metadata: {name: win}
            spec:
              securityContext: {windowsOptions: {hostProcess: true}}
              initContainers:
              - {name: setup, image: setup, securityContext: {windowsOptions: {hostProcess: true}}}
              containers: [{name: app, image: app}]
            """, [
                ("spec.securityContext.windowsOptions.hostProcess", "pod sets"),
                ("spec.initContainers[0].securityContext.windowsOptions.hostProcess", "init container \"setup\""),
            ])
        try workloadPasses("windows_host_process", """
            kind: Pod
            metadata: {name: win}
            spec:
              securityContext: {windowsOptions: {hostProcess: false, runAsUserName: app}}
              containers: [{name: app, image: app}]
            """)
    }

    func testShareProcessNamespace() throws {
        try workloadDenies("share_process_namespace", """
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  shareProcessNamespace: true
                  containers: [{name: app, image: app}]
            """, [("spec.template.spec.shareProcessNamespace", "shareProcessNamespace: true")])
        try workloadPasses("share_process_namespace", """
            kind: Job
            metadata: {name: j}
            spec:
              template:
                spec:
                  containers: [{name: app, image: app}]
            """)
    }
}
