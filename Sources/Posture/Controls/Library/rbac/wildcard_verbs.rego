# METADATA
# title: Role uses a wildcard verb
# description: >-
#   A `*` verb grants every verb, including escalate, bind, impersonate and any verb added by future API
#   versions. Reported on each rule of a Role/ClusterRole (Kubernetes default roles excepted) and on
#   each RoleBinding/ClusterRoleBinding that grants such a role to a subject other than a Kubernetes
#   system component.
# custom:
#   id: PAL-101
#   severity: high
#   remediation: >-
#     List the verbs the subject needs (for example get, list, watch) instead of `*`.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     CIS: ["5.1.3"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.wildcard_verbs

import rego.v1

import data.palisade.lib.rbac

deny contains finding if {
	rbac.reportable_role(input)
	some i, rule in rbac.rules(input)
	"*" in object.get(rule, "verbs", [])
	finding := {
		"msg": sprintf("%s %q grants every verb with a wildcard (rules[%d].verbs)", [input.kind, input.metadata.name, i]),
		"path": sprintf("rules[%d].verbs", [i]),
	}
}

deny contains finding if {
	rbac.reportable_binding(input)
	some rule in rbac.rules(rbac.bound_role(input))
	"*" in object.get(rule, "verbs", [])
	finding := rbac.binding_finding(input, "grants every verb with a wildcard")
}
