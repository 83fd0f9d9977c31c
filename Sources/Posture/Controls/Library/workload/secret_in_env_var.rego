# METADATA
# title: Secret exposed through environment variables
# description: >-
#   Secrets passed as environment variables (env[].valueFrom.secretKeyRef or envFrom[].secretRef)
#   are inherited by every child process, shown by crash dumps and debugging endpoints, and often
#   logged; mounted secret files are safer and can be rotated without a restart.
# custom:
#   id: PAL-042
#   severity: low
#   remediation: >-
#     Mount the Secret as a volume (or a projected volume) and have the application read the file.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Secrets"]
#     MITRE: ["T1552.001", "T1552.007"]
#     CIS: ["5.4.1"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.secret_in_env_var

import rego.v1

import data.palisade.lib.workload

deny contains result if {
	some c in workload.containers
	some i, variable in workload.array_or_empty(object.get(c.container, "env", []))
	is_object(variable.valueFrom.secretKeyRef)
	result := {
		"msg": sprintf("%s reads Secret %v into environment variable %v", [workload.describe(c), object.get(variable.valueFrom.secretKeyRef, "name", ""), object.get(variable, "name", "")]),
		"path": sprintf("%s.env[%d].valueFrom.secretKeyRef", [c.path, i]),
	}
}

deny contains result if {
	some c in workload.containers
	some i, source in workload.array_or_empty(object.get(c.container, "envFrom", []))
	is_object(source.secretRef)
	result := {
		"msg": sprintf("%s loads every key of Secret %v into its environment", [workload.describe(c), object.get(source.secretRef, "name", "")]),
		"path": sprintf("%s.envFrom[%d].secretRef", [c.path, i]),
	}
}
