# METADATA
# title: ClusterRole aggregated into a default role adds sensitive permissions
# description: >-
#   A ClusterRole labelled rbac.authorization.k8s.io/aggregate-to-admin, -edit or -view adds its rules
#   to that default role, and so to everybody bound to it. Wildcards, reading Secrets, exec/attach and
#   escalate/bind/impersonate added this way widen every such binding silently. Reported on the
#   ClusterRole.
# custom:
#   id: PAL-126
#   severity: high
#   remediation: >-
#     Remove the sensitive rules from the aggregated ClusterRole, or drop the aggregation label and bind
#     the ClusterRole explicitly.
#   kinds: [ClusterRole]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1098.006"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#aggregated-clusterroles
package palisade.controls.aggregated_role_sensitive

import rego.v1

import data.palisade.lib.rbac

aggregation_labels := {
	"rbac.authorization.k8s.io/aggregate-to-admin",
	"rbac.authorization.k8s.io/aggregate-to-edit",
	"rbac.authorization.k8s.io/aggregate-to-view",
}

sensitive_perms := (rbac.perms({""}, {"secrets"}, {"get", "list", "watch"}) | rbac.perms({""}, {"pods/exec", "pods/attach"}, {"create"})) | (rbac.perms({"rbac.authorization.k8s.io"}, {"roles", "clusterroles"}, {"escalate", "bind"}) | rbac.perms({""}, {"users", "groups", "serviceaccounts"}, {"impersonate"}))

sensitive(rule) if rbac.allows_any(rule, sensitive_perms)

sensitive(rule) if "*" in object.get(rule, "verbs", [])

sensitive(rule) if "*" in object.get(rule, "resources", [])

deny contains finding if {
	rbac.reportable_role(input)
	some label in aggregation_labels
	input.metadata.labels[label] == "true"
	some i, rule in rbac.rules(input)
	sensitive(rule)
	finding := {
		"msg": sprintf("ClusterRole %q adds a sensitive rule (rules[%d]) to the default role %q", [input.metadata.name, i, trim_prefix(label, "rbac.authorization.k8s.io/aggregate-to-")]),
		"path": sprintf("rules[%d]", [i]),
	}
}
