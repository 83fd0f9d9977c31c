# METADATA
# title: Container binds a host port
# description: >-
#   A hostPort exposes the container directly on the node's network interface, outside Services and
#   NetworkPolicies, and ties the pod to nodes where the port is free.
# custom:
#   id: PAL-005
#   severity: medium
#   remediation: >-
#     Remove ports[].hostPort and expose the container through a Service (NodePort or LoadBalancer
#     when it must be reachable from outside).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.13"]
#     PSS: ["baseline:hostPorts"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.host_port

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.containers
	some i, port in workload.array_or_empty(object.get(c.container, "ports", []))
	is_number(port.hostPort)
	port.hostPort != 0
	result := {
		"msg": sprintf("%s binds host port %d", [workload.describe(c), port.hostPort]),
		"path": sprintf("%s.ports[%d].hostPort", [c.path, i]),
	}
}
