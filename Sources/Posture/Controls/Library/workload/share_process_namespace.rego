# METADATA
# title: Containers share the pod's process namespace
# description: >-
#   With shareProcessNamespace: true every container of the pod sees and can signal the others'
#   processes and read their filesystems through /proc/<pid>/root, so one compromised sidecar
#   exposes the secrets of all the others.
# custom:
#   id: PAL-028
#   severity: medium
#   remediation: >-
#     Remove spec.shareProcessNamespace or set it to false, unless a debugging or sidecar pattern
#     truly needs it.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments"]
#     MITRE: ["T1552.001"]
#     CIS: ["5.7.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.share_process_namespace

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	workload.pod_spec.shareProcessNamespace == true
	result := {
		"msg": "pod sets shareProcessNamespace: true",
		"path": sprintf("%s.shareProcessNamespace", [workload.pod_spec_path]),
	}
}
