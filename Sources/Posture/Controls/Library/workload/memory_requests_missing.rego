# METADATA
# title: Container has no memory request
# description: >-
#   Without a memory request the scheduler can overcommit the node and the pod is among the first
#   evicted under memory pressure. Only regular containers are checked (init containers run to
#   completion before them).
# custom:
#   id: PAL-031
#   severity: low
#   remediation: >-
#     Set resources.requests.memory on every container, sized from observed usage; a LimitRange can
#     supply namespace defaults.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#     MITRE: ["T1496", "T1499"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.memory_requests_missing

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.app_containers
	not has_value(c.container)
	result := {
		"msg": sprintf("%s has no memory request", [workload.describe(c)]),
		"path": sprintf("%s.resources.requests.memory", [c.path]),
	}
}

has_value(container) if {
	value := container.resources.requests.memory
	value != null
	value != ""
}
