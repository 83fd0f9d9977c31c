# METADATA
# title: Custom SELinux options
# description: >-
#   Setting an SELinux type outside the container types (container_t, container_init_t,
#   container_kvm_t, container_engine_t), or any SELinux user or role, can lift the SELinux
#   confinement of the container. The Baseline Pod Security Standard forbids it.
# custom:
#   id: PAL-019
#   severity: medium
#   remediation: >-
#     Remove seLinuxOptions.user and seLinuxOptions.role, and use one of the allowed container types
#     or none.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Hardening container environments", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.3"]
#     PSS: ["baseline:seLinuxOptions"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.selinux_custom_options

import rego.v1

import data.palisade.lib.workload

allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

problem(options) := sprintf("type %q", [options.type]) if {
	not allowed_types[object.get(options, "type", "")]
}

problem(options) := "a user" if {
	allowed_types[object.get(options, "type", "")]
	object.get(options, "user", "") != ""
}

problem(options) := "a role" if {
	allowed_types[object.get(options, "type", "")]
	object.get(options, "user", "") == ""
	object.get(options, "role", "") != ""
}

deny contains result if {
	options := workload.object_or_empty(object.get(workload.pod_security_context, "seLinuxOptions", {}))
	what := problem(options)
	result := {
		"msg": sprintf("pod sets SELinux %s", [what]),
		"path": sprintf("%s.securityContext.seLinuxOptions", [workload.pod_spec_path]),
	}
}

deny contains result if {
	some c in workload.containers
	options := workload.object_or_empty(object.get(workload.security_context(c.container), "seLinuxOptions", {}))
	what := problem(options)
	result := {
		"msg": sprintf("%s sets SELinux %s", [workload.describe(c), what]),
		"path": sprintf("%s.securityContext.seLinuxOptions", [c.path]),
	}
}
