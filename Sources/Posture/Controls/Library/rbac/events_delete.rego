# METADATA
# title: Role can delete events
# description: >-
#   Deleting Kubernetes events removes the record of what happened in the cluster and helps an attacker
#   hide activity. Reported on each rule of a Role/ClusterRole (Kubernetes default roles excepted) and
#   on each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes
#   system component.
# custom:
#   id: PAL-116
#   severity: low
#   remediation: >-
#     Remove delete and deletecollection on events; the API server expires events by itself.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control", "Audit logging and threat detection: Logging"]
#     MITRE: ["T1070"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.events_delete

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({"", "events.k8s.io"}, {"events"}, {"delete", "deletecollection"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows deleting events")
}
