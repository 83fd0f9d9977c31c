# METADATA
# title: Namespace without a NetworkPolicy
# description: >-
#   A namespace with no NetworkPolicy at all leaves every Pod in it open to and from every other Pod.
#   Reported on the Namespace, by looking up NetworkPolicies of that namespace in data.inventory.
# custom:
#   id: PAL-160
#   severity: medium
#   remediation: >-
#     Add at least a default-deny NetworkPolicy to the namespace, then allow the flows its workloads
#     need.
#   kinds: [Namespace]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     CIS: ["5.3.2"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.namespace_without_network_policy

import rego.v1

has_policy if {
	some api_version
	count(data.inventory.namespace[input.metadata.name][api_version].NetworkPolicy) > 0
}

deny contains finding if {
	not has_policy
	finding := {"msg": sprintf("Namespace %q has no NetworkPolicy", [input.metadata.name])}
}
