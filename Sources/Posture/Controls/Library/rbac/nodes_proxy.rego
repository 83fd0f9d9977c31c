# METADATA
# title: Role can use nodes/proxy
# description: >-
#   nodes/proxy reaches the kubelet API of every node, which can run commands in any container on it
#   while bypassing admission and most audit logging. Reported on each rule of a Role/ClusterRole
#   (Kubernetes default roles excepted) and on each RoleBinding/ClusterRoleBinding that grants such a
#   role to a subject other than a Kubernetes system component.
# custom:
#   id: PAL-114
#   severity: high
#   remediation: >-
#     Remove nodes/proxy; monitoring agents should read metrics through nodes/metrics or the metrics API
#     instead.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1609"]
#     CIS: ["5.1.10"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.nodes_proxy

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"nodes/proxy"}, {"get", "create", "update", "patch", "delete"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows access to nodes/proxy")
}
