# METADATA
# title: Pod has no priority class
# description: >-
#   Without priorityClassName the pod gets the cluster's default priority, so under resource
#   pressure the scheduler and the kubelet cannot tell critical workloads from expendable ones and
#   may preempt or evict the wrong pods.
# custom:
#   id: PAL-047
#   severity: low
#   remediation: >-
#     Set spec.priorityClassName to a PriorityClass that reflects how critical the workload is.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#     MITRE: ["T1499"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.priority_class_not_set

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not has_priority_class
	result := {
		"msg": "pod has no priorityClassName",
		"path": sprintf("%s.priorityClassName", [workload.pod_spec_path]),
	}
}

has_priority_class if {
	name := workload.pod_spec.priorityClassName
	is_string(name)
	name != ""
}
