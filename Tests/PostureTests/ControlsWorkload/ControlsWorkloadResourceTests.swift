import XCTest

/// Resource requests and limits, and health probes.
final class ControlsWorkloadResourceTests: XCTestCase {
    static let unbounded = """
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers: [{name: init, image: busybox}]
              containers:
              - name: a
                image: nginx
                resources: {requests: {cpu: "", memory: 64Mi}, limits: {memory: 128Mi}}
              - {name: b, image: nginx}
        """

    static let bounded = """
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
              - name: a
                image: nginx
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 1, memory: 128Mi}}
        """

    func testCPURequestsMissing() throws {
        try workloadDenies("cpu_requests_missing", Self.unbounded, [
            ("spec.template.spec.containers[0].resources.requests.cpu", "container \"a\" has no cpu request"),
            ("spec.template.spec.containers[1].resources.requests.cpu", "container \"b\""),
        ])
        try workloadPasses("cpu_requests_missing", Self.bounded)
    }

    func testCPULimitsMissing() throws {
        try workloadDenies("cpu_limits_missing", Self.unbounded, [
            ("spec.template.spec.containers[0].resources.limits.cpu", "container \"a\" has no cpu limit"),
            ("spec.template.spec.containers[1].resources.limits.cpu", "container \"b\""),
        ])
        try workloadPasses("cpu_limits_missing", Self.bounded)
    }

    func testMemoryRequestsMissing() throws {
        try workloadDenies("memory_requests_missing", Self.unbounded, [
            ("spec.template.spec.containers[1].resources.requests.memory", "container \"b\" has no memory request"),
        ])
        try workloadPasses("memory_requests_missing", Self.bounded)
    }

    func testMemoryLimitsMissing() throws {
        try workloadDenies("memory_limits_missing", Self.unbounded, [
            ("spec.template.spec.containers[1].resources.limits.memory", "container \"b\" has no memory limit"),
        ])
        try workloadPasses("memory_limits_missing", Self.bounded)
    }

    static let probed = """
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers: [{name: init, image: busybox}]
              containers:
              - name: a
                image: nginx
                livenessProbe: {httpGet: {path: /healthz, port: 80}}
                readinessProbe: {httpGet: {path: /ready, port: 80}}
                startupProbe: {httpGet: {path: /healthz, port: 80}, failureThreshold: 30}
        """

    func testLivenessProbeMissing() throws {
        try workloadDenies("liveness_probe_missing", """
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers: [{name: init, image: busybox}]
              containers: [{name: a, image: nginx, readinessProbe: {tcpSocket: {port: 80}}}]
            """, [("spec.containers[0].livenessProbe", "container \"a\" has no livenessProbe")])
        try workloadPasses("liveness_probe_missing", Self.probed)
    }

    func testReadinessProbeMissing() throws {
        try workloadDenies("readiness_probe_missing", """
            kind: StatefulSet
            metadata: {name: db}
            spec:
              template:
                spec:
                  containers: [{name: a, image: postgres, livenessProbe: {tcpSocket: {port: 5432}}}]
            """, [("spec.template.spec.containers[0].readinessProbe", "container \"a\" has no readinessProbe")])
        try workloadPasses("readiness_probe_missing", Self.probed)
    }

    func testStartupProbeMissing() throws {
        try workloadDenies("startup_probe_missing", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, livenessProbe: {tcpSocket: {port: 80}}}
              - {name: b, image: nginx, livenessProbe: {tcpSocket: {port: 80}, initialDelaySeconds: 30}}
              - {name: c, image: nginx}
            """, [("spec.containers[0].startupProbe", "container \"a\" has a livenessProbe but neither")])
        try workloadPasses("startup_probe_missing", Self.probed)
    }

    func testBatchKindsAreNotProbeChecked() throws {
        let harness = try ControlsWorkloadHarness.shared()
        for slug in ["liveness_probe_missing", "readiness_probe_missing", "startup_probe_missing"] {
            let kinds = harness.controls[slug]?.kinds ?? []
            XCTAssertFalse(kinds.contains("Job"), slug)
            XCTAssertFalse(kinds.contains("CronJob"), slug)
            XCTAssertTrue(kinds.contains("Deployment"), slug)
        }
    }
}
