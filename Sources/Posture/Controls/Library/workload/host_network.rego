# METADATA
# title: Pod shares the host network namespace
# description: >-
#   A pod with hostNetwork: true sees every interface of the node, can bind node ports and reach
#   services listening on localhost of the node, bypassing NetworkPolicies.
# custom:
#   id: PAL-002
#   severity: high
#   remediation: >-
#     Remove spec.hostNetwork or set it to false; run node agents that truly need it in a dedicated,
#     tightly controlled namespace.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.5"]
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
package palisade.controls.host_network

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	workload.pod_spec.hostNetwork == true
	result := {
		"msg": "pod sets hostNetwork: true",
		"path": sprintf("%s.hostNetwork", [workload.pod_spec_path]),
	}
}
