# METADATA
# title: Liveness probe without a startup probe or initial delay
# description: >-
#   A liveness probe that starts immediately, with neither a startupProbe nor an
#   initialDelaySeconds, can kill a slow-starting container again and again (a restart loop that
#   looks like an outage). Batch kinds are not checked.
# custom:
#   id: PAL-035
#   severity: info
#   remediation: >-
#     Add a startupProbe (same check, with failureThreshold x periodSeconds covering the worst
#     start-up time) or set livenessProbe.initialDelaySeconds.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PodTemplate]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.startup_probe_missing

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.app_containers
	is_object(c.container.livenessProbe)
	not is_object(c.container.startupProbe)
	object.get(c.container.livenessProbe, "initialDelaySeconds", 0) == 0
	result := {
		"msg": sprintf("%s has a livenessProbe but neither a startupProbe nor an initialDelaySeconds", [workload.describe(c)]),
		"path": sprintf("%s.startupProbe", [c.path]),
	}
}
