# METADATA
# title: imagePullPolicy is not explicitly Always
# description: >-
#   Unless imagePullPolicy is Always, a node reuses whatever image it cached under the tag, which
#   may be stale or planted, and any pod on the node can use a private image another pod pulled
#   without presenting registry credentials. The default depends on the tag, so the policy should be
#   explicit.
# custom:
#   id: PAL-038
#   severity: low
#   remediation: >-
#     Set imagePullPolicy: Always on every container (pulls are cheap when layers are cached), or
#     pin images by digest.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Building secure container images"]
#     MITRE: ["T1525"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.image_pull_policy_not_always

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.containers
	c.kind != "ephemeralContainers"
	policy := object.get(c.container, "imagePullPolicy", "")
	policy != "Always"
	result := {
		"msg": sprintf("%s has imagePullPolicy %q instead of Always", [workload.describe(c), policy]),
		"path": sprintf("%s.imagePullPolicy", [c.path]),
	}
}
