# METADATA
# title: No seccomp profile applies to the container
# description: >-
#   Without a seccomp profile at pod or container level, the container runs Unconfined and can call
#   every system call, including the rarely used ones most kernel exploits rely on. The Restricted
#   Pod Security Standard requires RuntimeDefault or Localhost; Windows pods are exempt. (Explicitly
#   unconfined profiles are reported by PAL-017.)
# custom:
#   id: PAL-016
#   severity: medium
#   remediation: >-
#     Set spec.securityContext.seccompProfile.type: RuntimeDefault at the pod level (or Localhost
#     with a reviewed profile).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.2"]
#     PSS: ["restricted:seccompProfile_restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.seccomp_profile_not_set

import rego.v1

import data.palisade.lib.workload

valid_types := {"RuntimeDefault", "Localhost"}

deny contains result if {
	not workload.is_windows
	not valid_types[workload.pod_security_context.seccompProfile.type]
	some c in workload.containers
	not workload.security_context(c.container).seccompProfile
	result := {
		"msg": sprintf("neither the pod nor %s sets a seccomp profile", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.seccompProfile", [c.path]),
	}
}
