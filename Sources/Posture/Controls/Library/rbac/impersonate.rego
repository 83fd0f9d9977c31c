# METADATA
# title: Role can impersonate identities
# description: >-
#   Impersonation lets the holder act as any user, group, service account or UID it may impersonate,
#   with all their rights. Rules limited to named identities (resourceNames) are not reported. Reported
#   on each rule of a Role/ClusterRole (Kubernetes default roles excepted) and on each
#   RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes system
#   component.
# custom:
#   id: PAL-111
#   severity: critical
#   remediation: >-
#     Remove impersonate; if a proxy needs it, restrict resourceNames to the identities it serves.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1078"]
#     CIS: ["5.1.8"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.impersonate

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"users", "groups", "serviceaccounts"}, {"impersonate"}) | rbac.perms({"authentication.k8s.io"}, {"uids", "userextras/scopes", "userextras"}, {"impersonate"})

deny contains finding if {
	some finding in rbac.unnamed_findings(input, perms, "allows impersonating users, groups or service accounts")
}
