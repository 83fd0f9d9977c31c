# METADATA
# title: Namespace enforces the privileged Pod Security level
# description: >-
#   pod-security.kubernetes.io/enforce=privileged switches Pod Security Admission off for the namespace.
#   Reported on Namespaces other than kube-system, which hosts node-level components that need it.
# custom:
#   id: PAL-167
#   severity: high
#   remediation: >-
#     Set the enforce label to baseline or restricted, and move Pods that need privileges to a
#     dedicated, tightly controlled namespace.
#   kinds: [Namespace]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     CIS: ["5.2.1"]
#     PSS: ["baseline"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-admission/
package palisade.controls.namespace_pod_security_privileged

import rego.v1

deny contains finding if {
	input.metadata.name != "kube-system"
	input.metadata.labels["pod-security.kubernetes.io/enforce"] == "privileged"
	finding := {
		"msg": sprintf("Namespace %q enforces the privileged Pod Security level", [input.metadata.name]),
		"path": "metadata.labels[\"pod-security.kubernetes.io/enforce\"]",
	}
}
