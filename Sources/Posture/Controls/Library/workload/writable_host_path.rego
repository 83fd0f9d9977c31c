# METADATA
# title: Container mounts a hostPath volume read-write
# description: >-
#   A hostPath volume mounted without readOnly lets the container change files on the node, which an
#   attacker can use to plant binaries, alter kubelet or runtime configuration, or write to other
#   pods' data.
# custom:
#   id: PAL-024
#   severity: high
#   remediation: >-
#     Set readOnly: true on the volumeMount of every hostPath volume, or replace the hostPath
#     volume.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Immutable container file systems", "Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.12"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.writable_host_path

import rego.v1

import data.palisade.lib.workload

host_path_volumes contains name if {
	some volume in workload.array_or_empty(object.get(workload.pod_spec, "volumes", []))
	volume.hostPath != null
	name := volume.name
}

deny contains result if {
	some c in workload.containers
	some j, mount in workload.array_or_empty(object.get(c.container, "volumeMounts", []))
	host_path_volumes[mount.name]
	not mount.readOnly == true
	result := {
		"msg": sprintf("%s mounts hostPath volume %q read-write", [workload.describe(c), mount.name]),
		"path": sprintf("%s.volumeMounts[%d].readOnly", [c.path, j]),
	}
}
