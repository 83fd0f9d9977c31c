# METADATA
# title: Binding grants access to every authenticated identity
# description: >-
#   Binding a role to system:authenticated, or to every service account (system:serviceaccounts,
#   system:serviceaccounts:<namespace>), gives its permissions to every user or every Pod's token, so
#   one compromised workload is enough to use them. Reported on the RoleBinding/ClusterRoleBinding;
#   Kubernetes' own system: bindings are not reported.
# custom:
#   id: PAL-105
#   severity: high
#   remediation: >-
#     Bind the role to the specific users, groups or service accounts that need it.
#   kinds: [RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1078"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
package palisade.controls.all_authenticated_binding

import rego.v1

import data.palisade.lib.rbac

broad_group(name) if name in {"system:authenticated", "system:serviceaccounts"}

broad_group(name) if startswith(name, "system:serviceaccounts:")

deny contains finding if {
	input.kind in rbac.binding_kinds
	not rbac.platform_managed(input)
	some i, subject in object.get(input, "subjects", [])
	subject.kind == "Group"
	broad_group(subject.name)
	finding := {
		"msg": sprintf("%s %q grants %s to the group %s", [input.kind, input.metadata.name, rbac.ref_text(input), subject.name]),
		"path": sprintf("subjects[%d]", [i]),
	}
}
