# METADATA
# title: Autoscaler cannot scale
# description: >-
#   A HorizontalPodAutoscaler whose maxReplicas is not greater than its minReplicas (1 when unset)
#   can never add pods, so load spikes, including deliberate ones, go unabsorbed while the
#   configuration suggests the workload is autoscaled.
# custom:
#   id: PAL-058
#   severity: low
#   remediation: >-
#     Set spec.maxReplicas above spec.minReplicas, sized for peak load.
#   kinds: [HorizontalPodAutoscaler]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.hpa_cannot_scale

import rego.v1

deny contains result if {
	min_replicas := object.get(input.spec, "minReplicas", 1)
	max_replicas := input.spec.maxReplicas
	is_number(max_replicas)
	max_replicas <= min_replicas
	result := {
		"msg": sprintf("HorizontalPodAutoscaler %s has maxReplicas %d, not above minReplicas %d", [object.get(input, ["metadata", "name"], ""), max_replicas, min_replicas]),
		"path": "spec.maxReplicas",
	}
}
