# METADATA
# title: Replicas are not spread across nodes or zones
# description: >-
#   A replicated workload with neither topologySpreadConstraints nor a pod anti-affinity may have
#   all its replicas scheduled on one node or in one zone, so a single failure takes it down.
#   Workloads that explicitly set replicas to 0 or 1 (and are not autoscaled) are not reported;
#   replicas left unset usually means an autoscaler or an operator sets the count.
# custom:
#   id: PAL-048
#   severity: low
#   remediation: >-
#     Add spec.template.spec.topologySpreadConstraints (for example on kubernetes.io/hostname and
#     topology.kubernetes.io/zone) or a preferred podAntiAffinity.
#   kinds: [Deployment, StatefulSet, ReplicaSet]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.no_topology_spread

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not explicitly_single
	not spread
	result := {
		"msg": sprintf("%s %s has neither topologySpreadConstraints nor podAntiAffinity", [input.kind, object.get(input, ["metadata", "name"], "")]),
		"path": sprintf("%s.topologySpreadConstraints", [workload.pod_spec_path]),
	}
}

# replicas: 0 or 1 written in the manifest (an autoscaler overrides it).
explicitly_single if {
	input.spec.replicas < 2
	count(workload.hpas_targeting_input) == 0
}

spread if count(workload.array_or_empty(object.get(workload.pod_spec, "topologySpreadConstraints", []))) > 0

spread if is_object(workload.pod_spec.affinity.podAntiAffinity)
