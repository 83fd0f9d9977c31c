# METADATA
# title: Role can add ephemeral containers
# description: >-
#   Updating pods/ephemeralcontainers adds a container of any image to a running Pod, with the Pod's
#   service account, volumes and network namespace. Reported on each rule of a Role/ClusterRole
#   (Kubernetes default roles excepted) and on each RoleBinding/ClusterRoleBinding that grants such a
#   role to a subject other than a Kubernetes system component.
# custom:
#   id: PAL-124
#   severity: high
#   remediation: >-
#     Remove update and patch on pods/ephemeralcontainers outside dedicated debugging roles.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1609"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.pod_ephemeral_containers

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"pods/ephemeralcontainers"}, {"update", "patch"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows adding ephemeral containers to Pods")
}
