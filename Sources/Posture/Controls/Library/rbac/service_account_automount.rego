# METADATA
# title: ServiceAccount mounts its token by default
# description: >-
#   A ServiceAccount that does not set automountServiceAccountToken: false has its token mounted into
#   every Pod using it, even Pods that never call the API. Reported on ServiceAccounts other than
#   default (PAL-120 covers that one).
# custom:
#   id: PAL-121
#   severity: low
#   remediation: >-
#     Set automountServiceAccountToken: false on the ServiceAccount and enable it only in the Pods that
#     call the Kubernetes API.
#   kinds: [ServiceAccount]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Protecting Pod service account tokens"]
#     MITRE: ["T1552.007"]
#     CIS: ["5.1.6"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.service_account_automount

import rego.v1

deny contains finding if {
	input.metadata.name != "default"
	object.get(input, "automountServiceAccountToken", true) != false
	finding := {
		"msg": sprintf("ServiceAccount %q does not set automountServiceAccountToken: false", [input.metadata.name]),
		"path": "automountServiceAccountToken",
	}
}
