# METADATA
# title: Binding grants access to unauthenticated users
# description: >-
#   Binding a role to system:anonymous or system:unauthenticated gives its permissions to anyone who can
#   reach the API server, without credentials. Reported on the RoleBinding/ClusterRoleBinding;
#   Kubernetes' own system: bindings are not reported.
# custom:
#   id: PAL-104
#   severity: critical
#   remediation: >-
#     Remove system:anonymous and system:unauthenticated from the binding's subjects and bind the role
#     to authenticated identities.
#   kinds: [RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control", "Authentication and authorization: Authentication"]
#     MITRE: ["T1078"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.anonymous_binding

import rego.v1

import data.palisade.lib.rbac

deny contains finding if {
	input.kind in rbac.binding_kinds
	not rbac.platform_managed(input)
	some i, subject in object.get(input, "subjects", [])
	subject.kind in {"User", "Group"}
	subject.name in {"system:anonymous", "system:unauthenticated"}
	finding := {
		"msg": sprintf("%s %q grants %s to %s", [input.kind, input.metadata.name, rbac.ref_text(input), subject.name]),
		"path": sprintf("subjects[%d]", [i]),
	}
}
