# METADATA
# title: Windows HostProcess container
# description: >-
#   A Windows HostProcess container runs directly on the host with the host's network and
#   filesystem, as a host user, so it has full control of the Windows node. The Baseline Pod
#   Security Standard forbids it.
# custom:
#   id: PAL-026
#   severity: critical
#   remediation: >-
#     Remove securityContext.windowsOptions.hostProcess (pod and containers) or set it to false.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611"]
#     CIS: ["5.2.11"]
#     PSS: ["baseline:windowsHostProcess"]
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
package palisade.controls.windows_host_process

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	workload.pod_security_context.windowsOptions.hostProcess == true
	result := {
		"msg": "pod sets windowsOptions.hostProcess: true",
		"path": sprintf("%s.securityContext.windowsOptions.hostProcess", [workload.pod_spec_path]),
	}
}

deny contains result if {
	some c in workload.containers
	workload.security_context(c.container).windowsOptions.hostProcess == true
	result := {
		"msg": sprintf("%s sets windowsOptions.hostProcess: true", [workload.describe(c)]),
		"path": sprintf("%s.securityContext.windowsOptions.hostProcess", [c.path]),
	}
}
