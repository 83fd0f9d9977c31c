# METADATA
# title: Workload runs a single replica
# description: >-
#   A Deployment or StatefulSet with fewer than two replicas (replicas unset means one) is down
#   during every rollout, node drain or node failure. Workloads scaled by a HorizontalPodAutoscaler,
#   and workloads scaled to zero on purpose, are not reported.
# custom:
#   id: PAL-045
#   severity: low
#   remediation: >-
#     Set spec.replicas to 2 or more (with a PodDisruptionBudget and topology spread), or scale the
#     workload with a HorizontalPodAutoscaler whose minReplicas is at least 2.
#   kinds: [Deployment, StatefulSet]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.single_replica

import rego.v1

import data.palisade.lib.workload

replicas := object.get(input.spec, "replicas", 1)

deny contains result if {
	is_number(replicas)
	replicas == 1
	count(workload.hpas_targeting_input) == 0
	result := {
		"msg": sprintf("%s %s runs a single replica", [input.kind, object.get(input, ["metadata", "name"], "")]),
		"path": "spec.replicas",
	}
}
