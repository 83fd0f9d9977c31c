# METADATA
# title: Role can exec into or attach to Pods
# description: >-
#   pods/exec and pods/attach run commands in, or take over the terminal of, a running container with
#   its identity, files and network access. The websocket form of exec uses get, so get counts as well
#   as create. Reported on each rule of a Role/ClusterRole (Kubernetes default roles excepted) and on
#   each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes
#   system component.
# custom:
#   id: PAL-108
#   severity: high
#   remediation: >-
#     Remove pods/exec and pods/attach from the role; give break-glass access through a separate,
#     audited role.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1609"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.pod_exec_attach

import rego.v1

import data.palisade.lib.rbac

# Differences from Polaris, kept on purpose: Polaris exempts a ClusterRoleBinding named
# `cluster-admin` by its name; Kubernetes' own binding of that name grants the role only to
# system:masters, which is never reported, so a binding of that name granting it to a user is.
# Polaris' rolebindingRolePodExecAttach judges only RoleBindings to Roles; a RoleBinding to a
# ClusterRole grants exec in its namespace just the same and is reported here too.

perms := rbac.perms({""}, {"pods/exec", "pods/attach"}, {"create", "get"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows exec or attach into Pods")
}
