# METADATA
# title: Image is not pinned by digest
# description: >-
#   Tags are mutable: whoever controls the registry repository can point a tag at different content.
#   Only a digest (name@sha256:...) guarantees that the image that was reviewed and scanned is the
#   one that runs.
# custom:
#   id: PAL-037
#   severity: low
#   remediation: >-
#     Reference the image by digest (name:tag@sha256:...), for example by resolving tags in CI or
#     with an admission mutator.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Building secure container images"]
#     MITRE: ["T1525", "T1204.003"]
#     CIS: ["5.5.1"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.image_without_digest

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.containers
	image := c.container.image
	is_string(image)
	workload.image_reference(image).digest == ""
	result := {
		"msg": sprintf("%s uses image %s without a digest", [workload.describe(c), image]),
		"path": sprintf("%s.image", [c.path]),
	}
}
