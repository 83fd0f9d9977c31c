# METADATA
# title: Probe or lifecycle hook targets another host
# description: >-
#   A probe or lifecycle handler with httpGet.host or tcpSocket.host makes the kubelet connect to an
#   arbitrary address from the node, which can be abused to reach node-local or internal services
#   (server-side request forgery by the kubelet). The Baseline Pod Security Standard forbids the
#   host field.
# custom:
#   id: PAL-027
#   severity: medium
#   remediation: >-
#     Remove the host field from httpGet and tcpSocket probes and lifecycle handlers so they target
#     the pod's own IP.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     PSS: ["baseline:hostProbesAndHostLifecycle"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.host_probes_and_lifecycle

import rego.v1

import data.palisade.lib.workload

handlers(c) := [[sprintf("%s.%s", [c.path, probe]), c.container[probe]] |
	some probe in ["livenessProbe", "readinessProbe", "startupProbe"]
	is_object(c.container[probe])
]

hooks(c) := [[sprintf("%s.lifecycle.%s", [c.path, hook]), c.container.lifecycle[hook]] |
	some hook in ["postStart", "preStop"]
	is_object(c.container.lifecycle[hook])
]

deny contains result if {
	some c in workload.containers
	some [path, handler] in array.concat(handlers(c), hooks(c))
	some action in ["httpGet", "tcpSocket"]
	host := handler[action].host
	is_string(host)
	host != ""
	result := {
		"msg": sprintf("%s sends a probe or lifecycle %s to host %s", [workload.describe(c), action, host]),
		"path": sprintf("%s.%s.host", [path, action]),
	}
}
