# METADATA
# title: ConfigMap holds credentials
# description: >-
#   ConfigMaps are readable by everyone who can read configuration, are not encrypted at rest by default
#   and end up in logs and diffs; a key named like a password, token or cloud secret key, or a PEM
#   private key among the values, belongs in a Secret. Reported on the ConfigMap, once per suspicious
#   key.
# custom:
#   id: PAL-181
#   severity: high
#   remediation: >-
#     Move the value to a Secret (or an external secret store) and reference it from the workload;
#     rotate the credential.
#   kinds: [ConfigMap]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Secrets"]
#     MITRE: ["T1552.001"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.configmap_sensitive_content

import rego.v1

sensitive_key_patterns := [
	`(?i)^aws_secret_access_key$`,
	`(?i)^google_application_credentials$`,
	`(?i)^azure_.+key$`,
	`(?i)^oci_cli_key_content$`,
	`(?i)passw(or)?d`,
	`(?i)token`,
	`(?i)bearer`,
	`(?i)secret`,
	`(?i)api[_-]?key`,
]

private_key := `-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`

deny contains finding if {
	some key, _ in object.get(input, "data", {})
	some pattern in sensitive_key_patterns
	regex.match(pattern, key)
	finding := {
		"msg": sprintf("ConfigMap %q has a key that looks like a credential: %q", [input.metadata.name, key]),
		"path": sprintf("data[%q]", [key]),
	}
}

deny contains finding if {
	some key, value in object.get(input, "data", {})
	is_string(value)
	regex.match(private_key, value)
	finding := {
		"msg": sprintf("ConfigMap %q holds a private key in %q", [input.metadata.name, key]),
		"path": sprintf("data[%q]", [key]),
	}
}
