# METADATA
# title: Ingress injects NGINX configuration snippets
# description: >-
#   The ingress-nginx snippet annotations (configuration-snippet, server-snippet, auth-snippet, stream-
#   snippet) copy raw configuration into the controller, which runs with access to every Secret in the
#   cluster; anyone who can edit an Ingress can read them (CVE-2021-25742). Reported on the Ingress.
# custom:
#   id: PAL-147
#   severity: high
#   remediation: >-
#     Remove the snippet annotation and use the controller's dedicated annotations; disable snippets in
#     the controller (allow-snippet-annotations: false).
#   kinds: [Ingress]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     MITRE: ["T1552.007"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://github.com/kubernetes/ingress-nginx/issues/7837
package palisade.controls.ingress_snippet_annotation

import rego.v1

deny contains finding if {
	some key, _ in input.metadata.annotations
	startswith(key, "nginx.ingress.kubernetes.io/")
	endswith(key, "-snippet")
	finding := {
		"msg": sprintf("Ingress %q sets the configuration snippet annotation %q", [input.metadata.name, key]),
		"path": sprintf("metadata.annotations[%q]", [key]),
	}
}
