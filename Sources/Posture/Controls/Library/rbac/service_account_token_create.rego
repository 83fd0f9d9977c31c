# METADATA
# title: Role can create service account tokens
# description: >-
#   Creating serviceaccounts/token issues a fresh token for any service account in scope, so the holder
#   gains that account's permissions. Reported on each rule of a Role/ClusterRole (Kubernetes default
#   roles excepted) and on each RoleBinding/ClusterRoleBinding that grants such a role to a subject
#   other than a Kubernetes system component.
# custom:
#   id: PAL-112
#   severity: high
#   remediation: >-
#     Remove create on serviceaccounts/token; only the kubelet and token-issuing controllers need it.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1552.007"]
#     CIS: ["5.1.13"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.service_account_token_create

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"serviceaccounts/token"}, {"create"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows creating service account tokens")
}
