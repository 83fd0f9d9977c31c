# METADATA
# title: Pod mounts a hostPath volume
# description: >-
#   A hostPath volume gives the pod direct access to the node's filesystem, a common path to
#   container escape, credential theft and node tampering. The Baseline Pod Security Standard
#   forbids hostPath volumes.
# custom:
#   id: PAL-022
#   severity: high
#   remediation: >-
#     Replace the hostPath volume with an emptyDir, a ConfigMap or Secret, a PersistentVolumeClaim
#     or a CSI volume.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.12"]
#     PSS: ["baseline:hostPathVolumes", "restricted:restrictedVolumes"]
#     SOC2: ["CC6.1"]
#     PCI-DSS: ["2.2.6", "7.2.1"]
#     HIPAA: ["164.312(a)(1)"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#     - https://www.cisecurity.org/controls/cis-controls-navigator
#     - https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022
#     - https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf
#     - https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312
package palisade.controls.host_path_volume

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some i, volume in workload.array_or_empty(object.get(workload.pod_spec, "volumes", []))
	volume.hostPath != null
	result := {
		"msg": sprintf("volume %q mounts host path %v", [object.get(volume, "name", ""), object.get(workload.object_or_empty(volume.hostPath), "path", "")]),
		"path": sprintf("%s.volumes[%d].hostPath", [workload.pod_spec_path, i]),
	}
}
