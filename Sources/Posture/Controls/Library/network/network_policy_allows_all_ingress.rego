# METADATA
# title: NetworkPolicy allows all ingress
# description: >-
#   An ingress rule with no from peers, an empty namespaceSelector or 0.0.0.0/0 admits traffic from
#   every source, undoing the isolation the policy creates. Reported on the NetworkPolicy, once per such
#   rule.
# custom:
#   id: PAL-163
#   severity: medium
#   remediation: >-
#     Replace the open ingress rule with rules naming the Pods, namespaces or address ranges that need
#     the traffic.
#   kinds: [NetworkPolicy]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/
package palisade.controls.network_policy_allows_all_ingress

import rego.v1

open_peer(peer) if {
	peer.ipBlock.cidr in {"0.0.0.0/0", "::/0"}
	count(object.get(peer.ipBlock, "except", [])) == 0
}

open_peer(peer) if {
	peer.namespaceSelector == {}
	object.get(peer, "podSelector", {}) == {}
}

open_rule(rule) if count(object.get(rule, "from", [])) == 0

open_rule(rule) if {
	some peer in rule.from
	open_peer(peer)
}

deny contains finding if {
	some i, rule in object.get(input, ["spec", "ingress"], [])
	open_rule(rule)
	finding := {
		"msg": sprintf("NetworkPolicy %q allows ingress from any address (spec.ingress[%d])", [input.metadata.name, i]),
		"path": sprintf("spec.ingress[%d]", [i]),
	}
}
