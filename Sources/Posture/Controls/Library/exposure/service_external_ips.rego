# METADATA
# title: Service sets externalIPs
# description: >-
#   spec.externalIPs makes kube-proxy capture traffic for arbitrary addresses, so whoever can create
#   Services can intercept traffic meant for other hosts (CVE-2020-8554). Reported on the Service.
# custom:
#   id: PAL-142
#   severity: high
#   remediation: >-
#     Remove spec.externalIPs and use a LoadBalancer or Ingress; block the field cluster-wide with the
#     DenyServiceExternalIPs admission plugin or a policy.
#   kinds: [Service]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://github.com/kubernetes/kubernetes/issues/97076
package palisade.controls.service_external_ips

import rego.v1

deny contains finding if {
	ips := object.get(input, ["spec", "externalIPs"], [])
	count(ips) > 0
	finding := {
		"msg": sprintf("Service %q captures traffic for external IPs %s", [input.metadata.name, concat(", ", ips)]),
		"path": "spec.externalIPs",
	}
}
