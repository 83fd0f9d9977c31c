# METADATA
# title: Role can read Secrets
# description: >-
#   Reading Secrets (get, list or watch) hands over every credential and token stored in them, including
#   service account tokens that may be more privileged than the reader. Rules limited to named Secrets
#   (resourceNames) are not reported. Reported on each rule of a Role/ClusterRole (Kubernetes default
#   roles excepted) and on each RoleBinding/ClusterRoleBinding that grants such a role to a subject
#   other than a Kubernetes system component.
# custom:
#   id: PAL-106
#   severity: high
#   remediation: >-
#     Grant get on named Secrets (resourceNames) only to the workloads that need them; never grant list
#     or watch on all Secrets.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1552.007"]
#     CIS: ["5.1.2"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.secrets_read

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"secrets"}, {"get", "list", "watch"})

deny contains finding if {
	some finding in rbac.unnamed_findings(input, perms, "allows reading Secrets")
}
