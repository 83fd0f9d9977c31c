# METADATA
# title: Pod uses a volume type outside the Restricted set
# description: >-
#   The Restricted Pod Security Standard allows only configMap, csi, downwardAPI, emptyDir,
#   ephemeral, image, persistentVolumeClaim, projected and secret volumes. Other inline sources
#   (nfs, iscsi, rbd, gitRepo, cephfs, flexVolume...) reach node-level storage drivers directly,
#   bypass storage access control, and gitRepo runs git on the node. (hostPath is reported by
#   PAL-022.)
# custom:
#   id: PAL-025
#   severity: medium
#   remediation: >-
#     Use a PersistentVolumeClaim (backed by a PersistentVolume or a CSI driver) instead of the
#     inline volume source.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.7.3"]
#     PSS: ["restricted:restrictedVolumes"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
package palisade.controls.restricted_volume_types

import rego.v1

import data.palisade.lib.workload

allowed_sources := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
	"persistentVolumeClaim", "projected", "secret",
}

restricted_sources := {
	"gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
	"flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte",
	"azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
}

deny contains result if {
	some i, volume in workload.array_or_empty(object.get(workload.pod_spec, "volumes", []))
	not has_allowed_source(volume)
	some source in restricted_sources
	volume[source] != null
	result := {
		"msg": sprintf("volume %q uses restricted volume type %s", [object.get(volume, "name", ""), source]),
		"path": sprintf("%s.volumes[%d].%s", [workload.pod_spec_path, i, source]),
	}
}

has_allowed_source(volume) if {
	some source in allowed_sources
	volume[source] != null
}
