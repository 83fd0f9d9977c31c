# METADATA
# title: Role can create Pods or workloads
# description: >-
#   Creating a Pod, or any controller that creates Pods (Deployment, DaemonSet, StatefulSet, ReplicaSet,
#   ReplicationController, Job, CronJob), lets the holder run any image with any service account and
#   volume the namespace allows. Reported on each rule of a Role/ClusterRole (Kubernetes default roles
#   excepted) and on each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than
#   a Kubernetes system component.
# custom:
#   id: PAL-107
#   severity: medium
#   remediation: >-
#     Restrict create on pods and pod controllers to deployment automation; have people deploy through
#     it.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1610"]
#     CIS: ["5.1.4"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.pod_create

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"pods", "replicationcontrollers"}, {"create"}) | rbac.perms({"apps"}, {"deployments", "daemonsets", "statefulsets", "replicasets"}, {"create"}) | rbac.perms({"batch"}, {"jobs", "cronjobs"}, {"create"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows creating Pods or pod controllers")
}
