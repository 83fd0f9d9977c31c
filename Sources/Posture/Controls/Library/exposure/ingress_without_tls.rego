# METADATA
# title: Ingress without TLS
# description: >-
#   An Ingress with no spec.tls entries serves its hosts over plain HTTP, exposing credentials and
#   session data on the network. Reported on the Ingress.
# custom:
#   id: PAL-143
#   severity: medium
#   remediation: >-
#     Add a spec.tls entry with a certificate Secret for the Ingress hosts (for example issued by cert-
#     manager).
#   kinds: [Ingress]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Encryption"]
#     MITRE: ["T1190"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.ingress_without_tls

import rego.v1

deny contains finding if {
	count(object.get(input, ["spec", "tls"], [])) == 0
	finding := {
		"msg": sprintf("Ingress %q has no TLS configuration", [input.metadata.name]),
		"path": "spec.tls",
	}
}
