# METADATA
# title: Pod or container runs as UID 0
# description: >-
#   runAsUser: 0 runs the process as root, whatever the image says. The Restricted Pod Security
#   Standard forbids it (pods in their own user namespace, hostUsers: false, are exempt).
# custom:
#   id: PAL-012
#   severity: high
#   remediation: >-
#     Set securityContext.runAsUser to a non-zero UID (for example 10001) or remove it and set
#     runAsNonRoot: true with a non-root image.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines"]
#     MITRE: ["T1611", "T1068"]
#     CIS: ["5.2.7"]
#     PSS: ["restricted:runAsUser"]
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
package palisade.controls.run_as_user_root

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not workload.uses_user_namespace
	workload.pod_security_context.runAsUser == 0
	result := {
		"msg": "pod sets runAsUser: 0",
		"path": sprintf("%s.securityContext.runAsUser", [workload.pod_spec_path]),
	}
}

deny contains result if {
	not workload.uses_user_namespace
	some c in workload.containers
	workload.security_context(c.container).runAsUser == 0
	result := {
		"msg": sprintf("%s sets runAsUser: 0", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.runAsUser", [c.path]),
	}
}
