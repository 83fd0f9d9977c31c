# METADATA
# title: Container may run as root
# description: >-
#   Unless runAsNonRoot is true for the pod or for every container, the kubelet starts a container
#   as whatever user its image names, usually root. The Restricted Pod Security Standard requires
#   runAsNonRoot: true and forbids setting it to false (pods in their own user namespace, hostUsers:
#   false, are exempt).
# custom:
#   id: PAL-011
#   severity: medium
#   remediation: >-
#     Set securityContext.runAsNonRoot: true at the pod level (and do not override it with false in
#     a container); build images with a numeric non-root USER.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Non-root containers and rootless container engines"]
#     MITRE: ["T1611", "T1068"]
#     CIS: ["5.2.7"]
#     PSS: ["restricted:runAsNonRoot"]
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
package palisade.controls.run_as_non_root_not_set

import rego.v1

import data.palisade.lib.workload

pod_setting := workload.pod_security_context.runAsNonRoot

deny contains result if {
	not workload.uses_user_namespace
	pod_setting == false
	result := {
		"msg": "pod sets runAsNonRoot: false",
		"path": sprintf("%s.securityContext.runAsNonRoot", [workload.pod_spec_path]),
	}
}

deny contains result if {
	not workload.uses_user_namespace
	some c in workload.containers
	workload.security_context(c.container).runAsNonRoot == false
	result := {
		"msg": sprintf("%s sets runAsNonRoot: false", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.runAsNonRoot", [c.path]),
	}
}

deny contains result if {
	not workload.uses_user_namespace
	not pod_setting == true
	some c in workload.containers
	not is_boolean(workload.security_context(c.container).runAsNonRoot)
	result := {
		"msg": sprintf("neither the pod nor %s sets runAsNonRoot: true", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.runAsNonRoot", [c.path]),
	}
}
