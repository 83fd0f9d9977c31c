# METADATA
# title: Workload helpers
# description: >-
#   Finds the pod spec, pod metadata and containers of a Pod or of any workload
#   template (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
#   Job, CronJob, PodTemplate) in `input`, plus small helpers shared by the
#   workload controls (images, security contexts, label selectors).
package palisade.lib.workload

import rego.v1

# Kinds whose pod template is at spec.template.
template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

# Kinds that run pods, i.e. the kinds pod_spec is defined for.
pod_kinds := template_kinds | {"Pod", "CronJob", "PodTemplate"}

# Kinds whose pods are expected to run until stopped (not batch).
long_running_kinds := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}

# The object holding the pod's `metadata` and `spec`.
_template := input if input.kind == "Pod"

_template := input.spec.template if template_kinds[input.kind]

_template := input.spec.jobTemplate.spec.template if input.kind == "CronJob"

_template := input.template if input.kind == "PodTemplate"

_template_path := "" if input.kind == "Pod"

_template_path := "spec.template." if template_kinds[input.kind]

_template_path := "spec.jobTemplate.spec.template." if input.kind == "CronJob"

_template_path := "template." if input.kind == "PodTemplate"

# The pod spec of a Pod or of a workload's pod template; undefined otherwise.
pod_spec := _template.spec if is_object(_template.spec)

# Where pod_spec is, in `spec.template.spec` form.
pod_spec_path := concat("", [_template_path, "spec"]) if pod_spec

# The pod's metadata (the template's for workloads); {} when absent.
pod_metadata := object_or_empty(object.get(_template, "metadata", {})) if pod_spec

# Where pod_metadata is, in `spec.template.metadata` form.
pod_metadata_path := concat("", [_template_path, "metadata"]) if pod_spec

# Every container: {"container", "path", "kind"} with kind one of
# containers, initContainers, ephemeralContainers.
containers contains {"container": c, "path": sprintf("%s.%s[%d]", [pod_spec_path, field, i]), "kind": field} if {
	some field in ["initContainers", "containers", "ephemeralContainers"]
	list := object.get(pod_spec, field, [])
	is_array(list)
	some i, c in list
	is_object(c)
}

# "container \"web\"", "init container \"setup\"" or "ephemeral container \"debug\"".
describe(c) := sprintf("%s %q", [_container_words[c.kind], object.get(c.container, "name", "")])

_container_words := {"containers": "container", "initContainers": "init container", "ephemeralContainers": "ephemeral container"}

# The containers that run for the pod's lifetime (not init, not ephemeral).
app_containers contains c if {
	some c in containers
	c.kind == "containers"
}

# x when it is an object, else {} (a null or mistyped field counts as unset).
object_or_empty(x) := x if is_object(x)

object_or_empty(x) := {} if not is_object(x)

# x when it is an array, else [].
array_or_empty(x) := x if is_array(x)

array_or_empty(x) := [] if not is_array(x)

# The pod-level securityContext, {} when unset.
pod_security_context := object_or_empty(object.get(pod_spec, "securityContext", {}))

# A container's securityContext, {} when unset.
security_context(container) := object_or_empty(object.get(container, "securityContext", {}))

# The pod declares it runs on Windows (spec.os.name).
is_windows if pod_spec.os.name == "windows"

# The pod runs in its own user namespace (spec.hostUsers: false).
uses_user_namespace if pod_spec.hostUsers == false

# The pod's annotations, {} when none.
pod_annotations := object_or_empty(object.get(pod_metadata, "annotations", {}))

# The pod's labels, {} when none.
pod_labels := object_or_empty(object.get(pod_metadata, "labels", {}))

# The namespace of input, "default" when unset (as kubectl applies it).
namespace := ns if {
	ns := input.metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

# Every object of `kind` in the namespace of input, from data.inventory.
namespaced_objects(kind) := [obj |
	some api_version
	some name
	obj := data.inventory.namespace[namespace][api_version][kind][name]
]

# --- images -----------------------------------------------------------------

# An image reference split into parts (Docker reference grammar):
# registry (docker.io when implicit), repository (with library/ for official
# Docker Hub images), tag ("" when absent) and digest ("" when absent).
image_reference(image) := {
	"registry": registry,
	"repository": repository,
	"tag": tag,
	"digest": digest,
	"name": concat("/", [registry, repository]),
} if {
	[name_and_tag, digest] := _split_digest(image)
	[name, tag] := _split_tag(name_and_tag)
	[registry, repository] := _split_registry(name)
}

_split_digest(image) := [substring(image, 0, i), substring(image, i + 1, -1)] if {
	i := indexof(image, "@")
	i >= 0
}

_split_digest(image) := [image, ""] if indexof(image, "@") < 0

_split_tag(name) := [substring(name, 0, colon), substring(name, colon + 1, -1)] if {
	slash := _last_index(name, "/")
	colon := _last_index(name, ":")
	colon > slash
}

_split_tag(name) := [name, ""] if {
	_last_index(name, ":") <= _last_index(name, "/")
}

_last_index(s, sep) := count(s) - 1 - indexof(strings.reverse(s), sep) if indexof(s, sep) >= 0

_last_index(s, sep) := -1 if indexof(s, sep) < 0

_split_registry(name) := [first, substring(name, count(first) + 1, -1)] if {
	parts := split(name, "/")
	count(parts) > 1
	first := parts[0]
	_is_registry_host(first)
}

_split_registry(name) := ["docker.io", repository] if {
	parts := split(name, "/")
	not _explicit_registry(parts)
	repository := _docker_hub_repository(parts, name)
}

_explicit_registry(parts) if {
	count(parts) > 1
	_is_registry_host(parts[0])
}

_docker_hub_repository(parts, name) := concat("/", ["library", name]) if count(parts) == 1

_docker_hub_repository(parts, name) := name if count(parts) > 1

_is_registry_host(host) if contains(host, ".")

_is_registry_host(host) if contains(host, ":")

_is_registry_host("localhost")

# --- secrets ----------------------------------------------------------------

# Names that usually hold a credential (case-insensitive).
secret_like_name(name) if regex.match(`(?i)^AWS_SECRET_ACCESS_KEY$|^GOOGLE_APPLICATION_CREDENTIALS$|^AZURE_.+KEY$|^OCI_CLI_KEY_CONTENT$|passw(or)?d|token|bearer|secret|api[_-]?key|private[_-]?key`, name)

# Values that contain a PEM private key.
private_key_value(value) if {
	is_string(value)
	regex.match(`(?i)-BEGIN\s+.*PRIVATE KEY-`, value)
}

# --- label selectors ----------------------------------------------------------

# A LabelSelector (matchLabels and matchExpressions) selects `labels`.
# An empty selector selects everything, as in policy/v1 PDBs.
selector_matches(selector, labels) if {
	match_labels := object_or_empty(object.get(selector, "matchLabels", {}))
	every key, value in match_labels {
		labels[key] == value
	}
	every expr in array_or_empty(object.get(selector, "matchExpressions", [])) {
		_expression_matches(expr, labels)
	}
}

_expression_matches(expr, labels) if {
	expr.operator == "In"
	labels[expr.key] in expr.values
}

_expression_matches(expr, labels) if {
	expr.operator == "NotIn"
	not labels[expr.key] in expr.values
}

_expression_matches(expr, labels) if {
	expr.operator == "Exists"
	_ = labels[expr.key]
}

_expression_matches(expr, labels) if {
	expr.operator == "DoesNotExist"
	not _has_key(labels, expr.key)
}

_has_key(obj, key) if _ = obj[key]

# A PodDisruptionBudget in input's namespace selects the pod template.
pdbs_selecting_pods contains pdb if {
	some pdb in namespaced_objects("PodDisruptionBudget")
	selector := pdb.spec.selector
	is_object(selector)
	selector_matches(selector, pod_labels)
}

# HorizontalPodAutoscalers in input's namespace that scale input.
hpas_targeting_input contains hpa if {
	some hpa in namespaced_objects("HorizontalPodAutoscaler")
	hpa.spec.scaleTargetRef.kind == input.kind
	hpa.spec.scaleTargetRef.name == input.metadata.name
}
