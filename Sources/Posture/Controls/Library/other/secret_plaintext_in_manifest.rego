# METADATA
# title: Secret manifest carries plain-text values
# description: >-
#   stringData exists only in manifests (the API server folds it into data), so a Secret with stringData
#   means the credential is stored in plain text in the source the manifest comes from, typically a Git
#   repository. Reported on the Secret, once per key.
# custom:
#   id: PAL-183
#   severity: high
#   remediation: >-
#     Remove the values from the manifest and deliver them with an encrypted or external mechanism
#     (Sealed Secrets, SOPS, External Secrets Operator); rotate the exposed credential.
#   kinds: [Secret]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Secrets"]
#     MITRE: ["T1552.001"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.secret_plaintext_in_manifest

import rego.v1

deny contains finding if {
	some key, _ in object.get(input, "stringData", {})
	finding := {
		"msg": sprintf("Secret %q has the plain-text value %q in stringData", [input.metadata.name, key]),
		"path": sprintf("stringData[%q]", [key]),
	}
}
