# METADATA
# title: Container root filesystem is writable
# description: >-
#   A writable root filesystem lets an attacker drop tools, modify binaries and persist changes for
#   the life of the container. Applications should write only to explicitly mounted volumes. Windows
#   pods are exempt (the field is not supported there).
# custom:
#   id: PAL-015
#   severity: medium
#   remediation: >-
#     Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir at the paths the
#     application writes to (such as /tmp).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Immutable container file systems"]
#     MITRE: ["T1525"]
#     CIS: ["5.7.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.writable_root_filesystem

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	not workload.is_windows
	some c in workload.containers
	c.kind != "ephemeralContainers"
	not workload.security_context(c.container).readOnlyRootFilesystem == true
	result := {
		"msg": sprintf("%s does not set readOnlyRootFilesystem: true", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.readOnlyRootFilesystem", [c.path]),
	}
}
