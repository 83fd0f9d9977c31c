# METADATA
# title: Pod or container runs with GID 0
# description: >-
#   runAsGroup: 0 gives the process the root group, which owns many sensitive files on the node and
#   in images (for example /etc/shadow is often group-readable by root's group).
# custom:
#   id: PAL-013
#   severity: medium
#   remediation: >-
#     Set securityContext.runAsGroup to a non-zero GID, or remove it.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines"]
#     MITRE: ["T1068"]
#     CIS: ["5.7.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.run_as_group_root

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	workload.pod_security_context.runAsGroup == 0
	result := {
		"msg": "pod sets runAsGroup: 0",
		"path": sprintf("%s.securityContext.runAsGroup", [workload.pod_spec_path]),
	}
}

deny contains result if {
	some c in workload.containers
	workload.security_context(c.container).runAsGroup == 0
	result := {
		"msg": sprintf("%s sets runAsGroup: 0", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.runAsGroup", [c.path]),
	}
}
