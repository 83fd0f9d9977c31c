# METADATA
# title: Image from a registry that is not trusted
# description: >-
#   Images should come only from registries the organisation controls or has vetted. Trusted
#   registries are listed in the control configuration as trusted_registries: each entry is a
#   registry host (registry.example.com), or a registry host and repository prefix
#   (registry.example.com/team); images without a registry host are on docker.io. When
#   trusted_registries is not configured nothing is trusted and every image is reported, so that an
#   unconfigured scan never passes silently.
# custom:
#   id: PAL-039
#   severity: medium
#   remediation: >-
#     Pull the image from a trusted registry (mirror it there), or add its registry to
#     trusted_registries in the control configuration.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Building secure container images"]
#     MITRE: ["T1525", "T1204.003", "T1610"]
#     CIS: ["5.5.1"]
#     SOC2: ["CC6.8"]
#     PCI-DSS: ["6.3.2"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://www.cisecurity.org/controls/cis-controls-navigator
#     - https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022
#     - https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf
package palisade.controls.untrusted_registry

import rego.v1

import data.palisade.lib.workload

config := value if {
	value := data.palisade.config
	is_object(value)
} else := {}

trusted := [entry |
	some raw in workload.array_or_empty(object.get(config, "trusted_registries", []))
	is_string(raw)
	entry := trim_right(lower(raw), "/")
	entry != ""
]

trusted_image(name) if {
	some entry in trusted
	name == entry
}

trusted_image(name) if {
	some entry in trusted
	startswith(name, concat("", [entry, "/"]))
}

deny contains result if {
	count(trusted) == 0
	some c in workload.containers
	image := c.container.image
	is_string(image)
	result := {
		"msg": sprintf("%s uses image %s and no trusted_registries are configured", [workload.describe(c), image]),
		"path": sprintf("%s.image", [c.path]),
	}
}

deny contains result if {
	count(trusted) > 0
	some c in workload.containers
	image := c.container.image
	is_string(image)
	not trusted_image(lower(workload.image_reference(image).name))
	result := {
		"msg": sprintf("%s uses image %s from registry %s, which is not trusted", [workload.describe(c), image, workload.image_reference(image).registry]),
		"path": sprintf("%s.image", [c.path]),
	}
}
