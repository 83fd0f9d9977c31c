# METADATA
# title: Service exposed through an open load balancer
# description: >-
#   A Service of type LoadBalancer gets an address reachable from outside the cluster, usually from the
#   internet. Reported on the Service unless it is annotated as an internal load balancer (AWS, Azure,
#   GCP, OCI annotations) or restricts clients with loadBalancerSourceRanges other than 0.0.0.0/0 or
#   ::/0.
# custom:
#   id: PAL-140
#   severity: medium
#   remediation: >-
#     Put the Service behind an Ingress or gateway, annotate it as internal, or set
#     loadBalancerSourceRanges to the client networks that need it.
#   kinds: [Service]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     MITRE: ["T1190"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.service_load_balancer

import rego.v1

internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"networking.gke.io/load-balancer-type": {"Internal"},
	"cloud.google.com/load-balancer-type": {"Internal", "internal"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
}

internal(service) if {
	some key, values in internal_annotations
	service.metadata.annotations[key] in values
}

restricted(service) if {
	ranges := object.get(service.spec, "loadBalancerSourceRanges", [])
	count(ranges) > 0
	every r in ranges {
		not r in {"0.0.0.0/0", "::/0"}
	}
}

deny contains finding if {
	input.spec.type == "LoadBalancer"
	not internal(input)
	not restricted(input)
	finding := {
		"msg": sprintf("Service %q is a LoadBalancer open to any client address", [input.metadata.name]),
		"path": "spec.type",
	}
}
