# METADATA
# title: Seccomp explicitly disabled
# description: >-
#   A seccompProfile type other than RuntimeDefault or Localhost (in practice Unconfined), or a
#   legacy seccomp annotation naming unconfined, turns system-call filtering off. The Baseline Pod
#   Security Standard forbids it.
# custom:
#   id: PAL-017
#   severity: high
#   remediation: >-
#     Set seccompProfile.type to RuntimeDefault (or Localhost) and remove
#     seccomp.security.alpha.kubernetes.io annotations that say unconfined.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.2"]
#     PSS: ["baseline:seccompProfile_baseline", "restricted:seccompProfile_restricted"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.seccomp_unconfined

import rego.v1

import data.palisade.lib.workload

valid_types := {"RuntimeDefault", "Localhost"}

deny contains result if {
	profile := workload.pod_security_context.seccompProfile
	profile != null
	not valid_types[object.get(workload.object_or_empty(profile), "type", "")]
	result := {
		"msg": sprintf("pod sets seccompProfile.type %v", [object.get(workload.object_or_empty(profile), "type", "")]),
		"path": sprintf("%s.securityContext.seccompProfile.type", [workload.pod_spec_path]),
	}
}

deny contains result if {
	some c in workload.containers
	profile := workload.security_context(c.container).seccompProfile
	profile != null
	not valid_types[object.get(workload.object_or_empty(profile), "type", "")]
	result := {
		"msg": sprintf("%s sets seccompProfile.type %v", [workload.describe(c), object.get(workload.object_or_empty(profile), "type", "")]),
		"path": sprintf("%s.securityContext.seccompProfile.type", [c.path]),
	}
}

deny contains result if {
	some key, value in workload.pod_annotations
	legacy_seccomp_key(key)
	not valid_annotation(value)
	result := {
		"msg": sprintf("annotation %s is %v", [key, value]),
		"path": sprintf("%s.annotations", [workload.pod_metadata_path]),
	}
}

legacy_seccomp_key(key) if key == "seccomp.security.alpha.kubernetes.io/pod"

legacy_seccomp_key(key) if startswith(key, "container.seccomp.security.alpha.kubernetes.io/")

valid_annotation(value) if value in {"runtime/default", "docker/default"}

valid_annotation(value) if startswith(value, "localhost/")
