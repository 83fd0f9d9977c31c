# METADATA
# title: Ingress uses a wildcard host
# description: >-
#   A wildcard host (*.example.com) routes every matching name to the backend, including names never
#   meant to be public, and helps subdomain takeover. Reported on the Ingress, once per wildcard rule
#   host.
# custom:
#   id: PAL-145
#   severity: low
#   remediation: >-
#     List the exact host names the application serves.
#   kinds: [Ingress]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.ingress_wildcard_host

import rego.v1

deny contains finding if {
	some i, rule in object.get(input, ["spec", "rules"], [])
	startswith(rule.host, "*")
	finding := {
		"msg": sprintf("Ingress %q routes the wildcard host %q", [input.metadata.name, rule.host]),
		"path": sprintf("spec.rules[%d].host", [i]),
	}
}
