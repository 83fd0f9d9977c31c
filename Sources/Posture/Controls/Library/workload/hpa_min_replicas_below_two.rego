# METADATA
# title: Autoscaler may scale down to one replica
# description: >-
#   A HorizontalPodAutoscaler whose minReplicas is below 2 (1 when unset) scales the workload down
#   to a single pod in quiet periods, which is then down during every rollout, drain or node
#   failure.
# custom:
#   id: PAL-057
#   severity: low
#   remediation: >-
#     Set spec.minReplicas to 2 or more.
#   kinds: [HorizontalPodAutoscaler]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.hpa_min_replicas_below_two

import rego.v1

deny contains result if {
	min_replicas := object.get(input.spec, "minReplicas", 1)
	is_number(min_replicas)
	min_replicas < 2
	result := {
		"msg": sprintf("HorizontalPodAutoscaler %s may scale down to %d replica", [object.get(input, ["metadata", "name"], ""), min_replicas]),
		"path": "spec.minReplicas",
	}
}
