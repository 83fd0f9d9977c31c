# METADATA
# title: Role can modify RBAC objects
# description: >-
#   Creating or changing roles and bindings is administering access to the cluster; combined with any
#   permission the holder already has it spreads that permission to other identities. Reported on each
#   rule of a Role/ClusterRole (Kubernetes default roles excepted) and on each
#   RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes system
#   component.
# custom:
#   id: PAL-123
#   severity: medium
#   remediation: >-
#     Keep write access to roles, clusterroles, rolebindings and clusterrolebindings with the cluster's
#     administrators and their automation.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1098.006"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.rbac_modify

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({"rbac.authorization.k8s.io"}, {"roles", "clusterroles", "rolebindings", "clusterrolebindings"}, {"create", "update", "patch"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows changing roles or role bindings")
}
