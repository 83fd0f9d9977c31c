# METADATA
# title: Container adds a capability outside the Baseline set
# description: >-
#   The Baseline Pod Security Standard allows adding only the container runtime's default
#   capabilities (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,
#   SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Anything else widens the kernel attack surface.
# custom:
#   id: PAL-009
#   severity: high
#   remediation: >-
#     Remove the capability from securityContext.capabilities.add, or run the workload in a
#     namespace whose policy explicitly allows it.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611", "T1068"]
#     CIS: ["5.2.9"]
#     PSS: ["baseline:capabilities_baseline"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.capabilities_beyond_baseline

import rego.v1

import data.palisade.lib.workload

baseline_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains result if {
	some c in workload.containers
	capabilities := workload.object_or_empty(object.get(workload.security_context(c.container), "capabilities", {}))
	some i, capability in workload.array_or_empty(object.get(capabilities, "add", []))
	is_string(capability)
	not baseline_capabilities[capability]
	result := {
		"msg": sprintf("%s adds capability %s, outside the Baseline set", [workload.describe(c), capability]),
		"path": sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i]),
	}
}
