# METADATA
# title: Pod runs as the namespace's default service account
# description: >-
#   Pods that do not name a service account run as default, an identity shared by every such pod of
#   the namespace: any permission granted to it for one workload is granted to all of them, and
#   their API activity cannot be told apart.
# custom:
#   id: PAL-041
#   severity: low
#   remediation: >-
#     Create a dedicated ServiceAccount per workload and set spec.serviceAccountName to it.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Protecting Pod service account tokens"]
#     MITRE: ["T1078.001"]
#     CIS: ["5.1.5"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.default_service_account

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

deny contains result if {
	account_name == "default"
	result := {
		"msg": "pod runs as the default service account",
		"path": sprintf("%s.serviceAccountName", [workload.pod_spec_path]),
	}
}
