# METADATA
# title: Role can port-forward to Pods
# description: >-
#   pods/portforward opens a tunnel from the caller to any port of a Pod, bypassing Services, Ingress
#   and NetworkPolicy. Reported on each rule of a Role/ClusterRole (Kubernetes default roles excepted)
#   and on each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a
#   Kubernetes system component.
# custom:
#   id: PAL-109
#   severity: medium
#   remediation: >-
#     Remove pods/portforward from the role, or limit it to development namespaces.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.pod_port_forward

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"pods/portforward"}, {"create", "get"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows port-forwarding to Pods")
}
