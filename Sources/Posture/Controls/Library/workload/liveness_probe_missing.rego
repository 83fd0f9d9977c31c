# METADATA
# title: Container has no liveness probe
# description: >-
#   Without a liveness probe the kubelet cannot restart a container that is running but stuck
#   (deadlocked, out of connections), so the service stays degraded until someone notices. Batch
#   kinds (Job, CronJob) are not checked.
# custom:
#   id: PAL-033
#   severity: low
#   remediation: >-
#     Add a livenessProbe that fails only when the process cannot recover by itself (for example an
#     httpGet on a cheap health endpoint).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PodTemplate]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.liveness_probe_missing

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.app_containers
	not is_object(c.container.livenessProbe)
	result := {
		"msg": sprintf("%s has no livenessProbe", [workload.describe(c)]),
		"path": sprintf("%s.livenessProbe", [c.path]),
	}
}
