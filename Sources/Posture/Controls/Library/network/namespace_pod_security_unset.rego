# METADATA
# title: Namespace does not enforce a Pod Security Standard
# description: >-
#   Without the pod-security.kubernetes.io/enforce label, Pod Security Admission applies only the
#   cluster's default level (privileged unless configured), so privileged Pods are admitted. Reported on
#   the Namespace.
# custom:
#   id: PAL-166
#   severity: medium
#   remediation: >-
#     Label the namespace pod-security.kubernetes.io/enforce=restricted (or baseline where restricted is
#     not yet possible).
#   kinds: [Namespace]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     CIS: ["5.2.1"]
#     PSS: ["baseline", "restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-admission/
package palisade.controls.namespace_pod_security_unset

import rego.v1

deny contains finding if {
	not input.metadata.labels["pod-security.kubernetes.io/enforce"]
	finding := {
		"msg": sprintf("Namespace %q has no pod-security.kubernetes.io/enforce label", [input.metadata.name]),
		"path": "metadata.labels",
	}
}
