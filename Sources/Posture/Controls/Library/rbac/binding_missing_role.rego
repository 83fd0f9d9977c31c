# METADATA
# title: Binding refers to a role that does not exist
# description: >-
#   A binding whose roleRef names a Role or ClusterRole that is not among the scanned objects grants
#   nothing today, but gives its subjects whatever a role created later under that name allows. Reported
#   on the RoleBinding/ClusterRoleBinding; Kubernetes' default roles (cluster-admin, admin, edit, view,
#   system:*) are assumed present. Only meaningful when the scan includes the roles (a cluster scan or a
#   complete manifest set).
# custom:
#   id: PAL-122
#   severity: low
#   remediation: >-
#     Delete the binding, or create the role it refers to with the intended rules.
#   kinds: [RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.binding_missing_role

import rego.v1

import data.palisade.lib.rbac

assumed_present(ref) if {
	ref.kind == "ClusterRole"
	ref.name in rbac.default_cluster_roles
}

assumed_present(ref) if startswith(ref.name, "system:")

deny contains finding if {
	input.kind in rbac.binding_kinds
	not rbac.platform_managed(input)
	not assumed_present(input.roleRef)
	not rbac.bound_role(input)
	finding := {
		"msg": sprintf("%s %q refers to %s, which was not found", [input.kind, input.metadata.name, rbac.ref_text(input)]),
		"path": "roleRef",
	}
}
