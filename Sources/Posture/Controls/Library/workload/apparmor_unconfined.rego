# METADATA
# title: AppArmor explicitly disabled
# description: >-
#   An appArmorProfile type other than RuntimeDefault or Localhost, or an AppArmor annotation other
#   than runtime/default or localhost/*, removes the mandatory access control the runtime applies by
#   default. The Baseline Pod Security Standard forbids it.
# custom:
#   id: PAL-018
#   severity: high
#   remediation: >-
#     Remove the Unconfined AppArmor profile (pod or container securityContext.appArmorProfile, or
#     container.apparmor.security.beta.kubernetes.io annotations), or use RuntimeDefault or a
#     Localhost profile.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.3"]
#     PSS: ["baseline:appArmorProfile"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.apparmor_unconfined

import rego.v1

import data.palisade.lib.workload

valid_types := {"RuntimeDefault", "Localhost"}

profile_type(profile) := object.get(workload.object_or_empty(profile), "type", "")

deny contains result if {
	profile := workload.pod_security_context.appArmorProfile
	profile != null
	not valid_types[profile_type(profile)]
	result := {
		"msg": sprintf("pod sets appArmorProfile.type %v", [profile_type(profile)]),
		"path": sprintf("%s.securityContext.appArmorProfile.type", [workload.pod_spec_path]),
	}
}

deny contains result if {
	some c in workload.containers
	profile := workload.security_context(c.container).appArmorProfile
	profile != null
	not valid_types[profile_type(profile)]
	result := {
		"msg": sprintf("%s sets appArmorProfile.type %v", [workload.describe(c), profile_type(profile)]),
		"path": sprintf("%s.securityContext.appArmorProfile.type", [c.path]),
	}
}

deny contains result if {
	some key, value in workload.pod_annotations
	startswith(key, "container.apparmor.security.beta.kubernetes.io/")
	is_string(value)
	not valid_annotation(value)
	result := {
		"msg": sprintf("annotation %s is %q", [key, value]),
		"path": sprintf("%s.annotations", [workload.pod_metadata_path]),
	}
}

valid_annotation("")

valid_annotation("runtime/default")

valid_annotation(value) if startswith(value, "localhost/")
