# METADATA
# title: Default ServiceAccount mounts its token
# description: >-
#   Unless the namespace's default ServiceAccount sets automountServiceAccountToken: false, every Pod
#   that does not choose an account gets an API token it usually does not need. Reported on the
#   ServiceAccount named default.
# custom:
#   id: PAL-120
#   severity: low
#   remediation: >-
#     Set automountServiceAccountToken: false on the default ServiceAccount of each namespace.
#   kinds: [ServiceAccount]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Protecting Pod service account tokens"]
#     MITRE: ["T1552.007"]
#     CIS: ["5.1.5"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.default_service_account_automount

import rego.v1

deny contains finding if {
	input.metadata.name == "default"
	object.get(input, "automountServiceAccountToken", true) != false
	finding := {
		"msg": sprintf("default ServiceAccount of namespace %q does not set automountServiceAccountToken: false", [object.get(input.metadata, "namespace", "")]),
		"path": "automountServiceAccountToken",
	}
}
