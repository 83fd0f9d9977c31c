# METADATA
# title: Container allows privilege escalation
# description: >-
#   Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent
#   (through setuid binaries or file capabilities). The Restricted Pod Security Standard requires
#   false on every container; Windows pods are exempt.
# custom:
#   id: PAL-014
#   severity: medium
#   remediation: >-
#     Set securityContext.allowPrivilegeEscalation: false on every container.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1068"]
#     CIS: ["5.2.6"]
#     PSS: ["restricted:allowPrivilegeEscalation"]
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
package palisade.controls.allow_privilege_escalation

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not workload.is_windows
	some c in workload.containers
	not workload.security_context(c.container).allowPrivilegeEscalation == false
	result := {
		"msg": sprintf("%s does not set allowPrivilegeEscalation: false", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.allowPrivilegeEscalation", [c.path]),
	}
}
