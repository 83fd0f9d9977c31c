# METADATA
# title: Service exposed on node ports
# description: >-
#   A Service of type NodePort opens its port on every node, where any client that can reach a node can
#   connect, bypassing Ingress authentication and TLS. Reported on the Service.
# custom:
#   id: PAL-141
#   severity: low
#   remediation: >-
#     Use a ClusterIP Service behind an Ingress or gateway; if a node port is needed, restrict node
#     access with firewall rules.
#   kinds: [Service]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     MITRE: ["T1190"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.service_node_port

import rego.v1

deny contains finding if {
	input.spec.type == "NodePort"
	finding := {
		"msg": sprintf("Service %q opens node ports on every node", [input.metadata.name]),
		"path": "spec.type",
	}
}
