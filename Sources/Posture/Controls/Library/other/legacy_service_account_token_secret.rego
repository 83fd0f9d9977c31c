# METADATA
# title: Long-lived service account token Secret
# description: >-
#   A Secret of type kubernetes.io/service-account-token holds a token that never expires and is not
#   bound to a Pod, so a single leak gives lasting API access. Reported on the Secret.
# custom:
#   id: PAL-182
#   severity: medium
#   remediation: >-
#     Delete the Secret and let workloads use projected, short-lived tokens (TokenRequest API); for
#     external systems issue tokens with kubectl create token --duration.
#   kinds: [Secret]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Protecting Pod service account tokens"]
#     MITRE: ["T1552.007"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://kubernetes.io/docs/concepts/security/service-accounts/#get-a-token
package palisade.controls.legacy_service_account_token_secret

import rego.v1

deny contains finding if {
	input.type == "kubernetes.io/service-account-token"
	finding := {
		"msg": sprintf("Secret %q is a long-lived token for ServiceAccount %q", [input.metadata.name, object.get(input.metadata, ["annotations", "kubernetes.io/service-account.name"], "")]),
		"path": "type",
	}
}
