# METADATA
# title: Role uses a wildcard resource
# description: >-
#   A `*` resource covers Secrets, subresources such as pods/exec, and every custom resource installed
#   now or later. Reported on each rule of a Role/ClusterRole (Kubernetes default roles excepted) and on
#   each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes
#   system component.
# custom:
#   id: PAL-102
#   severity: high
#   remediation: >-
#     List the resources the subject needs instead of `*`.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     CIS: ["5.1.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.wildcard_resources

import rego.v1

import data.palisade.lib.rbac

deny contains finding if {
	rbac.reportable_role(input)
	some i, rule in rbac.rules(input)
	"*" in object.get(rule, "resources", [])
	finding := {
		"msg": sprintf("%s %q grants every resource with a wildcard (rules[%d].resources)", [input.kind, input.metadata.name, i]),
		"path": sprintf("rules[%d].resources", [i]),
	}
}

deny contains finding if {
	rbac.reportable_binding(input)
	some rule in rbac.rules(rbac.bound_role(input))
	"*" in object.get(rule, "resources", [])
	finding := rbac.binding_finding(input, "grants every resource with a wildcard")
}
