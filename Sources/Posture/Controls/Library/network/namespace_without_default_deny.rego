# METADATA
# title: Namespace without a default-deny NetworkPolicy
# description: >-
#   Policies that only allow selected flows leave Pods they do not select wide open; a default-deny
#   policy (empty podSelector, no rules for a direction it lists) makes denial the baseline for every
#   Pod, present and future. Reported on the Namespace when no NetworkPolicy of it in data.inventory
#   denies all ingress by default.
# custom:
#   id: PAL-170
#   severity: low
#   remediation: >-
#     Add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] and no rules, then
#     allow the needed flows with further policies.
#   kinds: [Namespace]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     CIS: ["5.3.2"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.namespace_without_default_deny

import rego.v1

default_deny(policy) if {
	object.get(policy.spec, "podSelector", {}) == {}
	"Ingress" in object.get(policy.spec, "policyTypes", ["Ingress"])
	count(object.get(policy.spec, "ingress", [])) == 0
}

has_default_deny if {
	some api_version
	some policy in data.inventory.namespace[input.metadata.name][api_version].NetworkPolicy
	default_deny(policy)
}

deny contains finding if {
	not has_default_deny
	finding := {"msg": sprintf("Namespace %q has no default-deny ingress NetworkPolicy", [input.metadata.name])}
}
