# METADATA
# title: Container does not drop all capabilities
# description: >-
#   The Restricted Pod Security Standard requires every container to drop ALL capabilities and add
#   back only what it needs, so that a compromised process cannot use the runtime's default
#   capability set (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW...). Windows pods are exempt.
# custom:
#   id: PAL-008
#   severity: medium
#   remediation: >-
#     Set securityContext.capabilities.drop: ["ALL"] on every container and add back individual
#     capabilities (such as NET_BIND_SERVICE) only where needed.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1068"]
#     CIS: ["5.2.10"]
#     PSS: ["restricted:capabilities_restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.capabilities_not_dropped

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not workload.is_windows
	some c in workload.containers
	capabilities := workload.object_or_empty(object.get(workload.security_context(c.container), "capabilities", {}))
	not "ALL" in workload.array_or_empty(object.get(capabilities, "drop", []))
	result := {
		"msg": sprintf("%s does not drop ALL capabilities", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.capabilities.drop", [c.path]),
	}
}
