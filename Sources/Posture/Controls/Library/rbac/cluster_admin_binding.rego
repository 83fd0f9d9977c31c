# METADATA
# title: Binding grants cluster-admin or full access
# description: >-
#   A binding that grants the cluster-admin ClusterRole, or a role allowing every verb on every resource
#   of every API group, makes its subjects administrators of the cluster (ClusterRoleBinding) or of the
#   namespace (RoleBinding). Reported on the RoleBinding/ClusterRoleBinding when it grants this to a
#   subject other than a Kubernetes system component; the role is resolved through data.inventory.
# custom:
#   id: PAL-100
#   severity: critical
#   remediation: >-
#     Bind a role with only the permissions the subject needs; keep cluster-admin for break-glass
#     accounts outside day-to-day use.
#   kinds: [RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1078", "T1098.006"]
#     CIS: ["5.1.1"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.cluster_admin_binding

import rego.v1

import data.palisade.lib.rbac

deny contains finding if {
	rbac.reportable_binding(input)
	input.roleRef.kind == "ClusterRole"
	input.roleRef.name == "cluster-admin"
	finding := rbac.binding_finding(input, "is the cluster administrator role")
}

deny contains finding if {
	rbac.reportable_binding(input)
	input.roleRef.name != "cluster-admin"
	rbac.full_access_role(rbac.bound_role(input))
	finding := rbac.binding_finding(input, "allows every verb on every resource")
}
