# METADATA
# title: Service of type ExternalName
# description: >-
#   An ExternalName Service is a DNS alias the cluster resolves on behalf of clients; pointed at an
#   internal name or another namespace's Service it lets Ingress controllers and Pods reach targets
#   their policies were meant to keep apart (CVE-2021-25740). Reported on the Service.
# custom:
#   id: PAL-149
#   severity: low
#   remediation: >-
#     Use a Service with explicit EndpointSlices, or reference the target directly; restrict who can
#     create ExternalName Services.
#   kinds: [Service]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://github.com/kubernetes/kubernetes/issues/103675
package palisade.controls.service_external_name

import rego.v1

deny contains finding if {
	input.spec.type == "ExternalName"
	finding := {
		"msg": sprintf("Service %q is an ExternalName alias for %q", [input.metadata.name, object.get(input.spec, "externalName", "")]),
		"path": "spec.externalName",
	}
}
