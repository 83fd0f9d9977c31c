# METADATA
# title: Namespace without a ResourceQuota
# description: >-
#   Without a ResourceQuota one namespace can consume the cluster's CPU, memory, storage and object
#   counts, starving every other tenant (a denial of service that a compromised workload can trigger).
#   Reported on the Namespace, by looking up ResourceQuotas of that namespace in data.inventory.
# custom:
#   id: PAL-168
#   severity: low
#   remediation: >-
#     Add a ResourceQuota bounding CPU, memory and object counts for the namespace.
#   kinds: [Namespace]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.namespace_without_resource_quota

import rego.v1

has_resourcequota if {
	some api_version
	count(data.inventory.namespace[input.metadata.name][api_version].ResourceQuota) > 0
}

deny contains finding if {
	not has_resourcequota
	finding := {"msg": sprintf("Namespace %q has no ResourceQuota", [input.metadata.name])}
}
