# METADATA
# title: Binding grants a role to a default ServiceAccount
# description: >-
#   Every Pod that names no service account runs as its namespace's default ServiceAccount, so
#   permissions bound to it go to all of them. Reported on the RoleBinding/ClusterRoleBinding naming a
#   ServiceAccount called default.
# custom:
#   id: PAL-119
#   severity: medium
#   remediation: >-
#     Create a dedicated ServiceAccount for the workload that needs the role and bind the role to it
#     instead.
#   kinds: [RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control", "Kubernetes Pod security: Protecting Pod service account tokens"]
#     CIS: ["5.1.5"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.default_service_account_binding

import rego.v1

import data.palisade.lib.rbac

deny contains finding if {
	input.kind in rbac.binding_kinds
	not rbac.platform_managed(input)
	some i, subject in object.get(input, "subjects", [])
	subject.kind == "ServiceAccount"
	subject.name == "default"
	finding := {
		"msg": sprintf("%s %q grants %s to the default ServiceAccount of namespace %q", [input.kind, input.metadata.name, rbac.ref_text(input), object.get(subject, "namespace", rbac.namespace_of(input))]),
		"path": sprintf("subjects[%d]", [i]),
	}
}
