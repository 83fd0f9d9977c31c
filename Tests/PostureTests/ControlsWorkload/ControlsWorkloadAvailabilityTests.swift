import XCTest

/// Replicas, disruption budgets, autoscalers, scheduling and batch hygiene.
final class ControlsWorkloadAvailabilityTests: XCTestCase {
    static let hpa = """
        kind: HorizontalPodAutoscaler
        apiVersion: autoscaling/v2
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 3
          maxReplicas: 10
        """

    func testSingleReplica() throws {
        try workloadDenies("single_replica", """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers: [{name: a, image: nginx}]
            """, [("spec.replicas", "Deployment web runs a single replica")])
        try workloadDenies("single_replica", """
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 1
              template:
                spec:
                  containers: [{name: a, image: postgres}]
            """, [("spec.replicas", "StatefulSet db runs a single replica")])
        try workloadPasses("single_replica", """
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 0
              template: {spec: {containers: [{name: a, image: nginx}]}}
            """)
        try workloadPasses("single_replica", """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template: {spec: {containers: [{name: a, image: nginx}]}}
            ---
            \(Self.hpa)
            """)
    }

    func testMissingPodDisruptionBudget() throws {
        let deployment = """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 3
              template:
                metadata: {labels: {app: web, tier: front}}
                spec: {containers: [{name: a, image: nginx}]}
            """
        try workloadDenies("missing_pod_disruption_budget", deployment + """

            ---
            kind: PodDisruptionBudget
            apiVersion: policy/v1
            metadata: {name: web, namespace: other}
            spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
            ---
            kind: PodDisruptionBudget
            apiVersion: policy/v1
            metadata: {name: api, namespace: shop}
            spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}
            """, [("spec.template.metadata.labels", "no PodDisruptionBudget in namespace shop selects the pods of Deployment web")])
        try workloadPasses("missing_pod_disruption_budget", deployment + """

            ---
            kind: PodDisruptionBudget
            apiVersion: policy/v1
            metadata: {name: web, namespace: shop}
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app: web}
                matchExpressions: [{key: tier, operator: In, values: [front, back]}, {key: canary, operator: DoesNotExist}]
            """)
    }

    func testPriorityClassNotSet() throws {
        try workloadDenies("priority_class_not_set", """
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template: {spec: {containers: [{name: a, image: agent}]}}
            """, [("spec.template.spec.priorityClassName", "no priorityClassName")])
        try workloadPasses("priority_class_not_set", """
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template: {spec: {priorityClassName: system-node-critical, containers: [{name: a, image: agent}]}}
            """)
    }

    func testNoTopologySpread() throws {
        try workloadDenies("no_topology_spread", """
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              template: {spec: {containers: [{name: a, image: nginx}]}}
            """, [("spec.template.spec.topologySpreadConstraints", "Deployment web has neither")])
        try workloadPasses("no_topology_spread", """
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              template:
                spec:
                  topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}]
                  containers: [{name: a, image: nginx}]
            """)
        try workloadPasses("no_topology_spread", """
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 3
              template:
                spec:
                  affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}
                  containers: [{name: a, image: postgres}]
            """)
        // Explicitly single and not autoscaled: nothing to spread.
        try workloadPasses("no_topology_spread", """
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              template: {spec: {containers: [{name: a, image: nginx}]}}
            """)
    }

    func testNakedPod() throws {
        try workloadDenies("naked_pod", """
            kind: Pod
            metadata: {name: web}
            spec: {containers: [{name: a, image: nginx}]}
            """, [("metadata.ownerReferences", "Pod web has no owner")])
        try workloadPasses("naked_pod", """
            kind: Pod
            metadata:
              name: web-5d4f
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: "1", controller: true}]
            spec: {containers: [{name: a, image: nginx}]}
            """)
    }

    func testCronJobConcurrentRuns() throws {
        try workloadDenies("cronjob_concurrent_runs", """
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: report}]}}}}
            """, [("spec.concurrencyPolicy", "CronJob report allows concurrent runs")])
        try workloadPasses("cronjob_concurrent_runs", """
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              concurrencyPolicy: Forbid
              jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: report}]}}}}
            """)
    }

    func testJobWithoutDeadline() throws {
        try workloadDenies("job_without_deadline", """
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: report}]}}}}
            """, [("spec.jobTemplate.spec.activeDeadlineSeconds", "CronJob report has no activeDeadlineSeconds")])
        try workloadDenies("job_without_deadline", """
            kind: Job
            metadata: {name: migrate}
            spec: {template: {spec: {containers: [{name: a, image: migrate}]}}}
            """, [("spec.activeDeadlineSeconds", "Job migrate")])
        try workloadPasses("job_without_deadline", """
            kind: Job
            metadata: {name: migrate}
            spec: {activeDeadlineSeconds: 600, template: {spec: {containers: [{name: a, image: migrate}]}}}
            """)
    }

    func testJobWithoutTTL() throws {
        try workloadDenies("job_without_ttl", """
            kind: Job
            metadata: {name: migrate}
            spec: {template: {spec: {containers: [{name: a, image: migrate}]}}}
            """, [("spec.ttlSecondsAfterFinished", "Job migrate has no ttlSecondsAfterFinished")])
        try workloadPasses("job_without_ttl", """
            kind: Job
            metadata: {name: migrate}
            spec: {ttlSecondsAfterFinished: 3600, template: {spec: {containers: [{name: a, image: migrate}]}}}
            """)
        try workloadPasses("job_without_ttl", """
            kind: Job
            metadata:
              name: report-28000
              ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: report, uid: "1"}]
            spec: {template: {spec: {containers: [{name: a, image: report}]}}}
            """)
    }

    func testEphemeralContainers() throws {
        try workloadDenies("ephemeral_containers", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx}]
              ephemeralContainers: [{name: debugger-x1, image: busybox, targetContainerName: a}]
            """, [("spec.ephemeralContainers[0]", "ephemeral container \"debugger-x1\" (image busybox)")])
        try workloadPasses("ephemeral_containers", """
            kind: Pod
            metadata: {name: web}
            spec: {containers: [{name: a, image: nginx}]}
            """)
    }

    func testPDBBlocksEviction() throws {
        try workloadDenies("pdb_blocks_eviction", """
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {maxUnavailable: 0, selector: {matchLabels: {app: web}}}
            """, [("spec.maxUnavailable", "sets maxUnavailable 0")])
        try workloadDenies("pdb_blocks_eviction", """
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 100%, selector: {matchLabels: {app: web}}}
            """, [("spec.minAvailable", "sets minAvailable 100%")])
        try workloadPasses("pdb_blocks_eviction", """
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 90%, selector: {matchLabels: {app: web}}}
            """)
    }

    static let autoscaled = """
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: a, image: nginx}]}
        ---
        \(hpa)
        """

    func testPDBMinAvailableExceedsHPAMinimum() throws {
        try workloadDenies("pdb_min_available_exceeds_hpa_min", Self.autoscaled + """

            ---
            kind: PodDisruptionBudget
            apiVersion: policy/v1
            metadata: {name: web, namespace: shop}
            spec: {minAvailable: 3, selector: {matchLabels: {app: web}}}
            """, [("spec.template.metadata.labels", "PodDisruptionBudget web requires 3 available pods but HorizontalPodAutoscaler web may scale web to 3")])
        // 67% of 3 rounds up to 3: no eviction possible at the minimum.
        try workloadDenies("pdb_min_available_exceeds_hpa_min", Self.autoscaled + """

            ---
            kind: PodDisruptionBudget
            apiVersion: policy/v1
            metadata: {name: web, namespace: shop}
            spec: {minAvailable: 67%, selector: {matchLabels: {app: web}}}
            """, [("spec.template.metadata.labels", "requires 67% available pods")])
        try workloadPasses("pdb_min_available_exceeds_hpa_min", Self.autoscaled + """

            ---
            kind: PodDisruptionBudget
            apiVersion: policy/v1
            metadata: {name: web, namespace: shop}
            spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
            """)
    }

    func testHPAMinReplicasBelowTwo() throws {
        try workloadDenies("hpa_min_replicas_below_two", """
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 5}
            """, [("spec.minReplicas", "may scale down to 1 replica")])
        try workloadPasses("hpa_min_replicas_below_two", Self.hpa)
    }

    func testHPACannotScale() throws {
        try workloadDenies("hpa_cannot_scale", """
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 4, maxReplicas: 4}
            """, [("spec.maxReplicas", "has maxReplicas 4, not above minReplicas 4")])
        try workloadPasses("hpa_cannot_scale", Self.hpa)
    }
}
