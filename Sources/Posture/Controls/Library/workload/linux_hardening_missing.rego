# METADATA
# title: Container has no kernel hardening at all
# description: >-
#   The container uses none of the Linux kernel's confinement mechanisms: no seccomp profile (the
#   container's own, or else the pod's, other than Unconfined), no SELinux options, no AppArmor
#   profile and no dropped capabilities. Any one of them limits what a compromised process can do to
#   the kernel; having none leaves only the default runtime isolation.
# custom:
#   id: PAL-056
#   severity: high
#   remediation: >-
#     Set seccompProfile.type: RuntimeDefault at the pod level and capabilities.drop: [ALL] on the
#     container (AppArmor or SELinux profiles also count).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.2", "5.7.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.linux_hardening_missing

import rego.v1

import data.palisade.lib.workload

confined_type(profile) if {
	type := profile.type
	is_string(type)
	type != ""
	type != "Unconfined"
}

# A container's own profile overrides the pod's.
effective(c, field) := profile if {
	profile := workload.security_context(c.container)[field]
	profile != null
} else := workload.pod_security_context[field]

hardened(c) if confined_type(effective(c, "seccompProfile"))

hardened(c) if confined_type(effective(c, "appArmorProfile"))

hardened(c) if count(workload.object_or_empty(object.get(workload.pod_security_context, "seLinuxOptions", {}))) > 0

hardened(c) if count(workload.object_or_empty(object.get(workload.security_context(c.container), "seLinuxOptions", {}))) > 0

hardened(c) if {
	capabilities := workload.security_context(c.container).capabilities
	count(workload.array_or_empty(object.get(capabilities, "drop", []))) > 0
	not "ALL" in {upper(x) | some x in workload.array_or_empty(object.get(capabilities, "add", [])); is_string(x)}
}

hardened(c) if {
	value := workload.pod_annotations[concat("", ["container.apparmor.security.beta.kubernetes.io/", c.container.name])]
	value != ""
	value != "unconfined"
}

deny contains result if {
	not workload.is_windows
	some c in workload.containers
	c.kind != "ephemeralContainers"
	not hardened(c)
	result := {
		"msg": sprintf("%s has no seccomp, AppArmor or SELinux profile and drops no capabilities", [workload.describe(c)]),
		"path": sprintf("%s.securityContext", [c.path]),
	}
}
