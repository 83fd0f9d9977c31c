# METADATA
# title: Finished Job is never cleaned up
# description: >-
#   A standalone Job without ttlSecondsAfterFinished keeps its finished pods (and their logs and
#   environment) until someone deletes them, consuming quota and etcd space. Jobs owned by a CronJob
#   are cleaned up by its history limits and are not reported.
# custom:
#   id: PAL-052
#   severity: info
#   remediation: >-
#     Set spec.ttlSecondsAfterFinished so the Job and its pods are deleted some time after they
#     finish.
#   kinds: [Job]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.job_without_ttl

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	count(workload.array_or_empty(object.get(input.metadata, "ownerReferences", []))) == 0
	not is_number(input.spec.ttlSecondsAfterFinished)
	result := {
		"msg": sprintf("Job %s has no ttlSecondsAfterFinished", [object.get(input, ["metadata", "name"], "")]),
		"path": "spec.ttlSecondsAfterFinished",
	}
}
