# METADATA
# title: Role can change running workloads
# description: >-
#   Updating or patching a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job or CronJob changes the
#   Pod template, which replaces the image or command of running workloads. Reported on each rule of a
#   Role/ClusterRole (Kubernetes default roles excepted) and on each RoleBinding/ClusterRoleBinding that
#   grants such a role to a subject other than a Kubernetes system component.
# custom:
#   id: PAL-125
#   severity: medium
#   remediation: >-
#     Give update and patch on workload controllers to deployment automation only.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1610"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.workload_modify

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"pods", "replicationcontrollers"}, {"update", "patch"}) | rbac.perms({"apps"}, {"deployments", "daemonsets", "statefulsets", "replicasets"}, {"update", "patch"}) | rbac.perms({"batch"}, {"jobs", "cronjobs"}, {"update", "patch"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows changing workloads")
}
