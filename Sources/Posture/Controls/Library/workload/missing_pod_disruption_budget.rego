# METADATA
# title: No PodDisruptionBudget covers the workload
# description: >-
#   Without a PodDisruptionBudget selecting its pods, a node drain or cluster upgrade may evict
#   every replica at once. The budget is looked up among the scanned PodDisruptionBudgets of the
#   workload's namespace, using the budget's label selector against the pod template labels.
# custom:
#   id: PAL-046
#   severity: low
#   remediation: >-
#     Create a PodDisruptionBudget in the same namespace whose selector matches the pod template
#     labels (for example maxUnavailable: 1).
#   kinds: [Deployment, StatefulSet]
#   frameworks:
#     NSA-CISA: ["Upgrading and application security practices"]
#     MITRE: ["T1499"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.missing_pod_disruption_budget

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not object.get(input.spec, "replicas", 1) == 0
	count(workload.pdbs_selecting_pods) == 0
	result := {
		"msg": sprintf("no PodDisruptionBudget in namespace %s selects the pods of %s %s", [workload.namespace, input.kind, object.get(input, ["metadata", "name"], "")]),
		"path": sprintf("%s.labels", [workload.pod_metadata_path]),
	}
}
