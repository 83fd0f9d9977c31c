# METADATA
# title: Service account token mounted automatically
# description: >-
#   Unless automountServiceAccountToken is false on the pod, or on its ServiceAccount, every
#   container gets an API token; an attacker who compromises the container can use it against the
#   API server with the service account's permissions. A ServiceAccount that is not among the
#   scanned objects counts as not disabling it.
# custom:
#   id: PAL-040
#   severity: medium
#   remediation: >-
#     Set automountServiceAccountToken: false on the pod spec (or on its ServiceAccount) and mount a
#     projected token only in pods that call the API.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Protecting Pod service account tokens"]
#     MITRE: ["T1552.007", "T1528"]
#     CIS: ["5.1.6"]
#     SOC2: ["CC6.1"]
#     PCI-DSS: ["2.2.6", "7.2.1"]
#     HIPAA: ["164.312(a)(1)"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://www.cisecurity.org/controls/cis-controls-navigator
#     - https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022
#     - https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf
#     - https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312
package palisade.controls.automount_service_account_token

import rego.v1

import data.palisade.lib.workload

account_name := name if {
	name := workload.pod_spec.serviceAccountName
	is_string(name)
	name != ""
} else := name if {
	name := workload.pod_spec.serviceAccount
	is_string(name)
	name != ""
} else := "default"

account_disables if {
	some api_version
	account := data.inventory.namespace[workload.namespace][api_version].ServiceAccount[account_name]
	account.metadata.name == account_name
	account.automountServiceAccountToken == false
}

deny contains result if {
	workload.pod_spec.automountServiceAccountToken == true
	result := {
		"msg": "pod sets automountServiceAccountToken: true",
		"path": sprintf("%s.automountServiceAccountToken", [workload.pod_spec_path]),
	}
}

deny contains result if {
	not is_boolean(workload.pod_spec.automountServiceAccountToken)
	not account_disables
	result := {
		"msg": sprintf("pod mounts the token of service account %q: neither the pod nor the ServiceAccount sets automountServiceAccountToken: false", [account_name]),
		"path": sprintf("%s.automountServiceAccountToken", [workload.pod_spec_path]),
	}
}
