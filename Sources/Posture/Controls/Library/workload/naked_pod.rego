# METADATA
# title: Pod not managed by a controller
# description: >-
#   A Pod without an owner (no Deployment, StatefulSet, DaemonSet, Job...) is not recreated when its
#   node fails or when it is evicted, and it is easy to forget when images are patched.
# custom:
#   id: PAL-049
#   severity: low
#   remediation: >-
#     Run the pod through a controller: a Deployment for services, a Job for one-off work, a
#     DaemonSet for node agents.
#   kinds: [Pod]
#   frameworks:
#     MITRE: ["T1610", "T1499"]
#   references:
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.naked_pod

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	count(workload.array_or_empty(object.get(input.metadata, "ownerReferences", []))) == 0
	result := {
		"msg": sprintf("Pod %s has no owner controller", [object.get(input, ["metadata", "name"], "")]),
		"path": "metadata.ownerReferences",
	}
}
