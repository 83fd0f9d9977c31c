# METADATA
# title: Ingress host not covered by TLS
# description: >-
#   When an Ingress has TLS entries but one of its rule hosts is missing from every spec.tls[].hosts
#   list, that host is still served without TLS. Reported on the Ingress, once per uncovered host (an
#   Ingress without any TLS is PAL-143).
# custom:
#   id: PAL-144
#   severity: low
#   remediation: >-
#     Add the host to the hosts of a spec.tls entry whose certificate covers it.
#   kinds: [Ingress]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Encryption"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.ingress_host_without_tls

import rego.v1

tls_hosts contains host if {
	some entry in input.spec.tls
	some host in object.get(entry, "hosts", [])
}

covered(host) if host in tls_hosts

covered(host) if {
	some pattern in tls_hosts
	startswith(pattern, "*.")
	glob.match(pattern, ["."], host)
}

deny contains finding if {
	count(object.get(input, ["spec", "tls"], [])) > 0
	some i, rule in object.get(input, ["spec", "rules"], [])
	host := rule.host
	not covered(host)
	finding := {
		"msg": sprintf("Ingress %q serves host %q without TLS", [input.metadata.name, host]),
		"path": sprintf("spec.rules[%d].host", [i]),
	}
}
