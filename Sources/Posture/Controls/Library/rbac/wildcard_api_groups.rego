# METADATA
# title: Role uses a wildcard API group
# description: >-
#   A `*` API group extends the rule to resources of the same name in every API group, including custom
#   resources installed later. Reported on each rule of a Role/ClusterRole (Kubernetes default roles
#   excepted) and on each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than
#   a Kubernetes system component.
# custom:
#   id: PAL-103
#   severity: low
#   remediation: >-
#     List the API groups the rule is meant for instead of `*`.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     CIS: ["5.1.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.wildcard_api_groups

import rego.v1

import data.palisade.lib.rbac

deny contains finding if {
	rbac.reportable_role(input)
	some i, rule in rbac.rules(input)
	"*" in object.get(rule, "apiGroups", [])
	finding := {
		"msg": sprintf("%s %q matches every API group with a wildcard (rules[%d].apiGroups)", [input.kind, input.metadata.name, i]),
		"path": sprintf("rules[%d].apiGroups", [i]),
	}
}

deny contains finding if {
	rbac.reportable_binding(input)
	some rule in rbac.rules(rbac.bound_role(input))
	"*" in object.get(rule, "apiGroups", [])
	finding := rbac.binding_finding(input, "matches every API group with a wildcard")
}
