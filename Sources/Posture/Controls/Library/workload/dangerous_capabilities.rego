# METADATA
# title: Container adds a dangerous capability
# description: >-
#   Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, SYS_RAWIO, DAC_READ_SEARCH,
#   BPF or ALL give a container near-root power over the kernel and are the usual building blocks of
#   container escapes.
# custom:
#   id: PAL-006
#   severity: high
#   remediation: >-
#     Remove the capability from securityContext.capabilities.add; if the workload really needs it,
#     isolate it and document an exception.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611", "T1068"]
#     CIS: ["5.2.9"]
#     PSS: ["baseline:capabilities_baseline"]
#     SOC2: ["CC6.1"]
#     PCI-DSS: ["2.2.6", "7.2.1"]
#     HIPAA: ["164.312(a)(1)"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#     - https://www.cisecurity.org/controls/cis-controls-navigator
#     - https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022
#     - https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf
#     - https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312
package palisade.controls.dangerous_capabilities

import rego.v1

import data.palisade.lib.workload

dangerous := {
	"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT",
	"DAC_READ_SEARCH", "BPF", "PERFMON", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG",
}

deny contains result if {
	some c in workload.containers
	capabilities := workload.object_or_empty(object.get(workload.security_context(c.container), "capabilities", {}))
	some i, capability in workload.array_or_empty(object.get(capabilities, "add", []))
	is_string(capability)
	dangerous[trim_prefix(upper(capability), "CAP_")]
	result := {
		"msg": sprintf("%s adds capability %s", [workload.describe(c), capability]),
		"path": sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i]),
	}
}
