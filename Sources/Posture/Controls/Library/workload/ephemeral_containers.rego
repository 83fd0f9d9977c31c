# METADATA
# title: Pod has ephemeral debug containers
# description: >-
#   Ephemeral containers are added to running pods (kubectl debug) with their own image and security
#   context, outside the workload's reviewed manifest; they can share the target container's process
#   namespace. Their presence means someone attached an interactive container to a production pod.
# custom:
#   id: PAL-053
#   severity: medium
#   remediation: >-
#     Remove the pod (ephemeral containers cannot be removed) once debugging is done, and restrict
#     the pods/ephemeralcontainers subresource in RBAC.
#   kinds: [Pod]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1609", "T1610"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.ephemeral_containers

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.containers
	c.kind == "ephemeralContainers"
	result := {
		"msg": sprintf("pod has %s (image %v)", [workload.describe(c), object.get(c.container, "image", "")]),
		"path": c.path,
	}
}
