# METADATA
# title: Namespace without a LimitRange
# description: >-
#   A LimitRange gives containers default requests and limits; without one, containers that set none can
#   use all of a node's resources. Reported on the Namespace, by looking up LimitRanges of that
#   namespace in data.inventory.
# custom:
#   id: PAL-169
#   severity: low
#   remediation: >-
#     Add a LimitRange with default and maximum container requests and limits.
#   kinds: [Namespace]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.namespace_without_limit_range

import rego.v1

has_limitrange if {
	some api_version
	count(data.inventory.namespace[input.metadata.name][api_version].LimitRange) > 0
}

deny contains finding if {
	not has_limitrange
	finding := {"msg": sprintf("Namespace %q has no LimitRange", [input.metadata.name])}
}
