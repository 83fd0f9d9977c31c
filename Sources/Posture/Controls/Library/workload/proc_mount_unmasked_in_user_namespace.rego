# METADATA
# title: Container unmasks /proc inside a user namespace
# description: >-
#   A pod in its own user namespace (hostUsers: false) may unmask /proc under the Baseline standard,
#   because host root is not mapped into it; the Restricted Pod Security Standard still forbids any
#   procMount other than Default, as an unmasked /proc widens the kernel interfaces a compromised
#   process can reach.
# custom:
#   id: PAL-059
#   severity: medium
#   remediation: >-
#     Remove securityContext.procMount or set it to Default, unless the pod runs nested containers
#     and is exempted.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.3"]
#     PSS: ["restricted:procMount_restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.proc_mount_unmasked_in_user_namespace

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	workload.uses_user_namespace
	some c in workload.containers
	mount := workload.security_context(c.container).procMount
	is_string(mount)
	mount != "Default"
	result := {
		"msg": sprintf("%s sets procMount %s in a user namespace", [workload.describe(c), mount]),
		"path": sprintf("%s.securityContext.procMount", [c.path]),
	}
}
