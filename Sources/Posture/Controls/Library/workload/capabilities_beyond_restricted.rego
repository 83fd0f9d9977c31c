# METADATA
# title: Container adds a capability other than NET_BIND_SERVICE
# description: >-
#   The Restricted Pod Security Standard allows a container to add back only NET_BIND_SERVICE after
#   dropping ALL. Windows pods are exempt.
# custom:
#   id: PAL-010
#   severity: medium
#   remediation: >-
#     Remove every capability other than NET_BIND_SERVICE from securityContext.capabilities.add.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1068"]
#     CIS: ["5.2.9"]
#     PSS: ["restricted:capabilities_restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.capabilities_beyond_restricted

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not workload.is_windows
	some c in workload.containers
	capabilities := workload.object_or_empty(object.get(workload.security_context(c.container), "capabilities", {}))
	some i, capability in workload.array_or_empty(object.get(capabilities, "add", []))
	capability != "NET_BIND_SERVICE"
	result := {
		"msg": sprintf("%s adds capability %v; only NET_BIND_SERVICE is allowed", [workload.describe(c), capability]),
		"path": sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i]),
	}
}
