# METADATA
# title: Image uses the latest tag or no tag
# description: >-
#   An image without a tag means :latest. It changes under the workload without any change to the
#   manifest, so rollouts are not reproducible, rollbacks do not roll back, and a poisoned upstream
#   image is picked up silently. Images pinned by digest pass.
# custom:
#   id: PAL-036
#   severity: medium
#   remediation: >-
#     Reference the image by an immutable version tag, or better by digest (name@sha256:...).
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Building secure container images"]
#     MITRE: ["T1525", "T1204.003"]
#     CIS: ["5.5.1"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.image_tag_latest

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.containers
	image := c.container.image
	is_string(image)
	ref := workload.image_reference(image)
	ref.digest == ""
	ref.tag in {"", "latest"}
	result := {
		"msg": sprintf("%s uses image %s without a fixed tag", [workload.describe(c), image]),
		"path": sprintf("%s.image", [c.path]),
	}
}
