# METADATA
# title: Container has no readiness probe
# description: >-
#   Without a readiness probe a pod receives traffic as soon as its containers start, before the
#   application can serve, and keeps receiving it when the application is overloaded. Batch kinds
#   (Job, CronJob) are not checked.
# custom:
#   id: PAL-034
#   severity: low
#   remediation: >-
#     Add a readinessProbe that checks the application can serve requests (for example an httpGet on
#     a readiness endpoint).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PodTemplate]
#   frameworks:
#     MITRE: ["T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.readiness_probe_missing

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.app_containers
	not is_object(c.container.readinessProbe)
	result := {
		"msg": sprintf("%s has no readinessProbe", [workload.describe(c)]),
		"path": sprintf("%s.readinessProbe", [c.path]),
	}
}
