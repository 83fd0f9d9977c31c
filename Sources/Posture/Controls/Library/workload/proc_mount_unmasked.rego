# METADATA
# title: Container unmasks /proc
# description: >-
#   procMount: Unmasked exposes the parts of /proc that the runtime normally masks or makes read-
#   only (such as /proc/sys and /proc/sysrq-trigger), which helps a process escape to or disturb the
#   node. The Baseline Pod Security Standard allows only Default, except for pods in their own user
#   namespace (hostUsers: false), which PAL-059 reports.
# custom:
#   id: PAL-020
#   severity: high
#   remediation: >-
#     Remove securityContext.procMount or set it to Default.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.3"]
#     PSS: ["baseline:procMount"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.proc_mount_unmasked

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not workload.uses_user_namespace
	some c in workload.containers
	mount := workload.security_context(c.container).procMount
	is_string(mount)
	mount != "Default"
	result := {
		"msg": sprintf("%s sets procMount %s", [workload.describe(c), mount]),
		"path": sprintf("%s.securityContext.procMount", [c.path]),
	}
}
