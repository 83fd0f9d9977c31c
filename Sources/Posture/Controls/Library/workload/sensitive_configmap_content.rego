# METADATA
# title: ConfigMap holds credentials
# description: >-
#   A ConfigMap key whose name looks like a credential (password, token, secret, API key,
#   AWS_SECRET_ACCESS_KEY...) has a non-empty value, or a value holds a private key. ConfigMaps are
#   not meant for secrets: they are readable by far more subjects, are not encrypted at rest by
#   default and are printed freely by tools.
# custom:
#   id: PAL-044
#   severity: high
#   remediation: >-
#     Move the value into a Secret (ideally synced from an external secret store), reference it from
#     the workload, and rotate the exposed credential.
#   kinds: [ConfigMap]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Secrets"]
#     MITRE: ["T1552.001", "T1552.007"]
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
package palisade.controls.sensitive_configmap_content

import rego.v1

import data.palisade.lib.workload

not_a_secret_name(name) if regex.match(`(?i)_(FILE|PATH|DIR|URL|URI|NAME|ENABLED|TTL|TIMEOUT|LENGTH|EXPIRY|EXPIRATION|HEADER|ENDPOINT)$`, name)

entries := workload.object_or_empty(object.get(input, "data", {}))

deny contains result if {
	some key, value in entries
	workload.secret_like_name(key)
	not not_a_secret_name(key)
	is_string(value)
	trim_space(value) != ""
	not workload.private_key_value(value)
	result := {
		"msg": sprintf("ConfigMap key %s looks like a credential", [key]),
		"path": sprintf("data.%s", [key]),
	}
}

deny contains result if {
	some key, value in entries
	workload.private_key_value(value)
	result := {
		"msg": sprintf("ConfigMap key %s holds a private key", [key]),
		"path": sprintf("data.%s", [key]),
	}
}
