# METADATA
# title: Job has no active deadline
# description: >-
#   Without activeDeadlineSeconds a Job that hangs or loops runs forever, holding its resources (and
#   any compromise of it keeps running).
# custom:
#   id: PAL-051
#   severity: low
#   remediation: >-
#     Set activeDeadlineSeconds on the Job spec (spec.jobTemplate.spec for a CronJob) to a bound on
#     the expected run time.
#   kinds: [Job, CronJob]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Resource policies"]
#     MITRE: ["T1496"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.job_without_deadline

import rego.v1

job_spec := input.spec if input.kind == "Job"

job_spec := input.spec.jobTemplate.spec if input.kind == "CronJob"

job_spec_path := "spec" if input.kind == "Job"

job_spec_path := "spec.jobTemplate.spec" if input.kind == "CronJob"

deny contains result if {
	not is_number(job_spec.activeDeadlineSeconds)
	result := {
		"msg": sprintf("%s %s has no activeDeadlineSeconds", [input.kind, object.get(input, ["metadata", "name"], "")]),
		"path": sprintf("%s.activeDeadlineSeconds", [job_spec_path]),
	}
}
