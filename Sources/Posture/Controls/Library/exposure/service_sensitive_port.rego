# METADATA
# title: Service exposes a management or database port
# description: >-
#   Exposing SSH, the Docker or kubelet API, etcd, or a database port through a LoadBalancer, NodePort
#   or externalIPs Service invites brute force and direct exploitation. Reported on the Service, once
#   per such port (by port or targetPort number).
# custom:
#   id: PAL-148
#   severity: high
#   remediation: >-
#     Keep these ports on ClusterIP Services and reach them through a bastion, VPN or port-forward.
#   kinds: [Service]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     MITRE: ["T1133"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.service_sensitive_port

import rego.v1

sensitive_ports := {
	22: "SSH", 23: "Telnet", 2375: "Docker API", 2376: "Docker API", 2379: "etcd", 2380: "etcd",
	3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL", 5900: "VNC", 6379: "Redis", 9200: "Elasticsearch",
	10250: "kubelet API", 10255: "kubelet read-only API", 11211: "Memcached", 27017: "MongoDB",
}

exposed(svc) if svc.spec.type in {"LoadBalancer", "NodePort"}

exposed(svc) if count(object.get(svc, ["spec", "externalIPs"], [])) > 0

deny contains finding if {
	exposed(input)
	some i, port in input.spec.ports
	some number in {port.port, object.get(port, "targetPort", port.port)}
	service_name := sensitive_ports[number]
	finding := {
		"msg": sprintf("Service %q exposes %s (port %v) outside the cluster", [input.metadata.name, service_name, number]),
		"path": sprintf("spec.ports[%d]", [i]),
	}
}
