# METADATA
# title: PodDisruptionBudget blocks evictions at the autoscaler's minimum
# description: >-
#   When a HorizontalPodAutoscaler scales the workload down to minReplicas (1 when unset) and a
#   PodDisruptionBudget selecting its pods requires at least that many available pods, no pod can be
#   evicted, so node drains and upgrades hang. Percentages are resolved against minReplicas,
#   rounding up as the eviction API does.
# custom:
#   id: PAL-055
#   severity: medium
#   remediation: >-
#     Lower the PodDisruptionBudget's minAvailable below the autoscaler's minReplicas (or use
#     maxUnavailable), or raise minReplicas.
#   kinds: [Deployment, StatefulSet]
#   frameworks:
#     NSA-CISA: ["Upgrading and application security practices"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.pdb_min_available_exceeds_hpa_min

import rego.v1

import data.palisade.lib.workload

# Difference from Polaris, kept on purpose: an HPA without minReplicas scales down to 1 (the API
# default), so it is judged against 1; Polaris skips such an HPA.

required(min_available, replicas) := min_available if is_number(min_available)

required(min_available, replicas) := ceil((to_number(trim_suffix(min_available, "%")) * replicas) / 100) if {
	is_string(min_available)
	endswith(min_available, "%")
}

deny contains result if {
	some hpa in workload.hpas_targeting_input
	min_replicas := object.get(hpa.spec, "minReplicas", 1)
	some pdb in workload.pdbs_selecting_pods
	min_available := pdb.spec.minAvailable
	required(min_available, min_replicas) >= min_replicas
	result := {
		"msg": sprintf("PodDisruptionBudget %s requires %v available pods but HorizontalPodAutoscaler %s may scale %s to %d", [pdb.metadata.name, min_available, hpa.metadata.name, object.get(input, ["metadata", "name"], ""), min_replicas]),
		"path": sprintf("%s.labels", [workload.pod_metadata_path]),
	}
}
