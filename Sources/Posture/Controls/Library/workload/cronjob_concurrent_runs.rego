# METADATA
# title: CronJob allows concurrent runs
# description: >-
#   With concurrencyPolicy Allow (the default) a CronJob starts a new Job even when the previous run
#   has not finished, so a slow or hung job piles up runs that compete for resources and may corrupt
#   shared state.
# custom:
#   id: PAL-050
#   severity: low
#   remediation: >-
#     Set spec.concurrencyPolicy to Forbid (skip a run while one is active) or Replace.
#   kinds: [CronJob]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#     MITRE: ["T1496"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.cronjob_concurrent_runs

import rego.v1

deny contains result if {
	policy := object.get(input.spec, "concurrencyPolicy", "Allow")
	policy == "Allow"
	result := {
		"msg": sprintf("CronJob %s allows concurrent runs", [object.get(input, ["metadata", "name"], "")]),
		"path": "spec.concurrencyPolicy",
	}
}
