# METADATA
# title: Container keeps the NET_RAW capability
# description: >-
#   Container runtimes grant NET_RAW by default. It lets a process craft raw packets, which enables
#   ARP and DNS spoofing against other pods on the node; few applications need it.
# custom:
#   id: PAL-007
#   severity: medium
#   remediation: >-
#     Add NET_RAW (or ALL) to securityContext.capabilities.drop and do not list it in
#     capabilities.add.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.8"]
#     PSS: ["restricted:capabilities_restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.net_raw_capability

import rego.v1

import data.palisade.lib.workload

capabilities(c) := workload.object_or_empty(object.get(workload.security_context(c.container), "capabilities", {}))

normalized(list) := {trim_prefix(upper(x), "CAP_") | some x in workload.array_or_empty(list); is_string(x)}

deny contains result if {
	not workload.is_windows
	some c in workload.containers
	dropped := normalized(object.get(capabilities(c), "drop", []))
	not dropped.ALL
	not dropped.NET_RAW
	result := {
		"msg": sprintf("%s does not drop NET_RAW", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.capabilities.drop", [c.path]),
	}
}

deny contains result if {
	some c in workload.containers
	some i, capability in workload.array_or_empty(object.get(capabilities(c), "add", []))
	is_string(capability)
	trim_prefix(upper(capability), "CAP_") == "NET_RAW"
	result := {
		"msg": sprintf("%s adds NET_RAW", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i]),
	}
}
