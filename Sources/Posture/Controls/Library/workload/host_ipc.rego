# METADATA
# title: Pod shares the host IPC namespace
# description: >-
#   A pod with hostIPC: true can read and write the shared memory and message queues of every
#   process of the node.
# custom:
#   id: PAL-004
#   severity: high
#   remediation: >-
#     Remove spec.hostIPC or set it to false; run node agents that truly need it in a dedicated,
#     tightly controlled namespace.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.4"]
#     PSS: ["baseline:hostNamespaces"]
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
package palisade.controls.host_ipc

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	workload.pod_spec.hostIPC == true
	result := {
		"msg": "pod sets hostIPC: true",
		"path": sprintf("%s.hostIPC", [workload.pod_spec_path]),
	}
}
