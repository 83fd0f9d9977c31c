# METADATA
# title: ServiceAccount holds a powerful role
# description: >-
#   A ServiceAccount's token is mounted into every Pod that uses it, so a role that can take over the
#   cluster (cluster-admin, full wildcard access, escalate/bind/impersonate, reading Secrets, creating
#   Pods, nodes/proxy, token creation) is one container compromise away from an attacker. Reported on
#   the ServiceAccount, by joining the RoleBindings and ClusterRoleBindings of data.inventory that name
#   it with the roles they grant; Kubernetes' own system: bindings are not counted.
# custom:
#   id: PAL-118
#   severity: high
#   remediation: >-
#     Give the ServiceAccount a role with only what its workload needs, and move administrative tasks to
#     a separate account not mounted into Pods.
#   kinds: [ServiceAccount]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control", "Kubernetes Pod security: Protecting Pod service account tokens"]
#     MITRE: ["T1078", "T1552.007"]
#     CIS: ["5.1.1", "5.1.8"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.service_account_powerful_role

import rego.v1

import data.palisade.lib.rbac

powerful_perms := (((rbac.perms({"rbac.authorization.k8s.io"}, {"roles", "clusterroles"}, {"escalate", "bind"})
	| rbac.perms({""}, {"users", "groups", "serviceaccounts"}, {"impersonate"}))
	| rbac.perms({""}, {"secrets"}, {"get", "list", "watch"}))
	| rbac.perms({""}, {"pods", "nodes/proxy", "serviceaccounts/token"}, {"create"}))
	| rbac.perms({"apps"}, {"deployments", "daemonsets"}, {"create"})

# The bindings whose subjects include input. Every binding is visited (a RoleBinding
# may name a ServiceAccount of another namespace), so the subject is matched inline,
# by name first: a function call per binding would hash the binding.
naming_bindings contains binding if {
	some ns, api_version, name, i
	binding := data.inventory.namespace[ns][api_version].RoleBinding[name]
	binding.subjects[i].name == input.metadata.name
	names_input(binding, binding.subjects[i])
}

naming_bindings contains binding if {
	some api_version, name, i
	binding := data.inventory.cluster[api_version].ClusterRoleBinding[name]
	binding.subjects[i].name == input.metadata.name
	names_input(binding, binding.subjects[i])
}

# Only reached for a subject with input's name.
names_input(binding, subject) if {
	subject.kind == "ServiceAccount"
	object.get(subject, "namespace", rbac.namespace_of(binding)) == rbac.namespace_of(input)
}

powerful(binding) if {
	binding.roleRef.kind == "ClusterRole"
	binding.roleRef.name == "cluster-admin"
}

powerful(binding) if rbac.full_access_role(rbac.bound_role(binding))

powerful(binding) if rbac.role_allows_any(rbac.bound_role(binding), powerful_perms)

deny contains finding if {
	some binding in naming_bindings
	not rbac.platform_managed(binding)
	powerful(binding)
	finding := {
		"msg": sprintf("ServiceAccount %q is granted %s by %s %q", [input.metadata.name, rbac.ref_text(binding), binding.kind, binding.metadata.name]),
		"details": {"binding": {"kind": binding.kind, "name": binding.metadata.name, "namespace": rbac.namespace_of(binding)}},
	}
}
