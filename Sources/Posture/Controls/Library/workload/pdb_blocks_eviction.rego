# METADATA
# title: PodDisruptionBudget forbids every voluntary eviction
# description: >-
#   A PodDisruptionBudget with maxUnavailable 0 (or 0%) or minAvailable 100% never allows an
#   eviction, so node drains hang and node patching and cluster upgrades are blocked until someone
#   overrides it.
# custom:
#   id: PAL-054
#   severity: medium
#   remediation: >-
#     Allow at least one disruption: for example maxUnavailable: 1, or a minAvailable lower than the
#     replica count.
#   kinds: [PodDisruptionBudget]
#   frameworks:
#     NSA-CISA: ["Upgrading and application security practices"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.pdb_blocks_eviction

import rego.v1

deny contains result if {
	value := input.spec.maxUnavailable
	value in {0, "0%"}
	result := {
		"msg": sprintf("PodDisruptionBudget %s sets maxUnavailable %v", [object.get(input, ["metadata", "name"], ""), value]),
		"path": "spec.maxUnavailable",
	}
}

deny contains result if {
	input.spec.minAvailable == "100%"
	result := {
		"msg": sprintf("PodDisruptionBudget %s sets minAvailable 100%%", [object.get(input, ["metadata", "name"], "")]),
		"path": "spec.minAvailable",
	}
}
