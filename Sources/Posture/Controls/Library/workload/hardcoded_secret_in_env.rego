# METADATA
# title: Credential written literally in an environment variable
# description: >-
#   An environment variable whose name looks like a credential (password, token, secret, API key,
#   AWS_SECRET_ACCESS_KEY...) has a literal value, or a variable's value holds a private key. The
#   credential is then stored in plain text in the manifest, in etcd, in version control and in
#   every tool that reads the workload. Names that point to a file, path or URL (..._FILE, ..._PATH,
#   ..._URL) and references such as $(VAR) are not reported.
# custom:
#   id: PAL-043
#   severity: high
#   remediation: >-
#     Move the value into a Secret (ideally synced from an external secret store) and mount it as a
#     file; rotate the exposed credential.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Secrets"]
#     MITRE: ["T1552.001"]
#     CIS: ["5.4.1"]
#     SOC2: ["CC6.1"]
#     PCI-DSS: ["8.6.2"]
#     HIPAA: ["164.312(a)(1)"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://www.cisecurity.org/controls/cis-controls-navigator
#     - https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022
#     - https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf
#     - https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312
package palisade.controls.hardcoded_secret_in_env

import rego.v1

import data.palisade.lib.workload

not_a_secret_name(name) if regex.match(`(?i)_(FILE|PATH|DIR|URL|URI|NAME|ENABLED|TTL|TIMEOUT|LENGTH|EXPIRY|EXPIRATION|HEADER|ENDPOINT)$`, name)

literal_secret(variable) if {
	name := variable.name
	is_string(name)
	workload.secret_like_name(name)
	not not_a_secret_name(name)
	value := variable.value
	is_string(value)
	value != ""
	not regex.match(`^\$\([A-Za-z_][A-Za-z0-9_]*\)$`, value)
}

literal_secret(variable) if workload.private_key_value(variable.value)

deny contains result if {
	some c in workload.containers
	some i, variable in workload.array_or_empty(object.get(c.container, "env", []))
	literal_secret(variable)
	result := {
		"msg": sprintf("%s sets environment variable %v to a literal credential", [workload.describe(c), object.get(variable, "name", "")]),
		"path": sprintf("%s.env[%d].value", [c.path, i]),
	}
}
