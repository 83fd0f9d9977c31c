# RBAC helpers for controls.
#   Rule matching for Roles and ClusterRoles, roleRef resolution through data.inventory, and the
#   reporting rule shared by the built-in RBAC controls (PAL-100..PAL-139):
#   a permission is reported on the Role/ClusterRole whose rules allow it (Kubernetes' own default
#   roles excepted) and on every RoleBinding/ClusterRoleBinding that grants such a role to at least
#   one subject that is not a Kubernetes system identity.
package palisade.lib.rbac

import rego.v1

role_kinds := {"Role", "ClusterRole"}

binding_kinds := {"RoleBinding", "ClusterRoleBinding"}

# The user-facing ClusterRoles every cluster ships with.
default_cluster_roles := {"cluster-admin", "admin", "edit", "view"}

# Objects a cloud platform installs under names outside `system:`; settable with
# `rbac_platform_names` in the control configuration.
default platform_name_list := ["gce:podsecuritypolicy:calico-sa"]

platform_name_list := data.palisade.config.rbac_platform_names

platform_names := {n | some n in platform_name_list}

# Identities that look like system ones but stand for (almost) everybody.
broad_identities := {"system:anonymous", "system:unauthenticated", "system:authenticated"}

# Created and reconciled by Kubernetes or the platform, not by the cluster's users.
platform_managed(obj) if startswith(obj.metadata.name, "system:")

platform_managed(obj) if obj.metadata.labels["kubernetes.io/bootstrapping"] == "rbac-defaults"

platform_managed(obj) if obj.metadata.name in platform_names

default_role(role) if {
	role.kind == "ClusterRole"
	role.metadata.name in default_cluster_roles
}

default_role(role) if platform_managed(role)

# A Role or ClusterRole the cluster's users wrote themselves.
reportable_role(obj) if {
	obj.kind in role_kinds
	not default_role(obj)
}

rules(role) := r if {
	r := object.get(role, "rules", [])
	is_array(r)
} else := []

# --- rule matching (k8s.io/component-helpers/auth/rbac semantics) ---

api_group_matches(rule, group) if {
	some g in object.get(rule, "apiGroups", [])
	g in {"*", group}
}

resource_matches(rule, resource) if {
	some r in object.get(rule, "resources", [])
	r in {"*", resource}
}

resource_matches(rule, resource) if {
	parts := split(resource, "/")
	count(parts) == 2
	some r in object.get(rule, "resources", [])
	r == concat("/", ["*", parts[1]])
}

verb_matches(rule, verb) if {
	some v in object.get(rule, "verbs", [])
	v in {"*", verb}
}

# True when rule allows `verb` on `resource` (`pods` or `pods/exec`) of API group `group`.
allows(rule, group, resource, verb) if {
	verb_matches(rule, verb)
	api_group_matches(rule, group)
	resource_matches(rule, resource)
}

# perms: a set of [group, resource, verb] triples. Same matching as allows, with the
# rule's lists turned into sets once and no per-triple function calls (a call hashes
# its arguments, which made the RBAC controls the slowest part of a scan).
allows_any(rule, perms) if {
	verbs := {v | some v in object.get(rule, "verbs", [])}
	groups := {g | some g in object.get(rule, "apiGroups", [])}
	resources := {r | some r in object.get(rule, "resources", [])}
	some p in perms
	count({"*", p[2]} & verbs) > 0
	count({"*", p[0]} & groups) > 0
	count({"*", p[1], _subresource_wildcard(p[1])} & resources) > 0
}

# "*/exec" for "pods/exec"; "*" (which matches anyway) for a resource without subresource.
_subresource_wildcard(resource) := concat("/", ["*", parts[1]]) if {
	parts := split(resource, "/")
	count(parts) == 2
} else := "*"

role_allows_any(role, perms) if {
	some rule in rules(role)
	allows_any(rule, perms)
}

# perms for every verb in verbs on every resource in resources of every group in groups.
perms(groups, resources, verbs) := {[g, r, v] | some g in groups; some r in resources; some v in verbs}

# All of get, list, watch, create, update, patch and delete (or `*`) on everything in every group.
full_access_rule(rule) if {
	"*" in object.get(rule, "apiGroups", [])
	"*" in object.get(rule, "resources", [])
	every_verb(rule)
}

every_verb(rule) if "*" in object.get(rule, "verbs", [])

every_verb(rule) if {
	verbs := {v | some v in object.get(rule, "verbs", [])}
	count({"get", "list", "watch", "create", "update", "patch", "delete"} - verbs) == 0
}

full_access_role(role) if {
	some rule in rules(role)
	full_access_rule(rule)
}

# --- subjects ---

# A Kubernetes component identity (system:kube-scheduler, system:masters, system:nodes...).
system_subject(s) if {
	s.kind in {"User", "Group"}
	startswith(s.name, "system:")
	not s.name in broad_identities
	not startswith(s.name, "system:serviceaccount")
}

risky_subjects(binding) := [s |
	some s in object.get(binding, "subjects", [])
	not system_subject(s)
]

subject_text(s) := sprintf("ServiceAccount %s/%s", [s.namespace, s.name]) if {
	s.kind == "ServiceAccount"
	s.namespace
} else := sprintf("%s %s", [s.kind, s.name])

subjects_text(binding) := concat(", ", [subject_text(s) | some s in risky_subjects(binding)])

# A binding the cluster's users wrote that grants its role to someone other than a system component.
reportable_binding(obj) if {
	obj.kind in binding_kinds
	not platform_managed(obj)
	count(risky_subjects(obj)) > 0
}

# --- roleRef resolution through data.inventory ---

namespace_of(obj) := object.get(obj, ["metadata", "namespace"], "")

# The namespace data.inventory files a namespaced object under ("default" when unset).
inventory_namespace(obj) := ns if {
	ns := obj.metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

cluster_roles := {role |
	some api_version
	some role in data.inventory.cluster[api_version].ClusterRole
}

namespaced(kind) := {obj |
	some ns, api_version
	some obj in data.inventory.namespace[ns][api_version][kind]
}

# The Role or ClusterRole a binding's roleRef names; undefined when it was not scanned.
# Looked up by key in data.inventory (a walk over every role would make the scan quadratic).
bound_role(binding) := role if {
	binding.roleRef.kind == "ClusterRole"
	name := binding.roleRef.name
	some api_version
	role := data.inventory.cluster[api_version].ClusterRole[name]
	role.metadata.name == name
} else := role if {
	binding.roleRef.kind == "Role"
	name := binding.roleRef.name
	some api_version
	role := data.inventory.namespace[inventory_namespace(binding)][api_version].Role[name]
	role.metadata.name == name
	namespace_of(role) == namespace_of(binding)
}

# Every RoleBinding and ClusterRoleBinding, as a list (computed once per evaluation).
binding_list := array.concat(
	[b | some ns, api_version; some b in data.inventory.namespace[ns][api_version].RoleBinding],
	[b | some api_version; some b in data.inventory.cluster[api_version].ClusterRoleBinding],
)

bindings := {b | some b in binding_list}

ref_text(binding) := sprintf("%s %q", [binding.roleRef.kind, binding.roleRef.name])

binding_finding(binding, what) := {
	"msg": sprintf("%s %q grants %s, which %s, to %s", [binding.kind, binding.metadata.name, ref_text(binding), what, subjects_text(binding)]),
	"path": "roleRef",
	"details": {"subjects": risky_subjects(binding)},
}

# --- the shared reporting rule for permission controls ---

# Findings of a control about `perms` ([group, resource, verb] triples), `what` completing
# "<role> ..." (e.g. "allows reading Secrets"): one per matching rule of a user-written
# Role/ClusterRole, one per binding granting a role with such a rule to a non-system subject.
findings(obj, perms, what) := scoped_findings(obj, perms, what, false)

# As findings, but a rule limited to named objects (resourceNames) does not count.
unnamed_findings(obj, perms, what) := scoped_findings(obj, perms, what, true)

counts(rule, perms, false) if allows_any(rule, perms)

counts(rule, perms, true) if {
	allows_any(rule, perms)
	count(object.get(rule, "resourceNames", [])) == 0
}

scoped_findings(obj, perms, what, skip_named) := role_findings(obj, perms, what, skip_named) | binding_findings(obj, perms, what, skip_named)

role_findings(role, perms, what, skip_named) := {f |
	reportable_role(role)
	some i, rule in rules(role)
	counts(rule, perms, skip_named)
	f := {
		"msg": sprintf("%s %q %s (rules[%d])", [role.kind, role.metadata.name, what, i]),
		"path": sprintf("rules[%d]", [i]),
	}
}

binding_findings(binding, perms, what, skip_named) := {f |
	reportable_binding(binding)
	some rule in rules(bound_role(binding))
	counts(rule, perms, skip_named)
	f := binding_finding(binding, what)
}
