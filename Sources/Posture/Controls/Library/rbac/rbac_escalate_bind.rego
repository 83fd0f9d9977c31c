# METADATA
# title: Role can escalate or bind roles
# description: >-
#   The escalate verb lets the holder write roles with permissions it does not have, and bind lets it
#   bind roles it does not hold: both defeat RBAC's privilege-escalation prevention. Reported on each
#   rule of a Role/ClusterRole (Kubernetes default roles excepted) and on each
#   RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes system
#   component.
# custom:
#   id: PAL-110
#   severity: critical
#   remediation: >-
#     Remove escalate and bind on roles and clusterroles; only the cluster's RBAC administrators need
#     them.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1098.006"]
#     CIS: ["5.1.8"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.rbac_escalate_bind

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({"rbac.authorization.k8s.io"}, {"roles", "clusterroles"}, {"escalate", "bind"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows the escalate or bind verbs on roles")
}
