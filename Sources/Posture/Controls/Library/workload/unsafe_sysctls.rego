# METADATA
# title: Pod sets an unsafe sysctl
# description: >-
#   Sysctls outside the namespaced safe set can change kernel behaviour for every pod on the node or
#   exhaust node resources. The Baseline Pod Security Standard allows only the safe sysctls.
# custom:
#   id: PAL-021
#   severity: high
#   remediation: >-
#     Remove the sysctl from spec.securityContext.sysctls, or tune it on the node instead.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.3"]
#     PSS: ["baseline:sysctls"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.unsafe_sysctls

import rego.v1

import data.palisade.lib.workload

safe_sysctls := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
	"net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
}

deny contains result if {
	some i, sysctl in workload.array_or_empty(object.get(workload.pod_security_context, "sysctls", []))
	name := object.get(workload.object_or_empty(sysctl), "name", "")
	not safe_sysctls[name]
	result := {
		"msg": sprintf("pod sets unsafe sysctl %v", [name]),
		"path": sprintf("%s.securityContext.sysctls[%d]", [workload.pod_spec_path, i]),
	}
}
